// Waiting a bounded time for a lock file (./lock-file.ts, with its stale-lock rules) that another process holds,
// for work that must not run twice at once but may well run one after the other: the rebuilds of one edition,
// the readers of the bounce mailbox. Polled without blocking, so a server keeps answering meanwhile (two editors
// on one `digest serve` wait for each other the same way: the lock names this process then).
import { tryLockFile, type Lock } from './lock-file.js';

export type WaitedLock = { lock: Lock } | { heldBy: number | null; file: string };

const POLL_MS = 250;

/**
 * Take `<stateDir>/<name>`, waiting up to `waitMs` while another holds it; `onWait` is told once, when the
 * waiting begins, who holds it. Gives up with who holds it still.
 */
export async function lockWithin(stateDir: string, name: string, o: { waitMs: number; onWait?: (heldBy: number | null) => void }): Promise<WaitedLock> {
  const until = Date.now() + o.waitMs;
  let told = false;
  for (;;) {
    const got = tryLockFile(stateDir, name);
    if ('lock' in got || Date.now() >= until) return got;
    if (!told) {
      told = true;
      o.onWait?.(got.heldBy);
    }
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(0, until - Date.now()))));
  }
}
