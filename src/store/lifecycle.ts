// The editor's desk in the store: each edition's lifecycle, its approved bytes, and the editors'
// corrections. Lives next to the subscriber store in the same SQLite file (migration 2).
//
//   draft ──approve──▶ approved ──send starts──▶ sending ──ledger done──▶ sent
//     ▲                   │                                 (or skipped: review deadline passed)
//     └──── an edit ──────┘   (an edit after approval withdraws it: the approved bytes are no longer what was read)
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Correction, CorrectionKind } from '../types.js';
import { corrections, deliveries, editions } from './queries/index.js';
import { toCorrection, toEntry, type CorrectionRow, type EditionRow } from './rows.js';
import type { SqliteStore } from './sqlite.js';

export type EditionState = 'draft' | 'approved' | 'sending' | 'sent' | 'skipped';

export interface EditionEntry {
  id: string;
  state: EditionState;
  builtAt: string | null;
  /** when the first message went out (null before) */
  sentAt: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  /** absolute folder of the edition's files */
  dir: string | null;
  stories: number | null;
  approvedAt: string | null;
  approvedBy: string | null;
  notifiedAt: string | null;
  closedAt: string | null;
  note: string | null;
}

/** What `send` delivers once an edition is approved: digest.json's text and the rendered email parts. */
export interface Snapshot {
  editionJson: string;
  emailJson: string;
  sha256: string;
  createdAt: string;
}

export interface NewCorrection {
  kind: CorrectionKind;
  items: string[];
  other?: string[];
  value?: string;
  by: string;
}

/** States in which an edition's bytes are frozen. */
export const FROZEN: readonly EditionState[] = ['approved', 'sending', 'sent'];

export class EditionLifecycle {
  private readonly db: Database.Database;
  private readonly sql: (query: string) => Database.Statement;
  private readonly now: () => string;

  constructor(store: SqliteStore, now: () => Date = () => new Date()) {
    this.db = store.db;
    this.sql = store.sql;
    this.now = () => now().toISOString();
  }

  /** This digest's id: made once when the store was created, stamped into every edition it builds. */
  digestId(): string {
    const row = this.sql(editions.digestId).get() as { value: string } | undefined;
    if (!row) throw new Error('store: no digest id (schema older than version 2)');
    return row.value;
  }

  get(id: string): EditionEntry | null {
    const row = this.sql(editions.byId).get(id) as EditionRow | undefined;
    return row ? toEntry(row) : null;
  }

  /** Every recorded edition, newest (by window end, then id) first. */
  list(): EditionEntry[] {
    const rows = this.sql(editions.newestFirst).all() as EditionRow[];
    return rows.map(toEntry);
  }

  /** The edition the desk works on: the newest recorded edition, while it is a draft or approved. */
  current(): EditionEntry | null {
    const newest = this.list()[0];
    return newest && (newest.state === 'draft' || newest.state === 'approved') ? newest : null;
  }

  /**
   * The newest edition waiting to go out (or part-way out): what `send` without --edition delivers. One older than
   * an edition that already went out in full (or was skipped) is not: readers would get last week's news after this
   * week's. Nor is one part-way out (a reader's server deferring) when a newer one is approved: the newer goes, rather
   * than every send retrying the old one's last readers while this week's edition waits.
   */
  toSend(): EditionEntry | null {
    const list = this.list();
    const done = list.findIndex((e) => e.state === 'sent' || e.state === 'skipped');
    return list.slice(0, done < 0 ? undefined : done).find((e) => e.state === 'sending' || e.state === 'approved') ?? null;
  }

  /** An edition approved or part-way out that toSend passes over: older than one that went out (or was skipped). */
  staleApproved(): { stale: EditionEntry; newer: EditionEntry } | null {
    const list = this.list();
    const closed = list.findIndex((e) => e.state === 'sent' || e.state === 'skipped' || e.sentAt !== null);
    const stale = closed < 0 ? undefined : list.slice(closed + 1).find((e) => e.state === 'approved' || e.state === 'sending');
    return stale ? { stale, newer: list[closed] } : null;
  }

  /**
   * Editions part-way out (`sending`) older than one that went out (to some readers at least: its own deferring
   * readers keep it `sending` too) or was skipped, newest first, with that newer one: neither `digest send` nor the scheduler sends their unreached readers after it (last week's news after
   * this week's), but for the messages the readers' servers deferred, which the scheduler retries (src/schedule/tick.ts).
   */
  leftBehind(): { behind: EditionEntry; newer: EditionEntry }[] {
    const list = this.list();
    const done = list.findIndex((e) => e.state === 'sent' || e.state === 'skipped' || e.sentAt !== null);
    return done < 0 ? [] : list.slice(done + 1).filter((e) => e.state === 'sending').map((behind) => ({ behind, newer: list[done] }));
  }

  lastSent(): EditionEntry | null {
    return this.list().find((e) => e.state === 'sent' || (e.state === 'sending' && e.sentAt !== null)) ?? null;
  }

  /**
   * A build was written: record it as a draft (or refresh a draft's window and folder). A frozen or
   * closed edition keeps its state: only its folder and counts are left as they were.
   */
  recordDraft(d: { id: string; windowStart: string; windowEnd: string; dir: string; stories: number }): EditionEntry {
    const at = this.now();
    this.db.transaction(() => {
      this.sql(editions.recordDraft).run(d.id, at, d.windowStart, d.windowEnd, d.dir, d.stories);
      this.sql(editions.refreshDraft).run(at, d.windowStart, d.windowEnd, d.dir, d.stories, d.id);
    })();
    return this.get(d.id)!;
  }

  /**
   * Freeze an edition: from now on `send` delivers exactly these bytes. Binds the corrections the
   * edition carries (their ids, as listed in its digest.json) to it; the others stay pending.
   */
  approve(id: string, s: { editionJson: string; emailJson: string; by: string; correctionIds: number[]; window?: { start: string; end: string }; dir?: string; stories?: number }): EditionEntry {
    const at = this.now();
    const sha256 = createHash('sha256').update(s.editionJson).update('\0').update(s.emailJson).digest('hex');
    this.db.transaction(() => {
      this.sql(editions.ensure).run(id, at);
      const cur = this.get(id)!;
      if (cur.state !== 'draft' && cur.state !== 'approved') throw new Error(`edition ${id} is ${cur.state}; it cannot be approved again`);
      this.sql(editions.approve).run(at, s.by, s.window?.start ?? null, s.window?.end ?? null, s.dir ?? null, s.stories ?? null, id);
      this.sql(editions.saveSnapshot).run(id, s.editionJson, s.emailJson, sha256, at);
      const bind = this.sql(corrections.bind);
      for (const cid of s.correctionIds) bind.run(id, cid, id);
    })();
    return this.get(id)!;
  }

  /** Back to draft (an edit after approval): the snapshot goes, its corrections are pending again. */
  withdrawApproval(id: string): void {
    this.db.transaction(() => {
      const cur = this.get(id);
      if (!cur || cur.state !== 'approved') return;
      this.sql(editions.unapprove).run(id);
      this.sql(editions.deleteSnapshot).run(id);
      this.sql(corrections.unbindAll).run(id);
    })();
  }

  snapshot(id: string): Snapshot | null {
    const row = this.sql(editions.snapshot).get(id) as
      | { edition_json: string; email_json: string; sha256: string; created_at: string }
      | undefined;
    return row ? { editionJson: row.edition_json, emailJson: row.email_json, sha256: row.sha256, createdAt: row.created_at } : null;
  }

  setState(id: string, state: EditionState, note: string | null = null): void {
    const closed = state === 'sent' || state === 'skipped' ? this.now() : null;
    this.sql(editions.setState).run(state, note, closed, closed, id);
  }

  /**
   * A skipped edition: the review deadline passed with nothing approved. The corrections its draft carried
   * (ids, as listed in its digest.json) are bound to it, as an approval binds them: pending, they would
   * apply to every later draft (its introduction in next week's edition).
   */
  skip(id: string, note: string, correctionIds: number[] = []): void {
    this.db.transaction(() => {
      this.sql(editions.ensure).run(id, this.now());
      this.setState(id, 'skipped', note);
      const bind = this.sql(corrections.bind);
      for (const cid of correctionIds) bind.run(id, cid, id);
    })();
  }

  markNotified(id: string): void {
    this.sql(editions.markNotified).run(this.now(), id);
  }

  /**
   * What the scheduler last said of an edition about `what` (a notice, a count), or null: so a step that runs every
   * few minutes says a thing once, or again only when it changed, not on every tick of a cron log.
   */
  said(id: string, what: string): string | null {
    const row = this.sql(editions.said).get(`said:${what}:${id}`) as { value: string } | undefined;
    return row?.value ?? null;
  }

  markSaid(id: string, what: string, value: string): void {
    this.sql(editions.markSaid).run(`said:${what}:${id}`, value);
  }

  /**
   * After a send run: `sent` when every planned recipient is done, `sending` while some are left to
   * try, and still `approved` when there was nobody to send to (nothing was consumed).
   */
  settle(id: string, note: string | null = null): EditionState {
    const rows = this.sql(deliveries.pending).get(id) as { total: number; pending: number | null };
    const state: EditionState = rows.total === 0 ? 'approved' : (rows.pending ?? 0) > 0 ? 'sending' : 'sent';
    this.setState(id, state, note);
    return state;
  }

  // ---------- corrections ----------

  addCorrection(c: NewCorrection): Correction {
    const at = this.now();
    const info = this.sql(corrections.insert).run(c.kind, JSON.stringify(c.items), c.other ? JSON.stringify(c.other) : null, c.value ?? null, c.by, at);
    return this.correction(Number(info.lastInsertRowid))!;
  }

  correction(id: number): (Correction & { editionId: string | null; withdrawn: boolean }) | null {
    const row = this.sql(corrections.byId).get(id) as
      | (CorrectionRow & { withdrawn: number })
      | undefined;
    return row ? { ...toCorrection(row), editionId: row.edition_id, withdrawn: row.withdrawn === 1 } : null;
  }

  /** Take back a pending correction (undo). */
  withdrawCorrection(id: number): boolean {
    return this.sql(corrections.withdraw).run(this.now(), id).changes === 1;
  }

  /**
   * The corrections a build of this edition applies, oldest first: those bound to it once it is
   * approved (or later), else every pending one.
   */
  correctionsFor(editionId: string): Correction[] {
    const entry = this.get(editionId);
    const frozen = entry !== null && FROZEN.includes(entry.state);
    const rows = (
      frozen
        ? this.sql(corrections.ofEdition).all(editionId)
        : this.sql(corrections.pending).all()
    ) as CorrectionRow[];
    return rows.map(toCorrection);
  }

  pendingCorrections(): Correction[] {
    return (this.sql(corrections.pending).all() as CorrectionRow[]).map(toCorrection);
  }
}
