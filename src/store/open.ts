// Opening the database file: refusing what must not be silently replaced, the pragmas every connection
// needs, and the schema brought up to date.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, linkSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../errors.js';
import { migrate, refuseForeign } from './migrations.js';
import { makeFolder } from '../config/folders.js';
import { bootTime, processExists, tryLockFile } from './lock-file.js';

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
  if (!readonly && onDisk) {
    makeFolder(path.dirname(file), 'state', 0o700);
    removeDeadCreations(file);
    if (!existed) createDatabase(file);
  }
  const db = new Database(file, { readonly, fileMustExist: readonly });
  try {
    // first: every statement below may meet another process's write (its migration, a send's ledger)
    db.pragma(`busy_timeout = ${BUSY_MS}`);
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
    // reading the schema finds a damaged or foreign file now, not in the middle of a send
    db.pragma('schema_version', { simple: true });
    if (!readonly) {
      // another process's migration of a large database may hold the write lock for longer than a statement's wait
      db.pragma(`busy_timeout = ${MIGRATION_BUSY_MS}`);
      migrate(db);
      db.pragma(`busy_timeout = ${BUSY_MS}`);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** how long a statement waits for another process's write */
const BUSY_MS = 5_000;
/** how long opening waits for another process's migration */
const MIGRATION_BUSY_MS = 120_000;

/**
 * A new database appears whole: it is made and migrated under a name of this process's own, then linked into
 * place, which fails when another process starting at the same moment got there first (its file is then the one
 * opened). So a process never finds another's just-created, still empty file and takes it for a truncated one.
 */
function createDatabase(file: string): void {
  const tmp = `${file}.new-${process.pid}-${HOST}`;
  const removeTmp = () => ['', '-wal', '-shm', '-journal'].forEach((s) => rmSync(`${tmp}${s}`, { force: true }));
  removeTmp();
  try {
    const db = new Database(tmp);
    try {
      db.pragma('journal_mode = WAL');
      migrate(db);
    } finally {
      // the last connection's close folds the WAL into the file and removes it
      db.close();
    }
    chmodSync(tmp, 0o600);
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return;
      renameIntoPlace(tmp, file);
    }
  } finally {
    removeTmp();
  }
}

/**
 * This host, as a short tag in the name a new database is made under: containers sharing a state volume all run
 * their command as pid 1, and one must not take another's file for its own.
 */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
/** a database being made, as createDatabase names it: its pid, its host's tag (none before there was one), a SQLite side file */
const CREATION = /^\.new-(\d+)(?:-([0-9a-f]{8}))?(?:-wal|-shm|-journal)?$/;
/** a database is made in well under a second; one of another host's left this long ago was cut short */
const FOREIGN_CREATION_MS = 3600_000;

/**
 * Remove what a process killed while it made the database left (`digest.db.new-<pid>-<host>` and its -wal and
 * -shm), which nothing else ever removes: of this host when its process is gone (or its file is older than this
 * machine's start, so its pid may be another process's now), of another host when an hour old. A live creation
 * is left alone: its maker links it into place in a moment.
 */
function removeDeadCreations(file: string): void {
  const dir = path.dirname(file);
  const prefix = path.basename(file);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(`${prefix}.new-`));
  } catch {
    return;
  }
  const bootMs = bootTime();
  for (const name of names) {
    const m = CREATION.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path.join(dir, name)).mtimeMs;
    } catch {
      continue; // removed meanwhile
    }
    const ours = m[2] === undefined || m[2] === HOST;
    // our own pid: an earlier process's that had it (a restarted container's pid 1), since this one makes none now
    const dead = ours ? pid === process.pid || !processExists(pid) || mtimeMs < bootMs : Date.now() - mtimeMs > FOREIGN_CREATION_MS;
    if (dead) rmSync(path.join(dir, name), { force: true });
  }
}

/** held while a new database is renamed into place, on a file system without hard links */
const CREATE_LOCK = 'create.lock';

/**
 * A file system without hard links (FAT, some network shares): rename, which is not exclusive: it would replace a
 * database another process starting at the same moment has put there and may be writing in already (a subscriber
 * just added, lost with the file it went to). So only while holding the creation lock, and only while there is
 * still none.
 */
function renameIntoPlace(tmp: string, file: string): void {
  const until = Date.now() + MIGRATION_BUSY_MS;
  for (;;) {
    const got = tryLockFile(path.dirname(file), CREATE_LOCK);
    if ('lock' in got) {
      try {
        if (!existsSync(file)) renameSync(tmp, file);
      } finally {
        got.lock.release();
      }
      return;
    }
    if (Date.now() >= until) {
      const who = got.heldBy ? `another process (pid ${got.heldBy})` : 'another process';
      throw new UserError(`${file}: ${who} has been making the database for ${MIGRATION_BUSY_MS / 1000} s (${got.file}); try again`, 1);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

function hasContent(f: string): boolean {
  try {
    return statSync(f).size > 0;
  } catch {
    return false;
  }
}
