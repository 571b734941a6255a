// A correction is stored, then the draft is rebuilt with it. When that rebuild fails (an out folder the
// editor's user may not write, as under a service sandbox), the editor is told the correction is saved,
// and `digest approve` does not freeze the draft without it.
import { chmodSync, chownSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CLI_TIMEOUT, NOW, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

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

describe.skipIf(!root)('a correction whose draft could not be rebuilt', () => {
  beforeAll(async () => {
    ws = makeDeskWorkspace();
    const r = await cli(['build', '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    chmodSync(ws.dir, 0o755);
    stateFor(65534);
  }, CLI_TIMEOUT);
  afterAll(() => ws?.remove());

  it('says in one line that the correction is saved, and why the draft is not rebuilt', async () => {
    const r = await cli(['edit', 'title', 'Kremlin rejects', 'Kremlin says no to Geneva'], true);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^digest: correction #1 \\(title\\) is saved, but draft 2026-11-23 could not be rebuilt with it: ${ws.outDir}: cannot write edition 2026-11-23 in this output folder \\(\`out:\` in the config\\): permission denied[^\\n]*\\n$`),
    );
  }, CLI_TIMEOUT);

  it('digest approve refuses the draft without it, saying how to rebuild it; once rebuilt, approves it with the correction', async () => {
    const r = await cli(['approve']);
    expect(r.stderr).toBe(
      'digest: correction #1 is not in the draft of edition 2026-11-23 (its rebuild failed or is still running); ' +
        'rebuild it (`digest build --now 2026-11-23T07:00:00.000+02:00`), read it, then approve\n',
    );
    expect(r.code).toBe(2);
    expect((await cli(['status'])).stdout).toMatch(/draft {7}edition 2026-11-23: draft;/);
    const rebuilt = await cli(['build', '--now', '2026-11-23T07:00:00.000+02:00']);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const approved = await cli(['approve']);
    expect(approved.stderr).toBe('');
    expect(approved.stdout).toMatch(/^approved edition 2026-11-23: 5 stories in 3 sections, 1 correction /);
    expect(readFileSync(path.join(ws.editionDir, 'digest.txt'), 'utf8')).toContain('Kremlin says no to Geneva');
  }, 480_000);
});
