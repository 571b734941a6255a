// SQLite implementation of the Store (better-sqlite3, WAL). Synchronous by design: every ledger
// write is on disk before the next line of the sender runs, which is what exactly-once needs.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError, oneLine } from '../errors.js';
import { asStorageError } from './faults.js';
import { checkEmail } from './email.js';
import { migrate } from './migrations.js';
import { recordEvent } from './events.js';
import type {
  Delivery,
  DeliveryCounts,
  DeliveryStatus,
  EditionRecord,
  ImportResult,
  NewSubscriber,
  Store,
  Subscriber,
  SubscriberPatch,
  SubscriberStatus,
} from './types.js';

export const DB_FILE = 'digest.db';

interface SubscriberRow {
  id: number;
  email: string;
  name: string | null;
  status: SubscriberStatus;
  sections: string | null;
  hard_failures: number;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

interface DeliveryRow {
  edition_id: string;
  email: string;
  subscriber_id: number | null;
  status: DeliveryStatus;
  attempts: number;
  message_id: string | null;
  last_error: string | null;
  permanent: number;
  created_at: string;
  updated_at: string;
}

export interface SqliteStoreOptions {
  /** clock for timestamps (tests) */
  now?: () => Date;
  readonly?: boolean;
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  /** the database file, for messages about it */
  readonly location: string;
  private readonly now: () => string;
  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once per SQL text: preparing costs more than running these small statements. */
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  /** Open (creating and migrating if needed) the database file at `file`. */
  constructor(file: string, opts: SqliteStoreOptions = {}) {
    this.location = file;
    const clock = opts.now ?? (() => new Date());
    this.now = () => clock().toISOString();
    try {
      this.db = openDatabase(file, opts.readonly ?? false);
    } catch (err) {
      if (err instanceof UserError) throw err;
      const known = asStorageError(err, file, 'open the subscriber database');
      throw known instanceof UserError ? known : new UserError(`${file}: cannot open the subscriber database (${oneLine(err)})`, 1);
    }
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---------- subscribers ----------

  addSubscriber(s: NewSubscriber): Subscriber {
    const checked = checkEmail(s.email);
    if (!checked.ok) throw new UserError(`${JSON.stringify(s.email)}: ${checked.reason}`);
    if (this.findSubscriber(checked.email)) throw new UserError(`${checked.email} is already a subscriber`);
    const at = this.now();
    const status = s.status ?? 'active';
    const info = this.sql(
        `INSERT INTO subscribers (email, email_key, name, status, sections, created_at, updated_at, confirmed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(checked.email, checked.key, s.name ?? null, status, encodeSections(s.sections), at, at, status === 'active' ? at : null);
    const id = Number(info.lastInsertRowid);
    recordEvent(this.db, { subscriberId: id, emailKey: checked.key, at, from: null, to: status, why: s.why ?? { reason: 'added', source: 'store' } });
    return this.getSubscriber(id)!;
  }

  getSubscriber(id: number): Subscriber | null {
    const row = this.sql('SELECT * FROM subscribers WHERE id = ?').get(id) as SubscriberRow | undefined;
    return row ? toSubscriber(row) : null;
  }

  findSubscriber(email: string): Subscriber | null {
    const checked = checkEmail(email);
    if (!checked.ok) return null;
    const row = this.sql('SELECT * FROM subscribers WHERE email_key = ?').get(checked.key) as SubscriberRow | undefined;
    return row ? toSubscriber(row) : null;
  }

  updateSubscriber(id: number, patch: SubscriberPatch): Subscriber {
    const cur = this.getSubscriber(id);
    if (!cur) throw new UserError(`no subscriber with id ${id}`);
    const at = this.now();
    const status = patch.status ?? cur.status;
    const changedStatus = status !== cur.status;
    this.sql(
        `UPDATE subscribers SET name = ?, status = ?, sections = ?, updated_at = ?,
           confirmed_at = ?, unsubscribed_at = ?, hard_failures = ? WHERE id = ?`,
      )
      .run(
        patch.name !== undefined ? patch.name : cur.name,
        status,
        patch.sections !== undefined ? encodeSections(patch.sections) : encodeSections(cur.sections),
        at,
        changedStatus && status === 'active' ? at : cur.confirmedAt,
        changedStatus && status === 'unsubscribed' ? at : status === 'unsubscribed' ? cur.unsubscribedAt : null,
        changedStatus && status === 'active' ? 0 : cur.hardFailures,
        id,
      );
    if (changedStatus) {
      recordEvent(this.db, { subscriberId: id, emailKey: cur.email.toLowerCase(), at, from: cur.status, to: status, why: patch.why ?? { reason: 'changed', source: 'store' } });
    }
    return this.getSubscriber(id)!;
  }

  removeSubscriber(email: string): boolean {
    const checked = checkEmail(email);
    if (!checked.ok) return false;
    return this.sql('DELETE FROM subscribers WHERE email_key = ?').run(checked.key).changes > 0;
  }

  listSubscribers(filter: { status?: SubscriberStatus } = {}): Subscriber[] {
    const rows = filter.status
      ? this.sql('SELECT * FROM subscribers WHERE status = ? ORDER BY id').all(filter.status)
      : this.sql('SELECT * FROM subscribers ORDER BY id').all();
    return (rows as SubscriberRow[]).map(toSubscriber);
  }

  importSubscribers(rows: NewSubscriber[]): ImportResult {
    const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
    this.transaction(() => {
      for (const r of rows) {
        const existing = this.findSubscriber(r.email);
        if (!existing) {
          this.addSubscriber(r);
          result.added++;
          continue;
        }
        const patch: SubscriberPatch = {};
        if (r.name != null && r.name !== existing.name) patch.name = r.name;
        if (r.sections !== undefined && JSON.stringify(r.sections) !== JSON.stringify(existing.sections)) patch.sections = r.sections;
        // an import never brings back someone who unsubscribed or bounced
        const blocked = existing.status === 'unsubscribed' || existing.status === 'bounced';
        if (r.status && r.status !== existing.status && !blocked) patch.status = r.status;
        if (Object.keys(patch).length === 0) {
          result.unchanged++;
        } else {
          this.updateSubscriber(existing.id, patch);
          result.updated++;
        }
      }
    });
    return result;
  }

  recordHardFailure(id: number): number {
    this.sql('UPDATE subscribers SET hard_failures = hard_failures + 1, updated_at = ? WHERE id = ?').run(this.now(), id);
    const row = this.sql('SELECT hard_failures FROM subscribers WHERE id = ?').get(id) as { hard_failures: number } | undefined;
    return row?.hard_failures ?? 0;
  }

  resetHardFailures(id: number): void {
    this.sql('UPDATE subscribers SET hard_failures = 0, updated_at = ? WHERE id = ? AND hard_failures > 0').run(this.now(), id);
  }

  // ---------- editions ----------

  recordEdition(id: string, builtAt: string | null): void {
    this.sql('INSERT INTO editions (id, built_at) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET built_at = COALESCE(excluded.built_at, built_at)')
      .run(id, builtAt);
  }

  getEdition(id: string): EditionRecord | null {
    const row = this.sql('SELECT id, built_at, sent_at FROM editions WHERE id = ?').get(id) as
      | { id: string; built_at: string | null; sent_at: string | null }
      | undefined;
    return row ? { id: row.id, builtAt: row.built_at, sentAt: row.sent_at } : null;
  }

  recordSentItems(editionId: string, keys: Iterable<string>): void {
    const insert = this.sql('INSERT OR IGNORE INTO edition_items (edition_id, feed, guid) VALUES (?, ?, ?)');
    this.transaction(() => {
      this.recordEdition(editionId, null);
      for (const key of keys) {
        const i = key.indexOf(':');
        if (i <= 0) throw new Error(`item key ${JSON.stringify(key)}: expected "feed:guid"`);
        insert.run(editionId, key.slice(0, i), key.slice(i + 1));
      }
    });
  }

  markEditionSent(id: string, sentAt: string): void {
    this.recordEdition(id, null);
    this.sql('UPDATE editions SET sent_at = COALESCE(sent_at, ?) WHERE id = ?').run(sentAt, id);
  }

  sentItemKeys(exceptEdition?: string): Set<string> {
    const rows = this.sql(
        `SELECT i.feed, i.guid FROM edition_items i JOIN editions e ON e.id = i.edition_id
         WHERE e.sent_at IS NOT NULL AND e.id IS NOT ?`,
      )
      .all(exceptEdition ?? null) as { feed: string; guid: string }[];
    return new Set(rows.map((r) => `${r.feed}:${r.guid}`));
  }

  // ---------- delivery ledger ----------

  planDeliveries(editionId: string, recipients?: Subscriber[]): number {
    const at = this.now();
    let added = 0;
    this.transaction(() => {
      this.recordEdition(editionId, null);
      if (!recipients) {
        // in SQL, so planning 10,000 recipients loads none of them into memory
        added = this.sql(
          `INSERT OR IGNORE INTO deliveries (edition_id, email_key, email, subscriber_id, status, created_at, updated_at)
           SELECT ?, email_key, email, id, 'queued', ?, ? FROM subscribers WHERE status = 'active' ORDER BY id`,
        ).run(editionId, at, at).changes;
        return;
      }
      const insert = this.sql(
        `INSERT OR IGNORE INTO deliveries (edition_id, email_key, email, subscriber_id, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'queued', ?, ?)`,
      );
      for (const s of recipients) added += insert.run(editionId, s.email.toLowerCase(), s.email, s.id, at, at).changes;
    });
    return added;
  }

  deliveries(editionId: string, statuses?: DeliveryStatus[]): Delivery[] {
    const rows = (
      statuses && statuses.length > 0
        ? this.sql(`SELECT * FROM deliveries WHERE edition_id = ? AND status IN (${statuses.map(() => '?').join(',')}) ORDER BY rowid`)
            .all(editionId, ...statuses)
        : this.sql('SELECT * FROM deliveries WHERE edition_id = ? ORDER BY rowid').all(editionId)
    ) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  markAttempt(editionId: string, email: string, messageId: string): void {
    const changes = this.sql(
        `UPDATE deliveries SET status = 'queued', attempts = attempts + 1, message_id = ?, updated_at = ?
         WHERE edition_id = ? AND email_key = ? AND status IN ('queued','failed')`,
      )
      .run(messageId, this.now(), editionId, email.toLowerCase()).changes;
    // refusing here is the last guard against sending a terminal row twice
    if (changes !== 1) throw new Error(`ledger: ${email} is not pending for edition ${editionId}`);
  }

  markSent(editionId: string, email: string, messageId: string): void {
    this.setOutcome(editionId, email, 'sent', null, false, messageId);
  }

  markFailed(editionId: string, email: string, error: string, permanent: boolean): void {
    this.setOutcome(editionId, email, 'failed', error, permanent, null);
  }

  markSkipped(editionId: string, email: string, reason: string): void {
    this.setOutcome(editionId, email, 'skipped', reason, false, null);
  }

  deliveryCounts(editionId: string): DeliveryCounts {
    const counts: DeliveryCounts = { queued: 0, sent: 0, failed: 0, skipped: 0 };
    const rows = this.sql('SELECT status, COUNT(*) AS n FROM deliveries WHERE edition_id = ? GROUP BY status')
      .all(editionId) as { status: DeliveryStatus; n: number }[];
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  private setOutcome(editionId: string, email: string, status: DeliveryStatus, error: string | null, permanent: boolean, messageId: string | null): void {
    this.sql(
        `UPDATE deliveries SET status = ?, last_error = ?, permanent = ?, message_id = COALESCE(?, message_id), updated_at = ?
         WHERE edition_id = ? AND email_key = ?`,
      )
      .run(status, error, permanent ? 1 : 0, messageId, this.now(), editionId, email.toLowerCase());
  }
}

/**
 * Open (creating if needed) and migrate. The folder is created 0700 and a new file 0600: it holds
 * subscriber addresses. A database that exists is never silently replaced: a zero-byte file (truncated,
 * or lost to a full disk) is refused with the way out, not re-created empty.
 */
function openDatabase(file: string, readonly: boolean): Database.Database {
  const existed = existsSync(file);
  if (existed && statSync(file).size === 0 && !hasContent(`${file}-wal`)) {
    throw new UserError(
      `${file}: the subscriber database is empty (0 bytes), so it was truncated or lost: restore it from a backup (docs/operations.md, "Backups"), or delete the file to start with an empty list`,
      1,
    );
  }
  // ':memory:' is an empty store that lives in this process only (a read-only look before any store exists)
  const onDisk = file !== ':memory:';
  if (!readonly && onDisk) mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file, { readonly, fileMustExist: readonly });
  try {
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

function encodeSections(sections: string[] | null | undefined): string | null {
  return sections && sections.length > 0 ? JSON.stringify(sections) : null;
}

function toSubscriber(r: SubscriberRow): Subscriber {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    status: r.status,
    sections: r.sections ? (JSON.parse(r.sections) as string[]) : null,
    hardFailures: r.hard_failures,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    confirmedAt: r.confirmed_at,
    unsubscribedAt: r.unsubscribed_at,
  };
}

function toDelivery(r: DeliveryRow): Delivery {
  return {
    editionId: r.edition_id,
    email: r.email,
    subscriberId: r.subscriber_id,
    status: r.status,
    attempts: r.attempts,
    messageId: r.message_id,
    lastError: r.last_error,
    permanent: r.permanent === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
