// Versioned schema migrations, tracked with SQLite's `user_version`. Append only: never edit a
// released step, add a new one.
import type Database from 'better-sqlite3';

export const MIGRATIONS: readonly string[] = [
  // 1: subscribers, editions, delivery ledger, items per sent edition
  `
  CREATE TABLE subscribers (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    email           TEXT NOT NULL,
    email_key       TEXT NOT NULL UNIQUE,
    name            TEXT,
    status          TEXT NOT NULL CHECK (status IN ('pending','active','unsubscribed','bounced')),
    sections        TEXT,               -- JSON array, NULL = all sections
    hard_failures   INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    confirmed_at    TEXT,
    unsubscribed_at TEXT
  );
  CREATE INDEX subscribers_status ON subscribers(status);

  CREATE TABLE editions (
    id       TEXT PRIMARY KEY,
    built_at TEXT,
    sent_at  TEXT
  );

  -- keyed by address, not subscriber id: removing and re-adding an address must not make it
  -- eligible for an edition it already received
  CREATE TABLE deliveries (
    edition_id    TEXT NOT NULL REFERENCES editions(id),
    email_key     TEXT NOT NULL,
    email         TEXT NOT NULL,
    subscriber_id INTEGER REFERENCES subscribers(id) ON DELETE SET NULL,
    status        TEXT NOT NULL CHECK (status IN ('queued','sent','failed','skipped')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    message_id    TEXT,
    last_error    TEXT,
    permanent     INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (edition_id, email_key)
  );

  CREATE TABLE edition_items (
    edition_id TEXT NOT NULL REFERENCES editions(id),
    feed       TEXT NOT NULL,
    guid       TEXT NOT NULL,
    PRIMARY KEY (edition_id, feed, guid)
  );
  `,
];

/** Bring the database up to the latest schema; each step runs in its own transaction. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this program knows (${MIGRATIONS.length}); upgrade roundup`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
