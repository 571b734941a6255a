// A config's new text (digest init, feeds add, import, remove) is written to a file beside it, then linked or renamed
// into place, so the config is never half written. A folder this user may not write (one mounted into a container,
// owned by root; a checkout owned by root, digest run as its service user) is named with the fix, not as a state
// folder's fault or an errno.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

/** Write `text` beside `file` (shown to the user as `shown`); the temporary file's path. */
export function writeBeside(file: string, shown: string, text: string): string {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const folder = path.dirname(file);
    if (code === 'EROFS') throw new UserError(`${shown}: cannot be written: ${folder} is on a read-only file system; choose another --config`, 1);
    if (code === 'EACCES' || code === 'EPERM') {
      const uid = process.getuid?.();
      throw new UserError(
        `${shown}: cannot be written: the folder ${folder} is not writable by the user running digest${uid === undefined ? '' : ` (uid ${uid})`}; ` +
          'make it theirs (chown; in Docker, the image runs as uid 1000) or run digest as its owner',
        1,
      );
    }
    throw err;
  }
  return tmp;
}
