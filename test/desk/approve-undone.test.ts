// `digest approve` after another editor took a correction back and the draft could not be rebuilt without it (an
// out folder their user may not write): the draft on disk still carries it, and is not approved so, as the
// preview's Approve refuses such a build; it says how to rebuild, and once rebuilt approves the draft without it.
// Nor does the desk of serve approve the page it showed before the undo.
import { chmodSync, chownSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CLI_TIMEOUT, ID, NOW, SECRET, draftOf, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';
import { deskPost, openDesk, type OpenDesk } from './sign-in.js';
import { openStore } from '../../src/store/index.js';
import { EditionLifecycle } from '../../src/store/lifecycle.js';

const root = process.getuid?.() === 0;
let ws: DeskWorkspace;

const cli = (args: string[], asNobody = false) => runCli([...args, '--config', ws.configFile], { cwd: ws.dir, timeoutMs: CLI_TIMEOUT, asNobody });

/** the state folder (and everything in it) the other user's; the out folder stays root's */
function stateFor(uid: number): void {
  const own = (p: string) => {
    chownSync(p, uid, uid);
    for (const f of readdirSync(p, { withFileTypes: true })) (f.isDirectory() ? own : (x: string) => chownSync(x, uid, uid))(path.join(p, f.name));
  };
  own(ws.stateDir);
}

describe.skipIf(!root)('digest approve of a draft that still carries a correction taken back', () => {
  beforeAll(async () => {
    ws = makeDeskWorkspace();
    const r = await cli(['build', '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    const title = await cli(['edit', 'title', 'Kremlin rejects', 'Kremlin says no to Geneva']);
    expect(title.code, title.stderr).toBe(0);
  }, CLI_TIMEOUT);
  afterAll(() => ws?.remove());

  it('refuses it, saying how to rebuild; once rebuilt, approves the draft without it', async () => {
    // the other editor's undo is stored; the rebuild without it cannot write the out folder
    chmodSync(ws.dir, 0o755);
    stateFor(65534);
    const undo = await cli(['edit', 'undo', '1'], true);
    expect(undo.code, undo.stderr).toBe(1);
    expect(undo.stderr).toMatch(/^digest: correction #1 \(title\) is taken back, but draft 2026-11-23 could not be rebuilt without it: /);
    expect(readFileSync(path.join(ws.editionDir, 'digest.txt'), 'utf8')).toContain('Kremlin says no to Geneva');

    const r = await cli(['approve']);
    expect(r.stderr).toBe(
      'digest: correction #1 was taken back but is still in the draft of edition 2026-11-23 (the rebuild without it failed or is still running); ' +
        'rebuild it (`digest build --now 2026-11-23T07:00:00.000+02:00`), read it, then approve\n',
    );
    expect(r.code).toBe(2);
    expect((await cli(['status'])).stdout).toMatch(/draft {7}edition 2026-11-23: draft; 5 stories; 1 correction; 1 taken back since, still in it \(rebuild the draft\)/);

    const rebuilt = await cli(['build', '--now', '2026-11-23T07:00:00.000+02:00']);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const approved = await cli(['approve']);
    expect(approved.stderr).toBe('');
    expect(approved.stdout).toMatch(/^approved edition 2026-11-23: 5 stories in 3 sections \(/);
    expect(draftOf(ws).corrections).toBeUndefined();
    expect(readFileSync(path.join(ws.editionDir, 'digest.txt'), 'utf8')).not.toContain('Kremlin says no to Geneva');
  }, 480_000);
});

describe.skipIf(!root)('the desk of serve, approving the page read before the undo', () => {
  let desk: OpenDesk;
  beforeAll(async () => {
    ws = makeDeskWorkspace('editors: [ed@desk.test]\n');
    for (const args of [['build', '--now', NOW], ['edit', 'title', 'Kremlin rejects', 'Kremlin says no to Geneva']]) {
      const r = await cli(args);
      expect(r.code, r.stderr).toBe(0);
    }
    desk = await openDesk(ws, SECRET);
  }, CLI_TIMEOUT);
  afterAll(async () => {
    await desk?.close();
    ws?.remove();
  });

  const page = async () => (await fetch(`${desk.serve.url}/desk`, { headers: { Cookie: desk.cookie } })).text();
  const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const state = () => {
    const store = openStore(ws.stateDir);
    try {
      return new EditionLifecycle(store).get(ID)!.state;
    } finally {
      store.close();
    }
  };

  it('is refused, saying the correction was taken back', async () => {
    const form = /<form method="post" action="desk\/approve" class="block approve">(.*?)<\/form>/.exec(await page())![1];
    const fields = Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]));
    chmodSync(ws.dir, 0o755);
    stateFor(65534);
    expect((await cli(['edit', 'undo', '1'], true)).code).toBe(1);

    expect((await deskPost(desk.serve, '/desk/approve', fields, desk.cookie)).status).toBe(303);
    expect(unescape(await page())).toContain('correction #1 was taken back but is still in the draft (the rebuild without it failed or is still running); reload the desk, read it, then approve');
    expect(state()).toBe('draft');
  }, 480_000);
});
