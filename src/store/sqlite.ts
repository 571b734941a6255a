// SQLite implementation of the Store (better-sqlite3, WAL). Synchronous by design: every ledger
// write is on disk before the next line of the sender runs, which is what exactly-once needs.
import type Database from 'better-sqlite3';
import { UserError, oneLine } from '../errors.js';
import { asStorageError } from './faults.js';
import { checkEmail } from './email.js';
import { openDatabase } from './open.js';
import { deliveries, editions, preparedStatements, subscribers } from './queries/index.js';
import { SubscriberEvents, recordEvent } from './events.js';
import { applySignal, type Applied, type BouncePolicy, type Signal } from './bounce-signals.js';
import { encodeSections, toDelivery, toSubscriber, type DeliveryRow, type SubscriberRow } from './rows.js';
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
import type { SentItemRef } from '../types.js';

export const DB_FILE = 'digest.db';


export interface SqliteStoreOptions {
  /** clock for timestamps (tests) */
  now?: () => Date;
  readonly?: boolean;
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  /** the database file, for messages about it */
  readonly location: string;
  /** a named query (./queries), prepared once */
  readonly sql: (query: string) => Database.Statement;
  private readonly now: () => string;
  private runInTransaction?: (fn: () => unknown) => unknown;

  /** Open (creating and migrating if needed) the database file at `file`. */
  constructor(file: string, opts: SqliteStoreOptions = {}) {
    this.location = file;
    const clock = opts.now ?? (() => new Date());
    this.now = () => clock().toISOString();
    try {
      this.db = openDatabase(file, opts.readonly ?? false);
      this.sql = preparedStatements(this.db);
    } catch (err) {
      if (err instanceof UserError) throw err;
      const known = asStorageError(err, file, 'open the subscriber database');
      if (known instanceof UserError) throw known;
      throw new UserError(`${file}: cannot open the subscriber database (${oneLine(err)})`, 1);
    }
  }

  transaction<T>(fn: () => T): T {
    // one wrapper for every call: better-sqlite3 builds four functions per db.transaction(), and a send
    // writes its ledger in a transaction per message (nesting still becomes a savepoint, decided per call)
    this.runInTransaction ??= this.db.transaction((f: () => unknown) => f());
    return this.runInTransaction(fn) as T;
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
    const confirmedAt = status === 'active' ? at : null;
    const unsubscribedAt = status === 'unsubscribed' ? at : null;
    const info = this.sql(subscribers.insert).run(checked.email, checked.key, s.name ?? null, status, encodeSections(s.sections), at, at, confirmedAt, unsubscribedAt);
    const id = Number(info.lastInsertRowid);
    recordEvent(this.sql, { subscriberId: id, emailKey: checked.key, at, from: null, to: status, why: s.why ?? { reason: 'added', source: 'store' } });
    return this.getSubscriber(id)!;
  }

  digestId(): string {
    const row = this.sql(editions.digestId).get() as { value: string } | undefined;
    if (!row) throw new Error('store: no digest id (schema older than version 2)');
    return row.value;
  }

  unscopedLinksUpTo(): number {
    const row = this.sql(editions.unscopedLinksUpTo).get() as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  lastStatusReason(id: number): string | null {
    return new SubscriberEvents(this).history(id).filter((e) => e.toStatus !== null).at(-1)?.reason ?? null;
  }

  getSubscriber(id: number): Subscriber | null {
    const row = this.sql(subscribers.byId).get(id) as SubscriberRow | undefined;
    return row ? toSubscriber(row) : null;
  }

  subscriberStatus(id: number): SubscriberStatus | null {
    const row = this.sql(subscribers.statusById).get(id) as { status: SubscriberStatus } | undefined;
    return row ? row.status : null;
  }

  findSubscriber(email: string): Subscriber | null {
    const checked = checkEmail(email);
    if (!checked.ok) return null;
    const row = this.sql(subscribers.byKey).get(checked.key) as SubscriberRow | undefined;
    return row ? toSubscriber(row) : null;
  }

  updateSubscriber(id: number, patch: SubscriberPatch): Subscriber {
    const cur = this.getSubscriber(id);
    if (!cur) throw new UserError(`no subscriber with id ${id}`);
    const at = this.now();
    const status = patch.status ?? cur.status;
    const changedStatus = status !== cur.status;
    this.sql(subscribers.update).run(
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
      recordEvent(this.sql, { subscriberId: id, emailKey: cur.email.toLowerCase(), at, from: cur.status, to: status, why: patch.why ?? { reason: 'changed', source: 'store' } });
    }
    return this.getSubscriber(id)!;
  }

  removeSubscriber(email: string): boolean {
    const checked = checkEmail(email);
    if (!checked.ok) return false;
    return this.sql(subscribers.deleteByKey).run(checked.key).changes > 0;
  }

  listSubscribers(filter: { status?: SubscriberStatus } = {}): Subscriber[] {
    const rows = filter.status
      ? this.sql(subscribers.withStatus).all(filter.status)
      : this.sql(subscribers.all).all();
    return (rows as SubscriberRow[]).map(toSubscriber);
  }

  importSubscribers(rows: NewSubscriber[]): ImportResult {
    const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
    const events = new SubscriberEvents(this);
    this.transaction(() => {
      for (const r of rows) {
        const existing = this.findSubscriber(r.email);
        if (!existing) {
          // an address that left and whose row was removed since comes back with its status, not as the file says
          const key = checkEmail(r.email);
          const left = key.ok ? events.leftBefore(key.key) : null;
          const comesBack = r.status === undefined || r.status === 'active' || r.status === 'pending';
          this.addSubscriber(left && comesBack ? { ...r, status: left.status } : r);
          result.added++;
          continue;
        }
        const patch: SubscriberPatch = {};
        if (r.name != null && r.name !== existing.name) patch.name = r.name;
        if (r.sections !== undefined && JSON.stringify(r.sections) !== JSON.stringify(existing.sections)) patch.sections = r.sections;
        // an import never brings back someone who unsubscribed or bounced
        const blocked = existing.status === 'unsubscribed' || existing.status === 'bounced';
        if (r.status && r.status !== existing.status && !blocked) {
          patch.status = r.status;
          // the history says which file changed it, as it does for an added row
          if (r.why) patch.why = r.why;
        }
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
    this.sql(subscribers.addHardFailure).run(this.now(), id);
    const row = this.sql(subscribers.hardFailures).get(id) as { hard_failures: number } | undefined;
    return row?.hard_failures ?? 0;
  }

  resetHardFailures(id: number): void {
    this.sql(subscribers.resetHardFailures).run(this.now(), id);
  }

  // ---------- editions ----------

  recordEdition(id: string, builtAt: string | null): void {
    this.sql(editions.record).run(id, builtAt);
  }

  getEdition(id: string): EditionRecord | null {
    const row = this.sql(editions.byId).get(id) as
      | { id: string; built_at: string | null; sent_at: string | null }
      | undefined;
    return row ? { id: row.id, builtAt: row.built_at, sentAt: row.sent_at } : null;
  }

  recordSentItems(editionId: string, items: Iterable<SentItemRef>): void {
    const insert = this.sql(editions.addItem);
    this.transaction(() => {
      this.recordEdition(editionId, null);
      for (const it of items) insert.run(editionId, it.feed, it.guid, it.link, it.title);
    });
  }

  markEditionSent(id: string, sentAt: string): void {
    this.recordEdition(id, null);
    this.sql(editions.markSent).run(sentAt, id);
  }

  sentItems(exceptEdition?: string): SentItemRef[] {
    const rows = this.sql(editions.sentItems).all(exceptEdition ?? null) as { feed: string; guid: string; link?: string | null; title?: string | null }[];
    return rows.map((r) => ({ feed: r.feed, guid: r.guid, link: r.link ?? null, title: r.title ?? null }));
  }

  /** The window end (ISO) of the newest edition before `editionId` that went out or was skipped; null: none known. */
  lastClosedEnd(editionId: string): string | null {
    const row = this.sql(editions.lastClosedEnd).get(editionId) as { window_end: string } | undefined;
    return row?.window_end ?? null;
  }

  sentItemKeys(exceptEdition?: string): Set<string> {
    return new Set(this.sentItems(exceptEdition).map((r) => `${r.feed}:${r.guid}`));
  }

  // ---------- delivery ledger ----------

  planDeliveries(editionId: string, recipients?: Subscriber[]): number {
    const at = this.now();
    let added = 0;
    this.transaction(() => {
      this.recordEdition(editionId, null);
      if (!recipients) {
        added = this.sql(deliveries.planActive).run(editionId, at, at).changes;
        return;
      }
      const insert = this.sql(deliveries.planOne);
      for (const s of recipients) added += insert.run(editionId, s.email.toLowerCase(), s.email, s.id, at, at).changes;
    });
    return added;
  }

  deliveries(editionId: string, statuses?: DeliveryStatus[]): Delivery[] {
    const rows = (
      statuses && statuses.length > 0
        ? this.sql(deliveries.ofEditionWithStatus).all(editionId, JSON.stringify(statuses))
        : this.sql(deliveries.ofEdition).all(editionId)
    ) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  markAttempt(editionId: string, email: string, messageId: string): void {
    const changes = this.sql(deliveries.markAttempt).run(messageId, this.now(), editionId, email.toLowerCase()).changes;
    // refusing here is the last guard against sending a terminal row twice
    if (changes !== 1) throw new Error(`ledger: ${email} is not pending for edition ${editionId}`);
  }

  undoAttempt(editionId: string, email: string, before: Pick<Delivery, 'status' | 'attempts' | 'messageId'>): void {
    this.sql(deliveries.undoAttempt).run(before.status, before.attempts, before.messageId, this.now(), editionId, email.toLowerCase());
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

  countRefusal(editionId: string, email: string, limit: number): number {
    const row = this.sql(deliveries.countRefusal).get(limit, this.now(), editionId, email.toLowerCase()) as { refusals: number } | undefined;
    return row?.refusals ?? 0;
  }

  refusedForGood(editionId: string): { count: number; runs: number } {
    const row = this.sql(deliveries.givenUp).get(editionId) as { n: number; runs: number | null };
    return { count: row.n, runs: row.runs ?? 0 };
  }

  markDeferred(editionId: string, email: string, at: string): void {
    this.sql(deliveries.markDeferred).run(at, editionId, email.toLowerCase());
  }

  applySignal(s: Signal, policy: BouncePolicy, now: Date = new Date()): Applied {
    return applySignal(this, s, policy, now);
  }

  expireDeferral(editionId: string, email: string, cutoff: string): string | null {
    const at = this.now();
    const row = this.sql(deliveries.expire).get(at, at, editionId, email.toLowerCase(), cutoff) as { deferred_since: string } | undefined;
    return row?.deferred_since ?? null;
  }

  reopenGivenUp(editionId: string): number {
    return this.sql(deliveries.reopenGivenUp).run(this.now(), editionId).changes;
  }

  expiredForGood(editionId: string): number {
    return (this.sql(deliveries.expired).get(editionId) as { n: number }).n;
  }

  deliveryCounts(editionId: string): DeliveryCounts {
    const counts: DeliveryCounts = { queued: 0, sent: 0, failed: 0, skipped: 0 };
    const rows = this.sql(deliveries.countsByStatus).all(editionId) as { status: DeliveryStatus; n: number }[];
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  private setOutcome(editionId: string, email: string, status: DeliveryStatus, error: string | null, permanent: boolean, messageId: string | null): void {
    this.sql(deliveries.setOutcome).run(status, error, permanent ? 1 : 0, permanent ? 1 : 0, messageId, this.now(), editionId, email.toLowerCase());
  }
}
