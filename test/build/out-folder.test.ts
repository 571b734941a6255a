// The output folder (--out) through the CLI: a write that fails there names that folder, not the state folder,
// in one line with exit 1, and leaves no temporary folder behind; one left by a process that died is removed.
// A folder the file system will not make is named too, at once.
import { execFile } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, writeSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { cannotMount, mountTmpfs, type Mounted } from '../helpers/mounts.js';

// several CLI runs per test: allow for a busy two-core machine
vi.setConfig({ testTimeout: 180_000 });

const NOW = '2026-11-23T07:00:00Z';

/** A folder with the sample config, its feeds read from the repository and its state folder inside. */
function workspace(): { dir: string; config: string; state: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-out-'));
  const state = path.join(dir, 'state');
  const yaml = readFileSync(path.join(ROOT, 'feeds/example.config.yaml'), 'utf8')
    .replace(/^(\s+path: )(.+)$/gm, (_m, key: string, file: string) => `${key}${path.join(ROOT, 'feeds', file)}`)
    .replace(/^state: .*$/m, `state: ${state}`);
  const config = path.join(dir, 'digest.config.yaml');
  writeFileSync(config, yaml);
  return { dir, config, state };
}

/** No file may grow past this (runCli's fileLimitKiB): the state folder's files fit (SQLite's -shm is 32 KiB). */
const FILE_LIMIT_KIB = 64;

/** Write zeros until the file system says it is full. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (;;) writeSync(fd, Buffer.alloc(64 * 1024));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
}

/** The pid of a process that has exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['-e', '']);
    child.on('exit', () => resolve(child.pid!));
  });
}

const oneLine = (r: CliResult) => {
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
};

describe('a failed write in the output folder', () => {
  it('names the --out folder, not the state folder, and leaves no temp folder: exit 1, one line', async () => {
    const ws = workspace();
    // the state folder is made by a first build, so the limited run only reads it
    const first = await runCli(['build', '--config', ws.config, '--now', NOW, '--offline', '--out', path.join(ws.dir, 'first')], { cwd: ws.dir });
    expect(first.code, first.stderr).toBe(0);
    const sizes = readdirSync(path.join(ws.dir, 'first/2026-11-23')).map((f) => statSync(path.join(ws.dir, 'first/2026-11-23', f)).size);
    expect(Math.max(...sizes), 'an edition file larger than the limit').toBeGreaterThan(FILE_LIMIT_KIB * 1024);
    const out = path.join(ws.dir, 'out');
    const r = await runCli(['build', '--config', ws.config, '--now', NOW, '--offline', '--out', out], { cwd: ws.dir, fileLimitKiB: FILE_LIMIT_KIB });
    expect(r.code, r.stderr).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain(`digest: ${out}: cannot write edition 2026-11-23 in this output folder (--out): it reached this process's file-size limit`);
    expect(r.stderr).not.toContain('state folder');
    // the first build's record of when it saw each item, not written again: nothing new was seen
    expect(readdirSync(ws.state).sort()).toEqual(['digest.db', 'first-seen.json']);
    expect(readdirSync(out), 'no temp folder left').toEqual([]);
    // a retry fails the same way and leaves nothing either
    const again = await runCli(['build', '--config', ws.config, '--now', NOW, '--offline', '--out', out], { cwd: ws.dir, fileLimitKiB: FILE_LIMIT_KIB });
    expect(again.code, again.stderr).toBe(1);
    expect(readdirSync(out)).toEqual([]);
  });

  it("removes a temp folder a dead process left, and keeps a live one's", async () => {
    const ws = workspace();
    const out = path.join(ws.dir, 'out');
    const dead = path.join(out, `2026-11-16.tmp-${await deadPid()}`);
    const live = path.join(out, `2026-11-16.tmp-${process.pid}`);
    for (const d of [dead, live]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(path.join(d, 'digest.json'), '{"half": ');
    }
    const r = await runCli(['build', '--config', ws.config, '--now', NOW, '--offline', '--out', out], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['2026-11-16.tmp-' + process.pid, '2026-11-23']);
  });

  it('an output folder it may not write in: names it and says so, exit 1', async () => {
    const ws = workspace();
    chmodSync(ws.dir, 0o777); // for the other user
    const parent = path.join(ws.dir, 'read-only');
    mkdirSync(parent);
    chmodSync(parent, 0o555);
    const out = path.join(parent, 'out');
    const r = await runCli(['build', '--config', ws.config, '--now', NOW, '--offline', '--out', out], { cwd: ws.dir, asNobody: true });
    expect(r.code, r.stderr).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain(`digest: ${out}: cannot write edition 2026-11-23 in this output folder (--out): permission denied: it must be writable`);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('an out: folder of the config it may not write in: names out:, not --out', async () => {
    const ws = workspace();
    chmodSync(ws.dir, 0o777); // for the other user
    const parent = path.join(ws.dir, 'read-only');
    mkdirSync(parent);
    chmodSync(parent, 0o555);
    const out = path.join(parent, 'out');
    writeFileSync(ws.config, `${readFileSync(ws.config, 'utf8')}out: ${out}\n`);
    const r = await runCli(['build', '--config', ws.config, '--now', NOW, '--offline'], { cwd: ws.dir, asNobody: true });
    expect(r.code, r.stderr).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain(
      `digest: ${out}: cannot write edition 2026-11-23 in this output folder (\`out:\` in the config): permission denied: it must be writable by the user running digest (chown, or choose another \`out:\` in the config)`,
    );
    expect(readdirSync(parent)).toEqual([]);
  });
});

// Node 20's recursive mkdir never returns under /proc, where mkdir answers ENOENT. Every command says it in the same
// line: the folder, mkdir's answer, and the setting to change (exit 1).
describe.skipIf(!existsSync('/proc/self'))('a folder the file system will not make (under /proc)', () => {
  const cannotMake = (folder: string, setting: string) =>
    `digest: ${folder}: cannot make this folder (ENOENT: no such file or directory): expected ${setting} to name a folder that can be made on a writable disk\n`;

  it('--out: one line naming it, exit 1, no hang', async () => {
    const ws = workspace();
    const out = `/proc/roundup-out-${process.pid}`;
    const r = await runCli(['build', '--config', ws.config, '--now', NOW, '--offline', '--out', path.join(out, 'editions')], { cwd: ws.dir, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe(cannotMake(out, '--out'));
  });

  // the folder came from the config: the line names `out:`, not an option the user never gave
  it('out: in the config: one line naming that key, exit 1', async () => {
    const ws = workspace();
    const out = `/proc/roundup-out-${process.pid}`;
    writeFileSync(ws.config, `${readFileSync(ws.config, 'utf8')}out: ${out}/editions\n`);
    const r = await runCli(['build', '--config', ws.config, '--now', NOW, '--offline'], { cwd: ws.dir, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe(cannotMake(out, '`out:` in the config'));
  });

  it('state: the same line from every command that makes it, exit 1, no hang', async () => {
    const ws = workspace();
    const state = `/proc/roundup-state-${process.pid}`;
    writeFileSync(ws.config, readFileSync(ws.config, 'utf8').replace(/^state: .*$/m, `state: ${state}`));
    const env = { DIGEST_SECRET: 'test-secret-0123456789abcdef', DIGEST_SMTP_URL: 'smtp://127.0.0.1:9' };
    const commands = [
      ['build', '--now', NOW, '--out', path.join(ws.dir, 'out')],
      ['send', '--edition', '2026-11-23'],
      ['subscribers', 'list'],
      ['subscribers', 'add', 'reader@example.org'],
      ['tick', '--now', NOW, '--out', path.join(ws.dir, 'out')],
      ['serve', '--port', '0'],
      ['feeds', 'check'],
    ];
    for (const command of commands) {
      const r = await runCli([...command, '--config', ws.config], { cwd: ws.dir, env, timeoutMs: 60_000 });
      expect({ command, code: r.code, stderr: r.stderr }).toEqual({ command, code: 1, stderr: cannotMake(state, '`state:`') });
    }
  });
});

describe.skipIf(cannotMount)(`a full disk under --out (${cannotMount ?? 'tmpfs'})`, () => {
  let mounted: Mounted | undefined;
  afterEach(() => {
    mounted?.unmount();
    mounted = undefined;
  });

  it('the error names --out and no temp folder is left; a dead build\'s temp folder filling the disk is removed', async () => {
    const ws = workspace();
    const disk = path.join(ws.dir, 'disk');
    mkdirSync(disk);
    mounted = mountTmpfs(disk, '64k');
    const out = path.join(disk, 'out');
    const args = ['build', '--config', ws.config, '--now', NOW, '--offline', '--out', out];
    const r = await runCli(args, { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(1);
    oneLine(r);
    expect(r.stderr).toContain(`digest: ${out}: cannot write edition 2026-11-23 in this output folder (--out): the disk is full`);
    expect(readdirSync(out)).toEqual([]);
    mounted.unmount();

    // a bigger disk, filled by what a build killed mid-write left
    mounted = mountTmpfs(disk, '1m');
    const stale = path.join(out, `2026-11-23.tmp-${await deadPid()}`);
    mkdirSync(stale, { recursive: true });
    fillDisk(path.join(stale, 'digest.json'));
    const retry = await runCli(args, { cwd: ws.dir });
    expect(retry.code, retry.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['2026-11-23']);
  });
});
