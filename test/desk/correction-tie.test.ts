// A correction whose story's items are now in two stories holding as many of them each (the merge it was written
// after taken back) goes to the first on the page, and says so where editors read it: on the desk, in the
// correction's row, and in `digest edit list`, with how to take it back, instead of picking one silently; and
// `digest edit undo` says which story it was on, and that it was a tie, as it takes it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Listening } from '../helpers/serve.js';
import { NOW, CLI_TIMEOUT, deskCli, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
let preview: Listening | undefined;
beforeAll(async () => {
  ws = makeDeskWorkspace();
  const built = await deskCli(ws, ['build', '--now', NOW]);
  expect(built.code, built.stderr).toBe(0);
}, CLI_TIMEOUT);
afterAll(async () => {
  await preview?.stop();
  ws?.remove();
});

const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const TIE =
  'it went to "Ukraine envoy meets mediators about a prisoner exchange" (Talks & diplomacy, #1), the first on the page: ' +
  '"Kremlin rejects Geneva ceasefire talks proposal" (Talks & diplomacy, #2) holds as many of its items; if you meant that one, `digest edit undo 2` takes it back';

describe('a title over two stories that hold as many of its items each', () => {
  it('says which it went to and that it was a tie, on the desk and in the list', async () => {
    for (const args of [['merge', 'Kremlin rejects', 'Ukraine envoy'], ['title', 'Kremlin rejects', 'Geneva and Doha: two tracks of talks'], ['undo', '1']]) {
      const r = await deskCli(ws, ['edit', ...args]);
      expect(r.code, r.stderr).toBe(0);
    }
    const list = await deskCli(ws, ['edit', 'list']);
    expect(list.stdout).toContain(TIE);

    preview = await startPreview(['--config', ws.configFile, '--now', NOW, '--offline', '--no-watch', '--out', ws.outDir]);
    const page = unescape(await (await fetch(preview.url)).text());
    const row = /<li data-correction="2"[^>]*>([\s\S]*?)<\/li>/.exec(page)?.[1] ?? '';
    expect(row).toContain(TIE);
  }, 480_000);

  it('says, as it takes it back, which story it was on and that it was a tie', async () => {
    const undo = await deskCli(ws, ['edit', 'undo', '2']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).toBe(
      'took back correction #2 (title), which was on "Ukraine envoy meets mediators about a prisoner exchange" (Talks & diplomacy, #1), ' +
        'the first on the page of the stories holding as many of its items (also "Kremlin rejects Geneva ceasefire talks proposal" (Talks & diplomacy, #2)); ' +
        'draft 2026-11-23 rebuilt\n',
    );
    // the title is gone from the draft
    expect((await deskCli(ws, ['edit', 'list'])).stdout).not.toContain('Geneva and Doha: two tracks of talks');
  }, CLI_TIMEOUT);
});
