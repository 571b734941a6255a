// One `send` at a time per state folder. A lock file holds the owner's pid; a lock left by a
// process that no longer exists (kill -9) is taken over.
import { openSync, readFileSync, unlinkSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

export interface Lock {
  release(): void;
}

export function acquireSendLock(stateDir: string): Lock {
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, 'send.lock');
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        release() {
          try {
            if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(safeRead(file));
      if (pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new UserError(`another "digest send" is running (pid ${pid}); wait for it, or remove ${file} if that is wrong`, 1);
      }
      try {
        unlinkSync(file); // stale
      } catch {
        /* someone else took it over; try again */
      }
    }
  }
  throw new UserError(`cannot take the send lock ${file}`, 1);
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
