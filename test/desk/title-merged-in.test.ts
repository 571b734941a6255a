// A title or summary an editor wrote for a story that is then merged into another (digest edit merge STORY OTHER, the
// desk's "Merge in") stays on the merged story when the story merged into still has the machine's own, instead of the
// merge silently throwing the editor's words away while the correction is still listed as applied; when both have an
// editor's title, the story merged into keeps its own and the other title's correction says so.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, CLI_TIMEOUT, deskCli, draftOf, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
beforeAll(async () => {
  ws = makeDeskWorkspace();
  const built = await deskCli(ws, ['build', '--now', NOW]);
  expect(built.code, built.stderr).toBe(0);
}, CLI_TIMEOUT);
afterAll(() => ws?.remove());

const holding = (guid: string) => draftOf(ws).sections.flatMap((s) => s.stories).find((st) => st.items.some((it) => it.guid === guid))!;
const edit = async (...args: string[]) => {
  const r = await deskCli(ws, ['edit', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r;
};

describe('a story an editor retitled, merged into another', () => {
  const title = 'Talks on two tracks: Geneva refused, Doha under way';
  const summary = 'Moscow said no to Geneva; in Doha the envoys swapped lists of prisoners.';

  it('keeps the editor’s title and summary on the merged story, in the email too', async () => {
    await edit('title', 'Ukraine envoy', title);
    await edit('summary', title, summary);
    await edit('merge', 'Kremlin rejects', title);
    const merged = holding('w-envoy');
    expect(merged.items.map((it) => it.guid).sort()).toEqual(['w-envoy', 'w-geneva']);
    expect(merged.title).toBe(title);
    expect(merged.summary).toBe(summary);
    // the story's badge names every correction that shows on it
    expect(merged.corrections).toEqual([1, 2, 3]);
    const email = readFileSync(path.join(ws.editionDir, 'digest.txt'), 'utf8');
    expect(email).toContain(title);
    expect(email).toContain(summary);
    expect(email).not.toContain('Kremlin rejects Geneva ceasefire talks proposal');
  }, 480_000);

  it('when the story merged into has an editor’s title too, that one stays and the other’s correction says so', async () => {
    // the merge taken back, the Kremlin's story retitled, merged again
    await edit('undo', '3');
    expect(holding('w-envoy').title).toBe(title);
    await edit('title', 'Kremlin rejects', 'Kremlin says no to Geneva');
    await edit('merge', 'Kremlin says no', title);
    const merged = holding('w-envoy');
    expect(merged.title).toBe('Kremlin says no to Geneva');
    // the summary only the story merged in had an editor's for still carries
    expect(merged.summary).toBe(summary);
    const list = await edit('list');
    expect(list.stdout).toMatch(/#1 title → Talks on two tracks.*applied.*its story was merged into "Kremlin says no to Geneva" by #5, which keeps the title of #4/);
  }, 480_000);
});
