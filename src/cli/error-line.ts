// The one line an error is reported with, and its exit code: the CLI's last word, and each failed step in the
// log of `digest run`, which goes on after it. A full disk, a folder the user may not write or a damaged database
// is named with what to do, never as a bare errno.
import { UserError, oneLine } from '../errors.js';
import { describeStorageFault } from '../store/faults.js';

export interface ErrorLine {
  line: string;
  exitCode: number;
  /** not something the user can fix: a bug, worth its stack trace with DIGEST_DEBUG */
  internal: boolean;
}

export function errorLine(err: unknown): ErrorLine {
  if (err instanceof UserError) return { line: oneLine(err), exitCode: err.exitCode, internal: false };
  // a full disk, a read-only folder, a damaged database: name the path and the fix, not "internal error"
  const storage = describeStorageFault(err, (err as { path?: string }).path ?? 'the state folder', 'read or write it');
  if (storage) return { line: storage, exitCode: 1, internal: false };
  return { line: `internal error: ${oneLine(err)}${process.env.DIGEST_DEBUG ? '' : ' (set DIGEST_DEBUG=1 for details)'}`, exitCode: 1, internal: true };
}
