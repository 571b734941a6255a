// `digest edit …` as scripts use it: every verb corrects the current draft, the corrections survive a
// rebuild after a late feed, digest.json and report.html record each one next to the machine's decision,
// a correction whose items vanished is reported, and bad references get one clear line.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { BRIEF_ITEMS, LATE_ITEM, NOW, deskCli, draftOf, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
beforeAll(async () => {
  ws = makeDeskWorkspace();
  const r = await cli(['build', '--now', NOW]);
  expect(r.code, r.stderr).toBe(0);
}, 180_000);
afterAll(() => ws.remove());

const cli = (args: string[]) => deskCli(ws, args);
const edition = () => draftOf(ws);
const layout = (e: Edition) => Object.fromEntries(e.sections.map((s) => [s.id, s.stories.map((st) => st.title)]));

describe('digest edit', () => {
  it('applies every verb to the draft and says what the machine had', async () => {
    const steps: [string[], RegExp][] = [
      [['drop', 'Russia launches'], /^correction #1 \(drop\) saved by ed@desk\.test\ndraft 2026-11-23 rebuilt \(out\/2026-11-23\): applied \(was "Russia launches drone strike on Kharkiv power station" \(Weapons & strikes, #2\)\)\n$/],
      [['move', 'Ukraine budget', 'Talks'], /applied \(was section: Other news\)/],
      [['merge', 'Ukraine envoy', 'Kremlin'], /applied \(was separate stories: "Ukraine envoy meets mediators about a prisoner exchange" \(Talks & diplomacy, #\d\); "Kremlin rejects Geneva ceasefire talks proposal" \(Talks & diplomacy, #\d\)\)/],
      [['pin', 'Ukraine budget'], /applied \(was #2 in Talks & diplomacy\)/],
      [['split', 'Ukraine receives', 'brief:b-missiles'], /applied \(was one story: "Ukraine receives first long-range missiles from allies" \(Weapons & strikes, #1\) of 2 items\)/],
      [['title', 'Allies deliver', 'Second delivery of missiles reported'], /applied \(was title: Allies deliver first long-range missiles to Ukraine\)/],
      [['summary', 'Ukraine receives', 'The missiles arrived on Friday, the ministry said.'], /applied \(was summary: Ukraine has received/],
      [['intro', 'A week of deliveries and talks.'], /applied\n$/],
    ];
    for (const [args, expected] of steps) {
      const r = await cli(['edit', ...args, '--by', 'ed@desk.test']);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(expected);
    }
    const e = edition();
    expect(e.intro).toBe('A week of deliveries and talks.');
    expect(layout(e)).toEqual({
      arms: ['Ukraine receives first long-range missiles from allies', 'Second delivery of missiles reported'],
      talks: ['Ukraine budget for 2027 passes first reading in parliament', 'Ukraine envoy meets mediators about a prisoner exchange'],
    });
    expect(e.sections[1].stories[1].items.map((i) => i.guid)).toEqual(['w-envoy', 'w-geneva']);
    expect(e.sections[0].stories[0].summary).toBe('The missiles arrived on Friday, the ministry said.');
    expect(e.excluded).toEqual([expect.objectContaining({ guid: 'b-drones', reason: 'dropped', detail: 'dropped by ed@desk.test (correction #1)' })]);
    expect(e.corrections!.map((c) => [c.id, c.kind, c.status, c.by])).toEqual([
      [1, 'drop', 'applied', 'ed@desk.test'],
      [2, 'move', 'applied', 'ed@desk.test'],
      [3, 'merge', 'applied', 'ed@desk.test'],
      [4, 'pin', 'applied', 'ed@desk.test'],
      [5, 'split', 'applied', 'ed@desk.test'],
      [6, 'title', 'applied', 'ed@desk.test'],
      [7, 'summary', 'applied', 'ed@desk.test'],
      [8, 'intro', 'applied', 'ed@desk.test'],
    ]);
    // the email and its text part carry them too
    const text = readFileSync(path.join(ws.editionDir, 'digest.txt'), 'utf8');
    expect(text).toContain('A week of deliveries and talks.');
    expect(text).toContain('Second delivery of missiles reported');
    expect(text).not.toContain('Kharkiv');
    expect(readFileSync(path.join(ws.editionDir, 'digest.html'), 'utf8')).toContain('A week of deliveries and talks.');
  }, 900_000);

  it('keeps the corrections when a late feed item makes the draft be built again', async () => {
    ws.addLateItem();
    const r = await cli(['build', '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    const e = edition();
    expect(layout(e).arms).toEqual(['Ukraine receives first long-range missiles from allies', 'Second delivery of missiles reported']);
    expect(layout(e).talks![0]).toBe('Ukraine budget for 2027 passes first reading in parliament');
    expect(layout(e).other).toEqual([LATE_ITEM.title]); // the late story is in, untouched
    expect(e.corrections!.every((c) => c.status === 'applied')).toBe(true);
  }, 240_000);

  it('reports a correction whose items left the feed, in digest.json and report.html', async () => {
    // the brief feed no longer carries the drone story that was dropped
    const brief = path.join(ws.dir, 'feeds/brief.atom');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace(/<entry><id>b-drones<\/id>[\s\S]*?<\/entry>/, ''));
    expect(BRIEF_ITEMS.some((i) => i.id === 'b-drones')).toBe(true);
    expect((await cli(['build', '--now', NOW])).code).toBe(0);
    const drop = edition().corrections!.find((c) => c.id === 1)!;
    expect(drop).toMatchObject({ status: 'vanished', note: 'its item is no longer in this edition', machine: null });

    const { document } = parseHTML(readFileSync(path.join(ws.editionDir, 'report.html'), 'utf8'));
    const rows = [...document.querySelectorAll('#corrections tbody tr')];
    expect(rows).toHaveLength(8);
    expect(document.querySelector('#corrections p')!.textContent).toContain('8 corrections, 1 no longer applying');
    expect(document.querySelector('#correction-1')!.getAttribute('data-status')).toBe('vanished');
    const title = document.querySelector('#correction-6')!.textContent!;
    expect(title).toContain('Second delivery of missiles reported');
    expect(title).toContain('title: Allies deliver first long-range missiles to Ukraine'); // the machine's decision next to it
    expect(title).toContain('ed@desk.test');
    // the items of an edited story point at their corrections
    const edited = [...document.querySelectorAll('#rows tbody tr')].find((tr) => tr.textContent!.includes('Allies deliver first long-range'))!;
    expect(edited.querySelector('.badge.edited')!.textContent).toMatch(/edited #5 #6/);
  }, 240_000);

  it('undo takes a correction back; an edit withdraws an approval', async () => {
    expect((await cli(['approve'])).code).toBe(0);
    const r = await cli(['edit', 'undo', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('approval of edition 2026-11-23 withdrawn: approve it again once it is right\ntook back correction #2 (move), which was on "Ukraine budget for 2027 passes first reading in parliament" (Talks & diplomacy, #1); draft 2026-11-23 rebuilt\n');
    const e = edition();
    expect(layout(e).other).toContain('Ukraine budget for 2027 passes first reading in parliament');
    expect(e.corrections!.map((c) => c.id)).not.toContain(2);
    const status = await cli(['status']);
    expect(status.stdout).toMatch(/draft {7}edition 2026-11-23: draft; 5 stories; 7 corrections \(1 vanished\)/);
  }, 360_000);

  it('names what is wrong in one line: an unknown or ambiguous story, a bad section, a one-item split', async () => {
    const cases: [string[], RegExp][] = [
      [['drop', 'Nothing like this'], /^digest: STORY "Nothing like this": nothing has that id or a title starting so; `digest edit list` shows the stories\n$/],
      [['pin', 'Ukraine'], /^digest: STORY "Ukraine": matches \d+ \(".*", ".*", ".*", …\); give more of the title or the id\n$/],
      [['move', 'Ukraine budget', 'sports'], /^digest: SECTION "sports": nothing has that id or a title starting so; the sections are: arms, talks, other\n$/],
      [['split', 'Ukraine budget', 'x'], /^digest: STORY "Ukraine budget for 2027 passes first reading in parliament" has one item only; there is nothing to split out\n$/],
      [['title', 'Ukraine budget', '  '], /^digest: title: expected some text, got an empty string\n$/],
    ];
    for (const [args, expected] of cases) {
      const r = await cli(['edit', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(expected);
    }
  }, 480_000);
});
