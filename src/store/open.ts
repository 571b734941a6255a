// Opening the database file: refusing what must not be silently replaced, the pragmas every connection
// needs, and the schema brought up to date.
import { chmodSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../errors.js';
import { migrate, refuseForeign } from './migrations.js';
import { makeFolder } from '../config/folders.js';

/**
 * Open (creating if needed) and migrate. The folder is created 0700 and a new file 0600: it holds
 * subscriber addresses. A database that exists is never silently replaced: a zero-byte file (truncated,
 * or lost to a full disk) is refused with the way out, not re-created empty.
 */
export function openDatabase(file: string, readonly: boolean): Database.Database {
  const existed = existsSync(file);
  if (existed && statSync(file).size === 0 && !hasContent(`${file}-wal`)) {
    throw new UserError(
      `${file}: the subscriber database is empty (0 bytes), so it was truncated or lost: restore it from a backup (docs/operations.md, "Backups"), or delete the file to start with an empty list`,
      1,
    );
  }
  // ':memory:' is an empty store that lives in this process only (a read-only look before any store exists)
  const onDisk = file !== ':memory:';
  if (!readonly && onDisk) makeFolder(path.dirname(file), 'state', 0o700);
  const db = new Database(file, { readonly, fileMustExist: readonly });
  try {
    // before any pragma that writes (WAL mode is kept in the file's header)
    refuseForeign(db, file);
    if (!readonly) {
      // an older install may have left it readable by everyone
      if (onDisk && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      db.pragma('journal_mode = WAL');
      // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the last commit)
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // reading the schema finds a damaged or foreign file now, not in the middle of a send
    db.pragma('schema_version', { simple: true });
    if (!readonly) migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function hasContent(f: string): boolean {
  try {
    return statSync(f).size > 0;
  } catch {
    return false;
  }
}
