// A lock file in the state folder so two schedulers (two cron ticks, or tick + run) never work at once.
// Created with O_EXCL; a lock left by a process that no longer exists is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface Lock {
  release(): void;
}

export function tryLock(stateDir: string, name = 'schedule.lock'): Lock | null {
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, name);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
      closeSync(fd);
      let held = true;
      return {
        release() {
          if (!held) return;
          held = false;
          rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (holderAlive(file)) return null;
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  return null;
}

function holderAlive(file: string): boolean {
  let pid: number;
  try {
    pid = (JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid;
  } catch {
    // being written right now by its holder, or garbage: trust it while it is fresh
    try {
      return Date.now() - statSync(file).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
