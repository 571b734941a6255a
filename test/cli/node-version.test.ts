// Node 18, Debian 12's own `nodejs`, installs Roundup with only npm's EBADENGINE warning: every command then says in
// one line that Node 20 is needed and which node ran it, before anything fails somewhere inside.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// the runtime as Node 18 reports itself (the guard reads process.versions.node)
const AS_NODE_18 = "--import=data:text/javascript,Object.defineProperty(process.versions,'node',{value:'18.19.0'})";

describe('an older Node', () => {
  it('is named in one line, with the node that ran, exit 1, for every command', async () => {
    for (const args of [['status'], ['tick', '--dry-run'], ['--help']]) {
      const r = await runCli(args, { env: { NODE_OPTIONS: AS_NODE_18 } });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toBe(`digest: Roundup needs Node 20 or newer; ${process.execPath} is Node 18.19.0 (install Node 20, and name its node in the cron line or ExecStart=)\n`);
      expect(r.stdout).toBe('');
    }
  });
});
