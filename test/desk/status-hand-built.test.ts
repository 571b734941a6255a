// `digest status` of a reviewed digest whose draft an editor built by hand (digest build) before the scheduler's step
// says the draft is built and the editors not told yet, instead of "its draft is not built yet" on the line above the
// draft row that shows it, with its stories and the corrections made on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, CLI_TIMEOUT, REVIEWED, deskCli, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let ws: DeskWorkspace;
beforeAll(async () => {
  ws = makeDeskWorkspace(REVIEWED);
  const built = await deskCli(ws, ['build', '--now', NOW]);
  expect(built.code, built.stderr).toBe(0);
  const title = await deskCli(ws, ['edit', 'title', 'Kremlin rejects', 'Kremlin says no to Geneva']);
  expect(title.code, title.stderr).toBe(0);
}, CLI_TIMEOUT);
afterAll(() => ws?.remove());

describe('digest status with a draft built by hand', () => {
  it('says the draft is built and the editors are not told yet, not that it is not built', async () => {
    const r = await deskCli(ws, ['status', '--now', '2026-11-23T07:30:00+02:00']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\n {2}draft {7}edition 2026-11-23: draft; 5 stories; 1 correction\n/);
    expect(r.stdout).not.toContain('not built yet');
    expect(r.stdout).toMatch(
      /\n {2}due {9}edition 2026-11-23, since .*: its draft is built \(see the draft row\) and the editors are not told yet; the scheduler's next step builds it again, with any news since and the corrections made, and tells them\n/,
    );
  }, CLI_TIMEOUT);
});
