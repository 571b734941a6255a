// Lock files in the state folder: one `send` at a time, one scheduler step at a time.
// Created with O_EXCL and holding the owner's pid and host. A lock left by a process that no longer exists
// (kill -9, a crash) is taken over: at once when it names this host, and when it names another (a container
// sharing the state folder, whose pids mean nothing here) once its holder has stopped touching it for a minute.
//
// Taking over is the delicate part: "it is stale, so remove it" done by two processes at once lets the later
// one remove the lock the earlier one has just made, and both go on holding it. So a stale lock is removed
// only by the one process that holds its takeover file (`<lock>.takeover-<which>`, made with O_EXCL and named
// after that very lock file: its inode, change time and content), and only after that process has read again
// that the lock is still the same stale one. Everyone then races for the free name with O_EXCL, and exactly one
// wins. A takeover file left by a crash is itself a stale lock, taken over the same way, and so is one older than
// any takeover takes, whatever its pid (that pid may be another process's by now). So is a lock last touched before
// the machine started, which a reboot left: its pid may have gone to another process since. A takeover file's own
// takeover file is named after the lock too (`<lock>.takeover-<which>`), not after the takeover file, so names keep
// their length however many crashes left one inside the other, and every one of them is taken over in turn.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readSync, rmSync, utimesSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import path from 'node:path';
import { makeFolder } from '../config/folders.js';

export interface Lock {
  release(): void;
}

export type LockAttempt = { lock: Lock } | { heldBy: number | null; file: string };

/** Take `<stateDir>/<name>`, or say who holds it (null: a holder still writing its pid, or a lock being taken over). */
export function tryLockFile(stateDir: string, name: string): LockAttempt {
  makeFolder(stateDir, 'state', 0o700);
  const file = path.join(stateDir, name);
  return tryLock(file, file, []);
}

/**
 * `lock`: the lock file all this is for; `file`: it, or a takeover file of it. `chain`: which files (their
 * identities) the takeovers under way here are taking over; a takeover file (chain not empty) gives up at once
 * when busy, since its taker looks again at the lock itself.
 */
function tryLock(lock: string, file: string, chain: string[]): LockAttempt {
  const depth = chain.length;
  let holder: number | null | false = null;
  // up to about a second of looking again, for a busy machine where the other process may wait its turn that long
  for (let attempt = 0; attempt < 50; attempt++) {
    const content = create(file);
    if (content !== null) return { lock: ownLock(file, content) };
    const seen = readLock(file);
    if (seen === null) continue; // released meanwhile
    holder = holderOf(file, seen, depth);
    // a pid: that process holds it
    if (holder !== null && holder !== false) return { heldBy: holder, file };
    if (holder === false && removeStale(lock, file, seen, chain)) continue;
    if (depth > 0) break;
    // made this instant and its pid not written yet, or being taken over by another process right now:
    // look again in a moment, to name who got it
    pause(20);
  }
  return { heldBy: holder || null, file };
}

/** Make the lock with O_EXCL and write our pid, host and the time into it (what it holds); null when it exists. */
function create(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw err;
  }
  const content = `${OWN} ${new Date().toISOString()}`;
  try {
    writeSync(fd, content);
  } catch (err) {
    // a full disk: an empty lock file left behind would block the next run for no reason
    closeSync(fd);
    rmSync(file, { force: true });
    throw err;
  }
  closeSync(fd);
  return content;
}

/**
 * Remove `file` if it is still the stale lock `seen`, as the only process doing so: the one that made its takeover
 * file. False when another process holds that file: it has removed the stale lock already, or is about to.
 */
function removeStale(lock: string, file: string, seen: SeenLock, chain: string[]): boolean {
  // every level needs a file a crash left, each a new one; a file met again could only be a hash's collision
  if (chain.includes(seen.identity)) return false;
  const depth = chain.length;
  const takeover = tryLock(lock, `${lock}.takeover-${seen.identity}`, [...chain, seen.identity]);
  if (!('lock' in takeover)) return false;
  try {
    // read again now that nobody else may remove it: still that very file, and still stale? (another taker may
    // have removed it and made its own lock in its place before we got here)
    const now = readLock(file);
    if (now !== null && now.identity === seen.identity && holderOf(file, now, depth) === false) rmSync(file, { force: true });
  } finally {
    // only after the stale file is gone: a taker still holding an old reading of it now finds it changed
    takeover.lock.release();
  }
  return true;
}

/** The lock files this process holds. */
const ours = new Set<string>();
/** Our host name: a container's own, by default its id. */
const HOST = hostname();
/** Who holds a lock of ours: the pid, and the host where that pid means something (the lock adds since when). */
const OWN = `${process.pid} ${HOST}`;
/**
 * A held lock is touched this often, so that its age tells whether anyone still holds it where its pid cannot:
 * a process of another host or container sharing the state folder, whose pids are not ours to look up.
 */
const TOUCH_MS = 5_000;
/** A lock of another host touched this recently is held. */
const FRESH_MS = 60_000;
/**
 * A takeover file older than this is stale whatever its pid says. It is held for the instant of one takeover, so
 * an old one was left by a crash; and its pid may have been given to another process since (after a reboot, most
 * likely), which would hold it, and with it the stale lock, for ever.
 */
const TAKEOVER_STALE_MS = 30_000;

/** `content`: what we wrote into it, which tells our lock from a later owner's */
function ownLock(file: string, content: string): Lock {
  let held = true;
  ours.add(file);
  const touch = setInterval(() => {
    if (readLock(file)?.content !== content) return;
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      // gone or not ours to touch: a release or a takeover says so soon enough
    }
  }, TOUCH_MS);
  touch.unref();
  return {
    release() {
      if (!held) return;
      held = false;
      clearInterval(touch);
      ours.delete(file);
      // only our own lock: never remove one a later owner took over
      if (readLock(file)?.content === content) rmSync(file, { force: true });
    },
  };
}

interface SeenLock {
  content: string;
  mtimeMs: number;
  /** this file and no other one ever made under its name: inode, change time and content */
  identity: string;
}

/** The lock file's content and which file it is, read through one descriptor; null when there is none. */
function readLock(file: string): SeenLock | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd, { bigint: true });
    // pid, a host name (up to 64 characters) and an ISO time
    const buf = Buffer.alloc(256);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const content = buf.subarray(0, n).toString('utf8').trim();
    const identity = createHash('sha256').update(`${st.dev}:${st.ino}:${st.ctimeNs}:${content}`).digest('hex').slice(0, 16);
    return { content, mtimeMs: Number(st.mtimeMs), identity };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** liveHolder, for a lock (`depth` 0) or a takeover file (`depth` > 0), which an old age makes stale whatever its pid. */
function holderOf(file: string, seen: SeenLock, depth: number): number | null | false {
  return depth > 0 && Date.now() - seen.mtimeMs > TAKEOVER_STALE_MS ? false : liveHolder(file, seen);
}

/** The live holder's pid, null for a lock still being written, false when the holder is gone. */
function liveHolder(file: string, seen: SeenLock): number | null | false {
  // a bare pid: a lock of a Roundup from before locks named their host
  const [pidText, host = HOST] = seen.content.split(/\s+/);
  const pid = Number(pidText);
  // being written right now by its holder, or garbage: trust it while it is fresh
  if (!Number.isInteger(pid) || pid <= 0) return Date.now() - seen.mtimeMs < 10_000 ? null : false;
  // another host or container: its pid means nothing here, but its holder keeps it fresh
  if (host !== HOST) return Date.now() - seen.mtimeMs < FRESH_MS ? pid : false;
  // last touched before this machine started (its holder touches it every few seconds): that holder went down with
  // the machine, and its pid may be another process's now, which would hold the lock for ever
  if (seen.mtimeMs < bootTime()) return false;
  // Our own pid in a lock we did not take: left by an earlier process that had the same pid, as every restart of
  // a container gives its command pid 1 again. That process is gone; taken as held, the lock would never free.
  if (pid === process.pid) return ours.has(file) ? pid : false;
  return processExists(pid) ? pid : false;
}

/** When this machine started, a little early (uptime is read in whole hundredths, the clock may have been set since) */
export function bootTime(): number {
  return Date.now() - uptime() * 1000 - 60_000;
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
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

/** A lock file as `digest status` shows it: who holds it, since when, and whether that holder is still there. */
export interface LockState {
  /** its name in the state folder: schedule.lock, send.lock, edition-<id>.lock … */
  name: string;
  pid: number | null;
  host: string;
  /** whether `host` is this machine (or container), where its pid can be looked up */
  local: boolean;
  /** when its holder took it (ISO); null for a lock of a Roundup that did not write it */
  since: string | null;
  /** when its holder last touched it (ISO): every few seconds while it lives */
  touched: string;
  /** held: its holder runs; stale: its holder is gone and the next taker takes it over; starting: being written */
  state: 'held' | 'stale' | 'starting';
}

/** The lock files of `stateDir` (takeover files left out), read without taking or changing any. */
export function inspectLocks(stateDir: string): LockState[] {
  let names: string[];
  try {
    names = readdirSync(stateDir).filter((n) => n.endsWith('.lock')).sort();
  } catch {
    return [];
  }
  return names.map((name) => inspectLock(stateDir, name)).filter((l): l is LockState => l !== null);
}

/** One lock file of `stateDir` as it is now; null when there is none. */
export function inspectLock(stateDir: string, name: string): LockState | null {
  const file = path.join(stateDir, name);
  const seen = readLock(file);
  if (!seen) return null;
  const [pidText, host = HOST, sinceText] = seen.content.split(/\s+/);
  const pid = Number(pidText);
  const since = sinceText && !Number.isNaN(Date.parse(sinceText)) ? new Date(sinceText).toISOString() : null;
  const holder = liveHolder(file, seen);
  return {
    name,
    pid: Number.isInteger(pid) && pid > 0 ? pid : null,
    host,
    local: host === HOST,
    since,
    touched: new Date(seen.mtimeMs).toISOString(),
    state: holder === false ? 'stale' : holder === null ? 'starting' : 'held',
  };
}
