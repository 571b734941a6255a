// A correction that would change nothing (the title or summary the story already has, the introduction as it reads)
// is refused in the preview's Desk tab, saying so, instead of "Correction #1 (title) saved" for a stored correction
// that does nothing; one that changes something still goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Listening } from '../helpers/serve.js';
import { CLI_TIMEOUT, NOW, deskCli, draftOf, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
let preview: Listening;

beforeAll(async () => {
  ws = makeDeskWorkspace();
  const built = await deskCli(ws, ['build', '--now', NOW]);
  expect(built.code, built.stderr).toBe(0);
  preview = await startPreview(['--config', ws.configFile, '--now', NOW, '--offline', '--no-watch', '--out', ws.outDir]);
}, CLI_TIMEOUT);
afterAll(async () => {
  await preview?.stop();
  ws?.remove();
});

const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** The hidden fields of the page's form for `action` (on the story whose id is given), and its text field as shown. */
async function formOf(action: string, story?: string): Promise<{ fields: Record<string, string>; text: string }> {
  const page = await (await fetch(preview.url)).text();
  const forms = [...page.matchAll(/<form method="post" action="\/edit"[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]);
  const form = forms.find((f) => f.includes(`name="action" value="${action}"`) && (story === undefined || f.includes(`name="story" value="${story}"`)))!;
  const text = /<input name="text"[^>]*value="([^"]*)"/.exec(form)?.[1] ?? /<textarea name="text"[^>]*>([^<]*)<\/textarea>/.exec(form)?.[1] ?? '';
  return { fields: Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], unescape(m[2])])), text: unescape(text) };
}
const post = (fields: Record<string, string>) => fetch(`${preview.url}edit`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
const kremlin = () => draftOf(ws).sections.flatMap((s) => s.stories).find((st) => st.items.some((it) => it.guid === 'w-geneva'))!;
const message = async () => unescape(/<p class="msg ([a-z]+)" role="[a-z]+">([^<]*)<\/p>/.exec(await (await fetch(preview.url)).text())?.slice(1).join(': ') ?? '');

describe('the preview: a correction that changes nothing', () => {
  it('is refused, saying so, and nothing is stored', async () => {
    const title = await formOf('title', kremlin().id);
    expect(title.text).toBe('Kremlin rejects Geneva ceasefire talks proposal');
    expect((await post({ ...title.fields, text: title.text })).status).toBe(303);
    expect(await message()).toBe('error: STORY "Kremlin rejects Geneva ceasefire talks proposal" already has this title; nothing to change');

    const summary = await formOf('summary', kremlin().id);
    expect((await post({ ...summary.fields, text: summary.text })).status).toBe(303);
    expect(await message()).toBe('error: STORY "Kremlin rejects Geneva ceasefire talks proposal" already has this summary; nothing to change');

    const intro = await formOf('intro');
    expect((await post({ ...intro.fields, text: '' })).status).toBe(303);
    expect(await message()).toBe('error: there is no introduction to remove; nothing to change');
    expect(draftOf(ws).corrections).toBeUndefined();

    // a change goes through
    const again = await formOf('title', kremlin().id);
    expect((await post({ ...again.fields, text: 'Moscow says no to Geneva' })).status).toBe(303);
    expect(await message()).toBe('done: Correction #1 (title) saved; draft 2026-11-23 rebuilt too.');
    expect(kremlin().title).toBe('Moscow says no to Geneva');
  }, 480_000);
});
