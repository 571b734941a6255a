// Entry point of the store: open the state folder's database, and the read-only view `build` needs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SentItemRef } from '../types.js';
import { DB_FILE, SqliteStore, type SqliteStoreOptions } from './sqlite.js';

export * from './types.js';
export { checkEmail } from './email.js';
export { SqliteStore, DB_FILE } from './sqlite.js';

/** Open (creating if needed) the store under a config's `state` folder. */
export function openStore(stateDir: string, opts: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(path.join(stateDir, DB_FILE), opts);
}

/** The store to read from without creating one: an empty in-memory store when the state folder has none yet. */
export function openStoreToRead(stateDir: string): SqliteStore {
  const file = path.join(stateDir, DB_FILE);
  return existsSync(file) ? new SqliteStore(file) : new SqliteStore(':memory:');
}

/**
 * Every item of every sent edition, for `build` to mark `already-sent`.
 * Reads without creating anything: no database yet means nothing was ever sent.
 */
export function readSentItems(stateDir: string, exceptEdition?: string): SentItemRef[] {
  const file = path.join(stateDir, DB_FILE);
  if (!existsSync(file)) return [];
  const store = new SqliteStore(file, { readonly: true });
  try {
    if ((store.db.pragma('user_version', { simple: true }) as number) < 1) return [];
    return store.sentItems(exceptEdition);
  } finally {
    store.close();
  }
}

/** Keys (`${feed}:${guid}`) of every item of every sent edition (see readSentItems). */
export function readSentItemKeys(stateDir: string, exceptEdition?: string): Set<string> {
  return new Set(readSentItems(stateDir, exceptEdition).map((r) => `${r.feed}:${r.guid}`));
}

/**
 * Where the newest edition before `editionId` that went out (or was skipped) ended, for `build` to cover a missed
 * edition's days (catchUp: latest); null when none is known. Reads without creating anything.
 */
export function readLastClosedEnd(stateDir: string, editionId: string): string | null {
  const file = path.join(stateDir, DB_FILE);
  if (!existsSync(file)) return null;
  const store = new SqliteStore(file, { readonly: true });
  try {
    // the window of an edition is known from schema version 2 (the desk)
    if ((store.db.pragma('user_version', { simple: true }) as number) < 2) return null;
    return store.lastClosedEnd(editionId);
  } finally {
    store.close();
  }
}
