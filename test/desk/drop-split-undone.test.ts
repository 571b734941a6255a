// A drop, move, pin or merge whose items are now a few reports of another story (the split that pulled them out taken back; a
// rebuild that regrouped them) drops only those reports, and does not move, pin or merge in that story, instead of the whole
// story going with them: three reports of the missiles' arrival dropped because the one the editor dropped was back
// among them. A story still mostly its items (a late report joined the dropped event) goes as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, CLI_TIMEOUT, deskCli, draftOf, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
beforeAll(async () => {
  ws = makeDeskWorkspace();
  // a third report of the missiles' arrival: the story is three reports from two outlets
  ws.addWireItems([
    {
      id: 'w-missiles-2',
      title: 'First long-range missiles from allies arrive in Ukraine',
      link: 'https://wire.test/a/missiles-2',
      date: '2026-11-20T18:00:00Z',
      body: 'The first long-range missiles promised by Ukraine’s allies have arrived, the defence ministry in Kyiv said on Friday evening. The missiles can strike targets far behind the front line.',
    },
  ]);
  const built = await deskCli(ws, ['build', '--now', NOW]);
  expect(built.code, built.stderr).toBe(0);
}, CLI_TIMEOUT);
afterAll(() => ws?.remove());

const edit = async (...args: string[]) => {
  const r = await deskCli(ws, ['edit', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r;
};
const sectionOf = (guid: string) => draftOf(ws).sections.find((s) => s.stories.some((st) => st.items.some((it) => it.guid === guid)))?.id ?? null;
const storyOf = (guid: string) => draftOf(ws).sections.flatMap((s) => s.stories).find((st) => st.items.some((it) => it.guid === guid)) ?? null;

describe('a correction on a report split out, the split taken back', () => {
  it('the story is built of three reports, in Weapons', () => {
    expect(storyOf('w-missiles')!.items.map((it) => it.guid).sort()).toEqual(['b-missiles', 'w-missiles', 'w-missiles-2']);
    expect(sectionOf('w-missiles')).toBe('arms');
  });

  it('a move of the report does not move the story it is back in', async () => {
    await edit('split', storyOf('w-missiles')!.id, 'brief:b-missiles'); // #1
    await edit('move', storyOf('b-missiles')!.id, 'talks'); // #2
    expect(sectionOf('b-missiles')).toBe('talks');
    await edit('undo', '1');
    expect(sectionOf('w-missiles')).toBe('arms');
    const list = await edit('list');
    expect(list.stdout).toMatch(/#2 move → talks .*: nothing changed: 1 of its items is in "Allies deliver first long-range missiles to Ukraine" \(Weapons & strikes, #1\) now, a story mostly of other reports, which stays in its section/);
    await edit('undo', '2');
  }, 480_000);

  it('a drop of the report takes only that report out of the story it is back in', async () => {
    await edit('split', storyOf('w-missiles')!.id, 'brief:b-missiles'); // #3
    await edit('drop', storyOf('b-missiles')!.id); // #4
    expect(storyOf('b-missiles')).toBeNull();
    await edit('undo', '3');
    const story = storyOf('w-missiles');
    expect(story?.items.map((it) => it.guid).sort()).toEqual(['w-missiles', 'w-missiles-2']);
    expect(storyOf('b-missiles')).toBeNull();
    expect(draftOf(ws).excluded.filter((x) => x.reason === 'dropped').map((x) => x.guid)).toEqual(['b-missiles']);
  }, 480_000);

  it('a merge of the report into another story does not merge in the story it is back in', async () => {
    await edit('undo', '4');
    const guids = (guid: string) => storyOf(guid)!.items.map((it) => it.guid).sort();
    expect(guids('b-missiles')).toEqual(['b-missiles', 'w-missiles', 'w-missiles-2']);
    await edit('split', storyOf('w-missiles')!.id, 'brief:b-missiles'); // #5
    await edit('merge', storyOf('w-budget')!.id, storyOf('b-missiles')!.id); // #6
    expect(guids('w-budget')).toEqual(['b-missiles', 'w-budget']);
    await edit('undo', '5');
    expect(guids('w-budget')).toEqual(['w-budget']);
    expect(guids('w-missiles')).toEqual(['b-missiles', 'w-missiles', 'w-missiles-2']);
    expect((await edit('list')).stdout).toMatch(/#6 merge .*: nothing changed: 1 of the items to merge in is in "Allies deliver first long-range missiles to Ukraine" \(Weapons & strikes, #1\) now, a story mostly of other reports, which is not merged in/);
  }, 480_000);
});
