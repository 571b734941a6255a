// Storage failures in words an operator can act on: what happened to which path, and what to do.
import { accessSync, constants, readFileSync, statSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { SETTING_NAME, type FolderSetting } from '../config/folders.js';

export type StorageFault = 'full' | 'file-limit' | 'read-only' | 'permission' | 'corrupt' | 'io' | 'busy' | null;

/** Which kind of storage failure `err` is (SQLite or file system), or null for anything else. */
export function storageFault(err: unknown): StorageFault {
  const code = String((err as { code?: unknown })?.code ?? '');
  // EFBIG: the file reached the process's file-size limit (ulimit -f), with the disk perhaps half empty
  if (code === 'EFBIG') return 'file-limit';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read-only';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') return 'permission';
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return null;
}

const FIX: Record<Exclude<StorageFault, null>, string> = {
  full: 'the disk is full: free some space there, then run the command again',
  'file-limit': "it reached this process's file-size limit (ulimit -f; LimitFSIZE= under systemd), not a full disk: raise or remove the limit for the user running digest, then run the command again",
  'read-only': 'it is on a read-only file system or the file is read-only: make the state folder writable (`state:` in the config)',
  permission: 'permission denied: the state folder and its files must belong to the user running digest (chown, or run as that user)',
  corrupt: 'the file is damaged: restore it from a backup (docs/operations.md, "Backups") or move it away to start with an empty list',
  io: 'the disk reported an I/O error: check the disk (dmesg), then restore from a backup if needed',
  busy: 'another process holds it locked: wait for it to finish',
};

/** The same faults in the output folder, where editions are written (`setting`: `out:` in the config, or --out). */
const outFix = (setting: string): Record<Exclude<StorageFault, null>, string> => ({
  ...FIX,
  'read-only': `it is on a read-only file system: make it writable, or choose another ${setting}`,
  permission: `permission denied: it must be writable by the user running digest (chown, or choose another ${setting})`,
});

/**
 * One line naming the path, what happened and the fix; null when `err` is not a storage failure.
 * `folder`: whose fix to give, the state folder's (default) or the output folder's.
 */
export function describeStorageFault(err: unknown, where: string, doing: string, folder: FolderSetting = 'state'): string | null {
  let fault = storageFault(err);
  // SQLite says "cannot open" or "I/O error" for a full or read-only disk too: look at the folder
  const sqlite = String((err as { code?: unknown })?.code ?? '').startsWith('SQLITE_');
  if (sqlite && (fault === 'permission' || fault === 'io')) fault = folderFault(path.dirname(where)) ?? fault;
  // SQLite says "disk full" or "I/O error" for a write past the file-size limit: a file of its at the limit tells
  if (sqlite && (fault === 'full' || fault === 'io') && atFileSizeLimit(where)) fault = 'file-limit';
  if (!fault) return null;
  const fix = fault === 'file-limit' ? FIX['file-limit'].replace('limit (', `limit (${limitText()}; `) : (folder === 'state' ? FIX : outFix(SETTING_NAME[folder]))[fault];
  return `${where}: cannot ${doing}: ${fix}`;
}

/** This process's file-size limit in bytes (RLIMIT_FSIZE, soft), or null when there is none or it cannot be read (not Linux). */
export function fileSizeLimit(): number | null {
  try {
    const line = /^Max file size\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    const n = line ? Number(line[1]) : NaN;
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
}

function limitText(): string {
  const limit = fileSizeLimit();
  if (limit === null) return 'ulimit -f';
  return limit >= 1048576 ? `${Number((limit / 1048576).toFixed(1))} MB` : `${Math.floor(limit / 1024)} KB`;
}

/** A database file (or its write-ahead log or journal) has grown to within a page of the file-size limit. */
function atFileSizeLimit(file: string): boolean {
  const limit = fileSizeLimit();
  if (limit === null) return false;
  return [file, `${file}-wal`, `${file}-journal`].some((f) => {
    try {
      return statSync(f).size + 65536 > limit;
    } catch {
      return false;
    }
  });
}

/** What is wrong with a folder we failed to write in, if the file system can tell. */
function folderFault(dir: string): StorageFault {
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return 'read-only';
    if (code === 'EACCES' || code === 'EPERM') return 'permission';
    return null;
  }
  try {
    const fs = statfsSync(dir);
    if (fs.bavail * fs.bsize < 256 * 1024) return 'full';
  } catch {
    /* no answer: keep what SQLite said */
  }
  return null;
}

/** A storage failure as a UserError (exit 1, one line); anything else is returned unchanged. */
export function asStorageError(err: unknown, where: string, doing: string): unknown {
  const line = describeStorageFault(err, where, doing);
  return line ? new UserError(line, 1) : err;
}
