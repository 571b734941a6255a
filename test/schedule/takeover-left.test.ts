// A crash in the instant a step takes over a stale lock leaves its takeover file (`<lock>.takeover-<which>`, named
// after the stale lock it was taking). Its pid may belong to another process by the next tick (after a reboot, most
// likely): an old takeover file must still become stale, or the stale lock behind it would block every tick. The
// same holds for a lock a reboot left: touched last before the machine started, it is stale whatever its pid.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { quietDigest } from './quiet-digest.js';

const { dir, cfg, state, env } = quietDigest('Takeover');
const tick = () => runCli(['tick', '--config', cfg, '--now', '2026-11-25T12:00:00Z'], { cwd: dir, env });

/**
 * The name of the takeover file for a lock file, or for a takeover file, as it is now: the lock's own name and which
 * file it takes over (its inode, change time and content), as the lock code names it.
 */
function takeoverName(lock: string, of: string = lock): string {
  const fd = openSync(of, 'r');
  const st = fstatSync(fd, { bigint: true });
  closeSync(fd);
  const content = readFileSync(of, 'utf8').trim();
  return `${lock}.takeover-${createHash('sha256').update(`${st.dev}:${st.ino}:${st.ctimeNs}:${content}`).digest('hex').slice(0, 16)}`;
}

describe('a takeover file left by a crash', () => {
  it('blocks a takeover while fresh, and once old is stale, even when its pid is now a live process', async () => {
    mkdirSync(state, { recursive: true, mode: 0o700 });
    // the schedule lock of a tick that was killed: its process is gone
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
    const lock = path.join(state, 'schedule.lock');
    writeFileSync(lock, `${dead} ${hostname()}`);
    // the takeover file of a tick that crashed while taking it over; its pid is now this (live) test process's
    const takeover = takeoverName(lock);
    writeFileSync(takeover, `${process.pid} ${hostname()}`);

    // just made: a takeover may be under way, so the step leaves the lock alone
    const fresh = await tick();
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toBe('another scheduler step is running; nothing to do\n');

    // ten minutes old: no takeover takes that long; it was left by a crash
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(takeover, old, old);
    const later = await tick();
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toMatch(/^nothing due: /);
    // and nothing of the lock or its takeovers is left behind
    expect(readdirSync(state).filter((f) => f.includes('lock'))).toEqual([]);
  }, 60_000);
});

describe('takeovers of takeovers, each left by a crash', () => {
  it('are taken over however many there are, and the step runs with nothing of them left behind', async () => {
    const q = quietDigest('Nested');
    mkdirSync(q.state, { recursive: true, mode: 0o700 });
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
    const lock = path.join(q.state, 'schedule.lock');
    writeFileSync(lock, `${dead} ${hostname()}`);
    // five ticks killed one after the other, each while taking over what the one before it left
    let taken = lock;
    for (let i = 0; i < 5; i++) {
      const next = takeoverName(lock, taken);
      writeFileSync(next, `${dead} ${hostname()}`);
      taken = next;
    }
    const r = await runCli(['tick', '--config', q.cfg, '--now', '2026-11-25T12:00:00Z'], { cwd: q.dir, env: q.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^nothing due: /);
    expect(readdirSync(q.state).filter((f) => f.includes('lock'))).toEqual([]);
  }, 60_000);
});

describe('a lock left by a reboot', () => {
  it('is stale although its pid is now a live process: it was last touched before the machine started', async () => {
    const state2 = path.join(dir, 'state');
    mkdirSync(state2, { recursive: true, mode: 0o700 });
    const lock = path.join(state2, 'schedule.lock');
    // a tick that went down with the machine; after the reboot, its pid is another (live) process's: this one's
    writeFileSync(lock, `${process.pid} ${hostname()} 2026-11-25T11:50:00.000Z`);
    const held = await tick();
    // taken for held while its pid lives: the line names who holds it, and since when
    expect(held.stdout).toBe(`another scheduler step is running (pid ${process.pid} on ${hostname()} since 2026-11-25T11:50:00.000Z); nothing to do\n`);
    const beforeBoot = new Date(Date.now() - uptime() * 1000 - 3600_000);
    utimesSync(lock, beforeBoot, beforeBoot);
    const later = await tick();
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toMatch(/^nothing due: /);
    expect(readdirSync(state2).filter((f) => f.includes('lock'))).toEqual([]);
  }, 60_000);
});
