// Whether the database a long-running process (digest run, digest serve) works with is still the file at its
// path. Deleted or replaced under it (the state folder restored from a backup or removed by hand, a volume
// remounted), the process would go on with a file nobody reads any more: serve's unsubscribes and subscriptions
// would be lost, and run would start an empty database that knows no subscribers and nothing sent.
import { statSync } from 'node:fs';
import path from 'node:path';
import { DB_FILE } from './sqlite.js';

export interface DatabaseWatch {
  file: string;
  /** true once the file at the path is not the one first seen (gone, or another file) */
  replaced(): boolean;
  /** take the file now at the path as the one to watch (the first step of a new install makes it) */
  adopt(): void;
}

/** Which file the path names now (device and inode), or null when there is none. */
function identity(file: string): string | null {
  const st = statSync(file, { throwIfNoEntry: false });
  return st ? `${st.dev}:${st.ino}` : null;
}

export function watchDatabase(stateDir: string): DatabaseWatch {
  const file = path.join(stateDir, DB_FILE);
  let known = identity(file);
  return {
    file,
    replaced() {
      const now = identity(file);
      if (known === null) known = now;
      return known !== null && now !== known;
    },
    adopt() {
      if (known === null) known = identity(file);
    },
  };
}
