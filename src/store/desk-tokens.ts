// The desk's sign-in state in the database (migration 3): editor sessions and used sign-in links, kept
// by the SHA-256 of their secret and deleted once expired. Shared by every process on the same state
// folder, and kept across restarts of `digest serve`.
import { createHash } from 'node:crypto';
import type { SqliteStore } from './sqlite.js';
import { deskTokens as deskTokenQueries } from './queries/index.js';


export interface DeskTokens {
  /** record a sign-in link as used; false when it already was */
  useLink(nonce: string, email: string, expires: number, now: number): boolean;
  linkUsed(nonce: string): boolean;
  createSession(token: string, email: string, expires: number, now: number): void;
  /** the session's address and expiry, when it exists and has not expired */
  findSession(token: string, now: number): { email: string; expires: number } | null;
  endSession(token: string): void;
}

export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export class SqliteDeskTokens implements DeskTokens {
  private lastPurge = 0;

  constructor(private readonly store: SqliteStore) {}

  private run(sql: string, ...args: unknown[]) {
    return this.store.sql(sql).run(...args);
  }

  /** Expired rows go, at most once a minute. */
  private purge(now: number): void {
    if (now - this.lastPurge < 60_000) return;
    this.lastPurge = now;
    this.run(deskTokenQueries.purgeSessions, now);
    this.run(deskTokenQueries.purgeLinks, now);
  }

  useLink(nonce: string, email: string, expires: number, now: number): boolean {
    this.purge(now);
    return this.run(deskTokenQueries.useLink, sha256(nonce), email, now, expires).changes === 1;
  }

  linkUsed(nonce: string): boolean {
    return this.store.sql(deskTokenQueries.linkUsed).get(sha256(nonce)) !== undefined;
  }

  createSession(token: string, email: string, expires: number, now: number): void {
    this.purge(now);
    this.run(deskTokenQueries.insertSession, sha256(token), email, now, expires);
  }

  findSession(token: string, now: number): { email: string; expires: number } | null {
    const row = this.store.sql(deskTokenQueries.findSession).get(sha256(token), now) as { email: string; expires_at: number } | undefined;
    return row ? { email: row.email, expires: row.expires_at } : null;
  }

  endSession(token: string): void {
    this.run(deskTokenQueries.deleteSession, sha256(token));
  }
}
