// A story an editor gave both a new title and a new summary keeps both when a later correction remakes it (an item
// split out of it, another story merged into it), instead of the second of the two reverting to the machine's: the
// remade story kept only what the first correction had set.
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
};

describe('a story given a title and a summary, then remade by a split', () => {
  it('keeps both the title and the summary, in the draft and in the email', async () => {
    const title = 'First long-range missiles reach Ukraine';
    const summary = 'Allies handed over the first long-range missiles, Kyiv said.';
    expect(holding('w-missiles').items.map((it) => it.guid).sort()).toEqual(['b-missiles', 'w-missiles']);
    await edit('title', 'Ukraine receives', title);
    await edit('summary', title, summary);
    await edit('split', title, 'brief:b-missiles');
    const rest = holding('w-missiles');
    expect(rest.items.map((it) => it.guid)).toEqual(['w-missiles']);
    expect(rest.title).toBe(title);
    expect(rest.summary).toBe(summary);
    expect(readFileSync(path.join(ws.editionDir, 'digest.txt'), 'utf8')).toContain(summary);
  }, 480_000);
});
