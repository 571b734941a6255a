// A title written for a story before an item was split out of it stays with the rest of that story when its items
// are in two stories again (the merge that made it taken back), instead of going to the split-off item's story
// because that one comes first on the page.
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

describe('a title made before a split, its merge taken back', () => {
  it('stays on the story it was written for, not the split-off one', async () => {
    for (const args of [['merge', 'Kremlin rejects', 'Ukraine envoy'], ['title', 'Kremlin rejects', 'Geneva and Doha: two tracks of talks'], ['split', 'Geneva and Doha', 'wire:w-envoy']]) {
      const r = await deskCli(ws, ['edit', ...args]);
      expect(r.code, r.stderr).toBe(0);
    }
    // as the editor left it: the title on the Kremlin's story, the envoy's split out under its own
    expect(holding('w-geneva').title).toBe('Geneva and Doha: two tracks of talks');
    expect(holding('w-envoy').title).toBe('Ukraine envoy meets mediators about a prisoner exchange');

    const undo = await deskCli(ws, ['edit', 'undo', '1']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(holding('w-geneva').title).toBe('Geneva and Doha: two tracks of talks');
    expect(holding('w-envoy').title).toBe('Ukraine envoy meets mediators about a prisoner exchange');
    expect(draftOf(ws).corrections!.find((c) => c.id === 2)!.story).toBe(holding('w-geneva').id);
  }, 480_000);
});
