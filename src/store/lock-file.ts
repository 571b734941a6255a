// Lock files in the state folder: one `send` at a time, one scheduler step at a time.
// Created with O_EXCL and holding the owner's pid; a lock left by a process that no longer exists
// (kill -9, a crash) is taken over.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { makeFolder } from '../config/folders.js';

export interface Lock {
  release(): void;
}

export type LockAttempt = { lock: Lock } | { heldBy: number | null; file: string };

/** Take `<stateDir>/<name>`, or say who holds it (null: a holder that is still writing its pid). */
export function tryLockFile(stateDir: string, name: string): LockAttempt {
  makeFolder(stateDir, 0o700);
  const file = path.join(stateDir, name);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, String(process.pid));
      } catch (err) {
        // a full disk: an empty lock file left behind would block the next run for no reason
        closeSync(fd);
        rmSync(file, { force: true });
        throw err;
      }
      closeSync(fd);
      return { lock: ownLock(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = liveHolder(file);
      if (holder !== false) return { heldBy: holder, file };
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  return { heldBy: null, file };
}

function ownLock(file: string): Lock {
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      // only our own lock: never remove one a later owner took over
      if (readOrEmpty(file) === String(process.pid)) rmSync(file, { force: true });
    },
  };
}

/** The live holder's pid, null for a lock still being written, false when the holder is gone. */
function liveHolder(file: string): number | null | false {
  const pid = Number(readOrEmpty(file));
  if (!Number.isInteger(pid) || pid <= 0) {
    // being written right now by its holder, or garbage: trust it while it is fresh
    try {
      return Date.now() - statSync(file).mtimeMs < 10_000 ? null : false;
    } catch {
      return false;
    }
  }
  return processExists(pid) ? pid : false;
}

/** Whether a process of this pid is running (one of another user's too). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}
