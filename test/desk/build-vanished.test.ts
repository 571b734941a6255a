// A rebuild that leaves an editor's correction with nothing to apply to (its items gone from the feeds) says so
// in one line on the command line, as the desk and the report do, instead of a quiet "5 stories" the editor takes
// for the draft they corrected; nor does `digest approve` count it among the corrections it approves, unsaid.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rssFeed } from '../helpers/two-feeds.js';
import { CLI_TIMEOUT, NOW, WIRE_ITEMS, deskCli, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
beforeAll(async () => {
  ws = makeDeskWorkspace();
  const built = await deskCli(ws, ['build', '--now', NOW]);
  expect(built.code, built.stderr).toBe(0);
}, CLI_TIMEOUT);
afterAll(() => ws?.remove());

describe('digest build of a draft with a correction whose items are gone', () => {
  it('names the correction in one line, and how to take it back', async () => {
    for (const args of [['summary', 'Kremlin rejects', 'Moscow says no, for now.', '--by', 'ed@desk.test'], ['pin', 'Russia launches']]) {
      const r = await deskCli(ws, ['edit', ...args]);
      expect(r.code, r.stderr).toBe(0);
    }
    const quiet = await deskCli(ws, ['build', '--now', NOW]);
    expect(quiet.stderr).toBe('');

    // the wire no longer carries the Kremlin's refusal
    writeFileSync(path.join(ws.dir, 'feeds/wire.xml'), rssFeed(WIRE_ITEMS.filter((i) => i.id !== 'w-geneva')));
    const r = await deskCli(ws, ['build', '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      'note: correction #1 (summary, by ed@desk.test) no longer applies: its item is no longer in this edition; `digest edit undo 1` takes it back\n',
    );
    expect(r.stdout).toContain('4 stories');
  }, 480_000);

  it('digest approve says so too, and counts only the corrections that apply', async () => {
    const r = await deskCli(ws, ['approve']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      'note: correction #1 (summary, by ed@desk.test) no longer applies: its item is no longer in this edition; `digest edit undo 1` takes it back\n',
    );
    expect(r.stdout).toMatch(/^approved edition 2026-11-23: 4 stories in 3 sections, 1 correction \(/);
  }, CLI_TIMEOUT);
});
