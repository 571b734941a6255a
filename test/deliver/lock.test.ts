// One `send` per state folder: a live owner blocks, a dead one (kill -9) does not, one of another host or container
// blocks while it keeps its lock fresh, and when several processes find the same dead owner's lock at once, exactly
// one of them takes it over.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireSendLock } from '../../src/deliver/lock.js';
import { ROOT } from '../helpers/cli.js';

/** A pid no process has any more. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
}

describe('acquireSendLock', () => {
  it('refuses while the owner lives and takes over once it is gone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-lock-'));
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const gone = new Promise((r) => owner.on('exit', r));
    writeFileSync(path.join(dir, 'send.lock'), String(owner.pid));
    expect(() => acquireSendLock(dir)).toThrow(new RegExp(`another "digest send" is running \\(pid ${owner.pid}\\)`));
    owner.kill('SIGKILL');
    await gone;
    const lock = acquireSendLock(dir);
    expect(existsSync(path.join(dir, 'send.lock'))).toBe(true);
    lock.release();
    expect(existsSync(path.join(dir, 'send.lock'))).toBe(false);
  });

  it('a lock of another host or container is held while its holder keeps touching it, and stale a minute after', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-lock-host-'));
    const file = path.join(dir, 'send.lock');
    // pid 1 of another container sharing the state folder: here pid 1 is some other process
    writeFileSync(file, '1 other-container');
    expect(() => acquireSendLock(dir)).toThrow(/another "digest send" is running \(pid 1\)/);
    const old = new Date(Date.now() - 120_000);
    utimesSync(file, old, old);
    const lock = acquireSendLock(dir);
    expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^${process.pid} ${hostname()} \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z$`));
    // ours, then, is touched while held, so the other container sees it held
    utimesSync(file, old, old);
    const deadline = Date.now() + 30_000;
    while (statSync(file).mtimeMs < Date.now() - 60_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(statSync(file).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    lock.release();
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it('a lock naming our own pid that this process did not take is stale (a restarted container is pid 1 again)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-lock-self-'));
    writeFileSync(path.join(dir, 'send.lock'), String(process.pid));
    const lock = acquireSendLock(dir);
    // and the lock it now holds is its own
    expect(() => acquireSendLock(dir)).toThrow(new RegExp(`another "digest send" is running \\(pid ${process.pid}\\)`));
    lock.release();
  });

  it('a stale lock found by many processes at once is taken by exactly one', async () => {
    // Each taker is a process of its own (a lock names a pid), and each round has its own state folder with a
    // dead owner's lock in it. Takers keep every lock they win until the end, so in every round a second winner
    // can only be a second holder, however the processes happen to be scheduled; the shared start time of each
    // round only makes them collide often.
    const rounds = 40;
    const takers = 6;
    const base = mkdtempSync(path.join(tmpdir(), 'roundup-lock-race-'));
    const dirs = Array.from({ length: rounds }, (_, r) => path.join(base, String(r)));
    const dead = deadPid();
    for (const d of dirs) {
      mkdirSync(d);
      writeFileSync(path.join(d, 'send.lock'), String(dead));
    }
    const script = `
      const { tryLockFile } = await import(${JSON.stringify(path.join(ROOT, 'dist/store/lock-file.js'))});
      const [dirs, start] = [JSON.parse(process.argv[1]), Number(process.argv[2])];
      const held = [];
      for (let r = 0; r < dirs.length; r++) {
        while (Date.now() < start + r * 50) {}
        const got = tryLockFile(dirs[r], 'send.lock');
        if ('lock' in got) held.push(got.lock);
        process.stdout.write(r + ('lock' in got ? ' won' : ' lost') + '\\n');
      }
      process.stdin.on('end', () => process.exit(0)).resume();`;
    const start = Date.now() + 3000;
    const children = Array.from({ length: takers }, () =>
      spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(dirs), String(start)], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    const reports = await Promise.all(
      children.map(
        (c) =>
          new Promise<string[]>((resolve, reject) => {
            let out = '';
            c.stdout.on('data', (chunk) => {
              out += chunk;
              const lines = out.split('\n').filter(Boolean);
              if (lines.length === rounds) resolve(lines);
            });
            c.on('exit', (code) => reject(new Error(`a taker exited (${code}) before it was done`)));
          }),
      ),
    );
    const winners = dirs.map((_, r) => reports.filter((lines) => lines[r] === `${r} won`).length);
    for (const c of children) c.stdin.end();
    await Promise.all(children.map((c) => new Promise((r) => c.on('exit', r))));
    expect(winners).toEqual(dirs.map(() => 1));
    // nothing left but each round's lock: no takeover file stays behind
    for (const d of dirs) expect(readdirSync(d)).toEqual(['send.lock']);
  }, 60_000);
});
