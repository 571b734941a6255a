// `digest init` (and `feeds add`) in a folder the user running digest may not write, as when a Docker volume's folder
// was made by root and the image runs as uid 1000: one line naming the config and its folder, with the fix, exit 1,
// instead of the state folder's fault ("the state folder and its files must belong to …") about a .tmp file.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';

vi.setConfig({ testTimeout: 60_000 });

/** a folder readable by everyone and writable by nobody but root: the tests run as nobody when they run as root */
function lockedFolder(): string {
  const top = mkdtempSync(path.join(tmpdir(), 'roundup-init-locked-'));
  chmodSync(top, 0o755);
  const dir = path.join(top, 'data');
  mkdirSync(dir);
  chmodSync(dir, 0o555);
  return dir;
}

const WHO = /the folder .* is not writable by the user running digest( \(uid \d+\))?; make it theirs \(chown; in Docker, the image runs as uid 1000\) or run digest as its owner$/;

describe('a config folder this user may not write', () => {
  it('digest init names the config and its folder, with the fix, and writes nothing', async () => {
    const dir = lockedFolder();
    const file = path.join(dir, 'digest.config.yaml');
    const r = await runCli(['init', '--title', 'Locked Watch', '--config', file], { cwd: path.dirname(dir), asNobody: true });
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^digest: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot be written: `));
    expect(lines[0]).toMatch(WHO);
    expect(lines[0]).not.toContain('state folder');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('digest feeds remove likewise, and leaves the config as it was', async () => {
    const dir = lockedFolder();
    const file = path.join(dir, 'digest.config.yaml');
    const config = 'title: T\nfeeds:\n  - name: One\n    path: one.xml\n  - name: Two\n    path: two.xml\nthemes:\n  - id: a\n    title: A\n';
    chmodSync(dir, 0o755);
    writeFileSync(file, config);
    chmodSync(file, 0o644);
    chmodSync(dir, 0o555);
    const r = await runCli(['feeds', 'remove', 'two', '--config', file], { cwd: path.dirname(dir), asNobody: true });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(WHO);
    expect(readdirSync(dir)).toEqual(['digest.config.yaml']);
  });
});
