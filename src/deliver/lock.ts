// One `send` at a time per state folder (see src/store/lock-file.ts for the mechanism).
import { UserError } from '../errors.js';
import { tryLockFile, type Lock } from '../store/lock-file.js';

export type { Lock } from '../store/lock-file.js';

export function acquireSendLock(stateDir: string): Lock {
  const got = tryLockFile(stateDir, 'send.lock');
  if ('lock' in got) return got.lock;
  if (got.heldBy !== null) {
    throw new UserError(`another "digest send" is running (pid ${got.heldBy}); wait for it, or remove ${got.file} if that is wrong`, 1);
  }
  // no pid in it yet: made this instant, or written only in part (a full disk, a crash) and stale within seconds
  throw new UserError(`cannot take the send lock ${got.file}: another "digest send" is taking it right now, or left it unfinished; run the command again in a minute`, 1);
}
