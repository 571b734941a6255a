// A correction in the preview's Desk tab after another editor corrected the draft on the command line: the preview's
// page, built before that, does not show it (a correction elsewhere changes no file the preview watches), so a new
// title over the other editor's is refused as on the desk of serve, saying what happened; the preview rebuilds with
// it, and the editor's change goes through once read.
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
/** The preview page, and the hidden fields of its form for `action` on the story whose id is given. */
async function formOf(action: string, story: string): Promise<{ page: string; fields: Record<string, string> }> {
  const page = await (await fetch(preview.url)).text();
  const forms = [...page.matchAll(/<form method="post" action="\/edit"[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]);
  const form = forms.find((f) => f.includes(`name="action" value="${action}"`) && f.includes(`name="story" value="${story}"`))!;
  return { page, fields: Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], unescape(m[2])])) };
}
const post = (fields: Record<string, string>) => fetch(`${preview.url}edit`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
const kremlin = () => draftOf(ws).sections.flatMap((s) => s.stories).find((st) => st.items.some((it) => it.guid === 'w-geneva'))!;
const message = async () => unescape(/<p class="msg [a-z]+" role="[a-z]+">([^<]*)<\/p>/.exec(await (await fetch(preview.url)).text())?.[1] ?? '');

describe('the preview after a correction on the command line', () => {
  it('refuses a new title over the one the other editor wrote since, rebuilds with it, then takes the change once read', async () => {
    const { fields } = await formOf('title', kremlin().id);
    expect(fields.shown).toBe('Kremlin rejects Geneva ceasefire talks proposal');
    const cli = await deskCli(ws, ['edit', 'title', 'Kremlin rejects', 'Kremlin turns down talks in Geneva', '--by', 'cli@desk.test']);
    expect(cli.code, cli.stderr).toBe(0);

    expect((await post({ ...fields, text: 'Moscow says no to Geneva' })).status).toBe(303);
    expect(kremlin().title).toBe('Kremlin turns down talks in Geneva');
    expect(draftOf(ws).corrections).toHaveLength(1);
    expect(await message()).toBe(
      'the draft was corrected elsewhere since this page was loaded (correction #1); the preview has been rebuilt as the draft now is: read it, then make your change',
    );

    const again = await formOf('title', kremlin().id);
    expect(again.fields.shown).toBe('Kremlin turns down talks in Geneva');
    expect((await post({ ...again.fields, text: 'Moscow says no to Geneva' })).status).toBe(303);
    expect(kremlin().title).toBe('Moscow says no to Geneva');
    expect(await message()).toBe('Correction #2 (title) saved; draft 2026-11-23 rebuilt too.');
  }, 480_000);

  it('a correction after approving in the preview goes through, and withdraws the approval', async () => {
    const page = await (await fetch(preview.url)).text();
    const approve = /<form method="post" action="\/approve"[^>]*>([\s\S]*?)<\/form>/.exec(page)![1];
    const fields = Object.fromEntries([...approve.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]));
    expect((await fetch(`${preview.url}approve`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' })).status).toBe(303);
    expect(await message()).toMatch(/^Edition 2026-11-23 approved/);

    expect((await post((await formOf('pin', kremlin().id)).fields)).status).toBe(303);
    expect(await message()).toBe('Approval of edition 2026-11-23 withdrawn. Correction #3 (pin) saved; draft 2026-11-23 rebuilt too.');
  }, 480_000);
});
