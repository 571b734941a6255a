// One rebuild of an edition at a time: a correction (command line, preview, the desk of serve) and its rebuild,
// `digest build`, the scheduler's build, an approval and a skip each hold the edition's lock file
// (`<state>/edition-<id>.lock`) from reading the corrections and the draft to writing the draft or the approval.
// Without it two rebuilds wrote the draft last-writer-wins: a correction stored between them was built into one
// and lost with it, or an approval froze a draft that another rebuild then replaced. The second waits a while,
// then is refused in one line; it never writes over the first.
import { UserError } from '../errors.js';
import { lockWithin } from '../store/lock-wait.js';

/** how long a command (or the scheduler) waits for another rebuild of the same edition */
export const EDITION_LOCK_WAIT_MS = 60_000;
/** the desk of serve answers sooner: a browser (or a proxy in front) gives up on a request of a minute */
export const DESK_LOCK_WAIT_MS = 20_000;

export function editionLockName(id: string): string {
  return `edition-${id}.lock`;
}

const by = (pid: number | null) => (pid !== null ? ` (pid ${pid})` : '');

/** Run `work` holding edition `id`'s lock; waits up to `waitMs` for another holder, then refuses. */
export async function withEditionLock<T>(
  stateDir: string,
  id: string,
  work: () => Promise<T> | T,
  o: { waitMs?: number; onWait?: (line: string) => void } = {},
): Promise<T> {
  const waitMs = o.waitMs ?? EDITION_LOCK_WAIT_MS;
  const onWait = o.onWait ?? ((line) => process.stderr.write(`note: ${line}\n`));
  const got = await lockWithin(stateDir, editionLockName(id), {
    waitMs,
    onWait: (pid) => onWait(`edition ${id} is being rebuilt by another process${by(pid)}; waiting for it (up to ${Math.round(waitMs / 1000)} s)`),
  });
  if (!('lock' in got)) throw new UserError(`edition ${id} is being rebuilt by another process${by(got.heldBy)}; try again`, 1);
  try {
    return await work();
  } finally {
    got.lock.release();
  }
}
