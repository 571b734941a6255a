// Versioned schema migrations, tracked with SQLite's `user_version`. Append only: never edit a
// released step, add a new one.
import type Database from 'better-sqlite3';
import { UserError } from '../errors.js';

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
  // 2: the editor's desk — an edition's lifecycle (draft → approved → sending → sent, or skipped), the
  // approved bytes, the editors' corrections, and this digest's id (stamped into every edition it builds)
  `
  ALTER TABLE editions ADD COLUMN state TEXT CHECK (state IN ('draft','approved','sending','sent','skipped'));
  ALTER TABLE editions ADD COLUMN window_start TEXT;
  ALTER TABLE editions ADD COLUMN window_end TEXT;
  ALTER TABLE editions ADD COLUMN dir TEXT;            -- absolute folder of its files (out/<id>)
  ALTER TABLE editions ADD COLUMN stories INTEGER;
  ALTER TABLE editions ADD COLUMN approved_at TEXT;
  ALTER TABLE editions ADD COLUMN approved_by TEXT;
  ALTER TABLE editions ADD COLUMN notified_at TEXT;    -- when the editors were told the draft is ready
  ALTER TABLE editions ADD COLUMN closed_at TEXT;      -- sent in full, or skipped
  ALTER TABLE editions ADD COLUMN note TEXT;           -- why it was skipped, or what the last send said

  -- editions recorded before the desk existed were recorded by a send
  UPDATE editions SET state = CASE
    WHEN EXISTS (SELECT 1 FROM deliveries d WHERE d.edition_id = editions.id AND (d.status = 'queued' OR (d.status = 'failed' AND d.permanent = 0))) THEN 'sending'
    WHEN EXISTS (SELECT 1 FROM deliveries d WHERE d.edition_id = editions.id) THEN 'sent'
    ELSE 'draft' END;

  -- exactly what send delivers once approved: digest.json and the rendered email parts (JSON)
  CREATE TABLE edition_snapshots (
    edition_id   TEXT PRIMARY KEY REFERENCES editions(id),
    edition_json TEXT NOT NULL,
    email_json   TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TEXT NOT NULL
  );

  -- corrections name stories by item keys (JSON arrays of "feed:guid"); edition_id is NULL while
  -- pending (they apply to every draft built), and set when the edition carrying them is approved
  CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    edition_id  TEXT REFERENCES editions(id),
    kind        TEXT NOT NULL CHECK (kind IN ('drop','pin','move','merge','split','title','summary','intro')),
    items       TEXT NOT NULL,
    other       TEXT,
    value       TEXT,
    made_by     TEXT NOT NULL,
    made_at     TEXT NOT NULL,
    withdrawn_at TEXT
  );
  CREATE INDEX corrections_edition ON corrections(edition_id);

  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  INSERT INTO meta (key, value) VALUES ('digest_id', lower(hex(randomblob(8))));
  `,
  // 3: the desk's sign-in state, so that a restart of `digest serve` keeps editors signed in and used
  // sign-in links used: sessions and used links by the SHA-256 of their secret (a copy of the database
  // signs nobody in), each with its expiry (ms since epoch), after which it is deleted.
  `
  CREATE TABLE desk_sessions (
    token_hash TEXT PRIMARY KEY,
    email      TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX desk_sessions_expiry ON desk_sessions(expires_at);

  CREATE TABLE desk_used_links (
    nonce_hash TEXT PRIMARY KEY,
    email      TEXT NOT NULL,
    used_at    INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX desk_used_links_expiry ON desk_used_links(expires_at);
  `,
  // 4: every change of a subscriber's status, with why and the evidence (a DSN's status code, a
  // provider's event id); soft bounces are events too (no status change), counted within a window.
  // event_key makes a notification read twice (the same message, the same provider event) count once.
  `
  CREATE TABLE subscriber_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    subscriber_id INTEGER REFERENCES subscribers(id) ON DELETE SET NULL,
    email_key     TEXT NOT NULL,
    at            TEXT NOT NULL,
    from_status   TEXT,
    to_status     TEXT,
    reason        TEXT NOT NULL,
    source        TEXT NOT NULL,
    edition_id    TEXT,
    evidence      TEXT,
    event_key     TEXT UNIQUE
  );
  CREATE INDEX subscriber_events_subscriber ON subscriber_events(subscriber_id, at);
  CREATE INDEX subscriber_events_email ON subscriber_events(email_key, at);
  `,
  // 5: a sent item's canonical link and title, so that it stays sent when its feed gives it a new id
  // (src/select/sent.ts); rows recorded before keep NULL and are known by their id alone.
  `
  ALTER TABLE edition_items ADD COLUMN link TEXT;
  ALTER TABLE edition_items ADD COLUMN title TEXT;
  `,
  // 6: a provider's webhook event and a returned message are tied to their delivery by its Message-ID, and a soft
  // bounce naming none to the subscriber's last copy (src/web/webhooks/delivery-of.ts): looked up, not scanned for
  `
  CREATE INDEX deliveries_message_id ON deliveries(message_id);
  CREATE INDEX deliveries_subscriber ON deliveries(subscriber_id, updated_at);
  `,
  // 7: the runs on which the server refused a delivery's message for good (5xx at DATA, a policy 5.7.x at RCPT TO),
  // so that such a message is given up after a few runs (src/deliver/refusals.ts) instead of tried at every run
  `
  ALTER TABLE deliveries ADD COLUMN refusals INTEGER NOT NULL DEFAULT 0;
  `,
  // 8: since when the reader's server has deferred a delivery (4xx at RCPT TO or DATA), and when it was given up for
  // that (src/deliver/deferrals.ts), so a mailbox that stays full does not keep its edition `sending` for ever
  `
  ALTER TABLE deliveries ADD COLUMN deferred_since TEXT;
  ALTER TABLE deliveries ADD COLUMN expired_at TEXT;
  `,
  // 9: subscriber links (unsubscribe, confirm, preferences) are signed for this digest alone (src/deliver/tokens.ts);
  // the readers up to this id may hold links signed before, which name no digest, and those still work for them
  `
  INSERT INTO meta (key, value)
    VALUES ('unscoped_links_up_to', CAST(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'subscribers'), 0) AS TEXT));
  `,
];

/**
 * Bring the database up to the latest schema; each step runs in its own transaction. The version is read inside
 * that transaction, which takes the write lock at once (IMMEDIATE): two processes started together on an older
 * database each wait for the other's step and then find it done, rather than both running it from the version they
 * read before ("table … already exists").
 */
export function migrate(db: Database.Database): number {
  const step = db.transaction((): boolean => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      // a rollback after an upgrade, or an older checkout pointed at a newer one's state folder: not a bug
      throw new UserError(
        `${db.name}: database schema version ${current} is newer than this program knows (${MIGRATIONS.length}): ` +
          'a newer Roundup wrote it; run that version again, or restore a backup taken before the upgrade',
        1,
      );
    }
    if (current === MIGRATIONS.length) return false;
    db.exec(MIGRATIONS[current]);
    db.pragma(`user_version = ${current + 1}`);
    return true;
  });
  // nothing to do: no write lock taken (a database another process is busy in opens without waiting for it)
  if ((db.pragma('user_version', { simple: true }) as number) !== MIGRATIONS.length) while (step.immediate());
  return MIGRATIONS.length;
}

/** the tables every version of Roundup's schema has had */
const OWN_TABLES = ['subscribers', 'editions', 'deliveries', 'edition_items'];

/**
 * Another program's SQLite file (`state:` pointed at its folder, a file copied over digest.db) is refused before
 * anything is written to it: migrating would add Roundup's tables to that program's database, or fail half-way
 * on a table of the same name.
 */
export function refuseForeign(db: Database.Database, file: string): void {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().all() as string[];
  if (tables.length === 0) return;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > 0 && OWN_TABLES.every((t) => tables.includes(t))) return;
  const named = tables.slice(0, 3).join(', ') + (tables.length > 3 ? ', …' : '');
  throw new UserError(
    `${file}: not Roundup's database (it holds another program's tables: ${named}); expected Roundup's own digest.db: point \`state:\` at a folder of its own, or move the file away to start with an empty list`,
    1,
  );
}
