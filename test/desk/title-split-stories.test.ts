// A title written for a story whose items are in two stories now (the merge it was written after taken back) goes
// to one of them, and the correction says where the others are, instead of calling them gone from the edition while
// they are in the draft under their own title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, CLI_TIMEOUT, deskCli, draftOf, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
beforeAll(async () => {
  ws = makeDeskWorkspace();
  const built = await deskCli(ws, ['build', '--now', NOW]);
  expect(built.code, built.stderr).toBe(0);
}, CLI_TIMEOUT);
afterAll(() => ws?.remove());

describe('a title over two stories that were one', () => {
  it('says which story kept the title and where the other items are', async () => {
    for (const args of [['merge', 'Kremlin rejects', 'Ukraine envoy'], ['title', 'Kremlin rejects', 'Geneva and Doha: two tracks of talks'], ['undo', '1']]) {
      const r = await deskCli(ws, ['edit', ...args]);
      expect(r.code, r.stderr).toBe(0);
    }
    const title = draftOf(ws).corrections!.find((c) => c.id === 2)!;
    expect(title.status).toBe('applied');
    expect(title.note).toMatch(/; 1 of its 2 items is in another story now, "Kremlin rejects Geneva ceasefire talks proposal" \(Talks & diplomacy, #2\), which keeps its own title$/);
    expect(title.note).not.toMatch(/no longer in this edition/);
  }, 480_000);
});
