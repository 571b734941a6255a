// The heartbeat of `digest run`: `<state>/run.heartbeat`, holding its pid and host, touched every 15 s by a
// timer of the run loop, so `digest health` (the container's HEALTHCHECK, a monitor) can tell a scheduler that
// is alive from one that died, was never started, or hangs: a loop that no longer runs its timers stops touching
// it. Removed when `digest run` stops cleanly.
import { readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { makeFolder } from '../config/folders.js';
import { processExists } from '../store/lock-file.js';

export const HEARTBEAT_FILE = 'run.heartbeat';
/** how often a running `digest run` touches its heartbeat */
export const HEARTBEAT_MS = 15_000;
/**
 * Untouched this long, the loop is taken as hung. Generous: a build's clustering runs for seconds without
 * yielding (tens of seconds for a large edition on a busy machine), and must not read as a hang.
 */
export const STALE_MS = 120_000;

const HOST = hostname();

export interface Heartbeat {
  /** remove it, if it is still ours */
  stop(): void;
}

/**
 * Write the heartbeat now and touch it every HEARTBEAT_MS while `working()` says so. `onError` hears a failed write
 * once (a state folder the user may not write), until a write succeeds again; the loop goes on either way.
 */
export function startHeartbeat(stateDir: string, onError: (err: unknown) => void, working: () => boolean = () => true): Heartbeat {
  const file = path.join(stateDir, HEARTBEAT_FILE);
  const own = `${process.pid} ${HOST} ${new Date().toISOString()}\n`;
  let failing = false;
  const beat = () => {
    // a loop that refuses every step (its database replaced under it) is not well: its heartbeat goes stale, and
    // the state folder it was removed with is not made again for it
    if (!working()) return;
    try {
      if (readOwner(file) === own) {
        const now = new Date();
        utimesSync(file, now, now);
      } else {
        // written whole or not at all: a reader never sees half a line
        makeFolder(stateDir, 'state', 0o700);
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, own, { mode: 0o600 });
        renameSync(tmp, file);
      }
      failing = false;
    } catch (err) {
      if (!failing) onError(err);
      failing = true;
    }
  };
  beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (readOwner(file) === own) rmSync(file, { force: true });
    },
  };
}

function readOwner(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export type HeartbeatState =
  | { kind: 'alive'; pid: number; host: string; ageMs: number }
  /** no heartbeat: `digest run` is not running, or stopped cleanly */
  | { kind: 'none'; file: string }
  /** its process (on this host) is gone: killed or crashed */
  | { kind: 'gone'; file: string; pid: number; host: string; ageMs: number }
  /** untouched for longer than STALE_MS: hung, refusing its steps, or dead on another host */
  | { kind: 'stale'; file: string; pid: number; host: string; ageMs: number };

/** What the heartbeat in `stateDir` says at `now`. */
export function readHeartbeat(stateDir: string, now = Date.now()): HeartbeatState {
  const file = path.join(stateDir, HEARTBEAT_FILE);
  let content: string;
  let mtimeMs: number;
  try {
    content = readFileSync(file, 'utf8');
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return { kind: 'none', file };
  }
  const [pidText = '', host = ''] = content.trim().split(/\s+/);
  const pid = Number(pidText);
  const ageMs = Math.max(0, now - mtimeMs);
  if (ageMs > STALE_MS) return { kind: 'stale', file, pid, host, ageMs };
  // on this host (or in this container) the pid tells at once whether it still runs; elsewhere only the age can
  if (host === HOST && !(Number.isInteger(pid) && pid > 0 && processExists(pid))) return { kind: 'gone', file, pid, host, ageMs };
  return { kind: 'alive', pid, host, ageMs };
}
