// The send ledger of one edition: the only state the steps of a send share. Every write goes through
// here, so one rule holds everywhere: when a write fails (disk full, read-only, I/O error), nothing more
// is sent. The reserve is freed, the `sent` rows of messages the server already accepted are written
// (so a re-run never sends them again; those even the reserve could not take are written down beside the database,
// ./accepted-aside.ts), and the run stops with a line naming the file and the fix.
import { putAside, type AcceptedAside } from './accepted-aside.js';
import type { Delivery } from '../store/types.js';
import type { Applied, BouncePolicy } from '../store/bounce-signals.js';
import type { SentItemRef } from '../types.js';
import { describeStorageFault } from '../store/faults.js';
import type { DiskReserve } from './disk-reserve.js';
import type { Job } from './personalise.js';
import type { SendStore } from './send-store.js';

export class Ledger {
  /** accepted by the server, `sent` row not written because a write failed */
  private unrecorded: Job[] = [];
  /** accepted, `sent` row not written, written down in the aside file instead: the next run records them */
  private keptAside: Job[] = [];
  private itemsRecorded = false;
  /** claims waiting for this turn's transaction */
  private claims: { job: Job; resolve: (ok: boolean) => void; reject: (err: unknown) => void }[] = [];
  /** why writing failed; once set the run must stop */
  failure: string | null = null;

  constructor(
    private readonly store: SendStore,
    readonly editionId: string,
    private readonly items: readonly SentItemRef[],
    private readonly clock: () => Date,
    private readonly reserve?: DiskReserve,
    /** where accepted messages the ledger cannot take are written down (./accepted-aside.ts) */
    private readonly asideFile?: string,
  ) {}

  /** Record as sent what an earlier run wrote down beside the database; false when the ledger still cannot take it. */
  adoptAside(entries: readonly AcceptedAside[]): boolean {
    return this.write(
      'record the messages an earlier run could not',
      () => entries.forEach((e) => this.store.markSent(this.editionId, e.email, e.messageId)),
      entries.length > 0,
    );
  }

  /** The messages given up for this edition, pending again for one more try (the operator fixed the cause); how many, or null when the write failed. */
  reopenGivenUp(): number | null {
    let n = 0;
    return this.write('put back the messages given up', () => (n = this.store.reopenGivenUp(this.editionId))) ? n : null;
  }

  /**
   * Claim a row just before its message is handed to SMTP: attempts + 1 and its Message-ID, written before
   * the promise resolves. False when the write failed: do not send. Claims made in the same turn of the
   * event loop (workers whose answers arrived together) share one transaction: a commit per batch, not per
   * message. What a crash leaves is unchanged: a claimed row is `queued` with attempts > 0 and is resent
   * with its Message-ID (see ./send.ts).
   */
  claim(job: Job): Promise<boolean> {
    if (this.failure) return Promise.resolve(false);
    return new Promise((resolve, reject) => {
      this.claims.push({ job, resolve, reject });
      if (this.claims.length === 1) setImmediate(() => this.writeClaims());
    });
  }

  private writeClaims(): void {
    const claims = this.claims.splice(0);
    if (this.failure) return claims.forEach((c) => c.resolve(false));
    const doing = 'record a message as handed to the SMTP server';
    const attempt = ({ job }: { job: Job }) => this.store.markAttempt(this.editionId, job.row.email, job.messageId);
    let ok: boolean;
    try {
      ok = this.write(doing, () => claims.forEach(attempt));
    } catch {
      // not a storage fault (a row no longer pending): claim one by one, so only that row's send fails
      for (const c of claims) {
        try {
          c.resolve(!this.failure && this.write(doing, () => attempt(c)));
        } catch (err) {
          c.reject(err);
        }
      }
      return;
    }
    claims.forEach((c) => c.resolve(ok));
  }

  /** The session was refused before the message reached the server: the row goes back to how it was. */
  unclaim(job: Job): void {
    const { status, attempts, messageId } = job.row;
    this.write('record a message as not handed over', () => this.store.undoAttempt(this.editionId, job.row.email, { status, attempts, messageId }));
  }

  /**
   * The server accepted the message: its `sent` row is written now, in its own transaction, before
   * anything else is done, so a kill -9 can only fall between the server's 250 and this write.
   */
  accepted(job: Job): void {
    this.unrecorded.push(job);
    this.write('record a message the server accepted', () => {});
  }

  /** Write the `sent` rows a failed write left waiting. */
  flush(): void {
    if (this.unrecorded.length > 0) this.write('record messages the server accepted', () => {});
  }

  /** A failed attempt: permanent (a recipient-level 5xx) or left for a later run. */
  failed(row: Delivery, reason: string, permanent: boolean): void {
    this.write('record a failed message', () => this.store.markFailed(this.editionId, row.email, reason, permanent));
  }

  /**
   * The server refused these messages (not their addresses) in this run: one more refused run each. Returns the
   * addresses whose message was refused on `limit` runs (or more: tried again after it was given up), with how many,
   * now failed for good for this edition.
   */
  refusedRun(rows: readonly Delivery[], limit: number): { email: string; runs: number }[] {
    const givenUp: { email: string; runs: number }[] = [];
    this.write('record messages the server refused', () => {
      for (const row of rows) {
        const runs = this.store.countRefusal(this.editionId, row.email, limit);
        if (runs >= limit) givenUp.push({ email: row.email, runs });
      }
    });
    return this.failure ? [] : givenUp;
  }

  /** A message the reader's server deferred (./deferrals.ts): left for a later run, its lifetime running from the first. */
  deferred(row: Delivery, reason: string): void {
    this.write('record a deferred message', () => {
      this.store.markFailed(this.editionId, row.email, reason, false);
      // on the send's clock, as the lifetime is measured (a scheduler step's --now)
      this.store.markDeferred(this.editionId, row.email, this.clock().toISOString());
    });
  }

  /**
   * The reader's server deferred these messages in this run: those it has deferred since `cutoff` or before are given
   * up for this edition, each counted as one soft bounce against its address (never a hard one: the mailbox may empty,
   * the greylisting let go), so an address that defers edition after edition is dropped after the policy's soft
   * bounces, as one a DSN calls 4.x.x. Returns them with since when and what the count did.
   */
  expireDeferred(rows: readonly Delivery[], cutoff: Date, policy: BouncePolicy): { email: string; since: string; counted: Applied | null }[] {
    const expired: { email: string; since: string; counted: Applied | null }[] = [];
    this.write('record messages given up after deferrals', () => {
      for (const row of rows) {
        const since = this.store.expireDeferral(this.editionId, row.email, cutoff.toISOString());
        if (!since) continue;
        const subscriber = row.subscriberId === null ? null : this.store.getSubscriber(row.subscriberId);
        // one key per edition and address: given up again after --retry-given-up, it counts once
        const counted = subscriber
          ? this.store.applySignal(
              {
                kind: 'soft',
                subscriber,
                source: 'send',
                evidence: `deferred by the reader's server since ${since}, given up; last: ${row.lastError ?? 'deferred'}`,
                editionId: this.editionId,
                eventKey: `send:deferral-given-up:${this.editionId}:${row.email.toLowerCase()}`,
              },
              policy,
              this.clock(),
            )
          : null;
        expired.push({ email: row.email, since, counted });
      }
    });
    return this.failure ? [] : expired;
  }

  /** A hard failure counted against the address; true when it made the address `bounced`. */
  hardFailure(job: Job, reason: string, bounceAfter: number): boolean {
    let bounced = false;
    this.write('record a rejected address', () => {
      this.store.markFailed(this.editionId, job.row.email, reason, true);
      if (this.store.recordHardFailure(job.subscriber.id) >= bounceAfter) {
        this.store.updateSubscriber(job.subscriber.id, {
          status: 'bounced',
          why: { reason: 'smtp-rejected', source: 'send', evidence: `${bounceAfter} refusals in a row; last: ${reason}`, editionId: this.editionId },
        });
        bounced = true;
      }
    });
    return bounced;
  }

  skipped(row: Delivery, reason: string): void {
    this.write('record a skipped address', () => this.store.markSkipped(this.editionId, row.email, reason));
  }

  /**
   * The reader stopped being one (unsubscribed, bounced, removed) after the row was claimed, before its message
   * was handed over: `skipped`, terminal, so no later run sends it. Unless an earlier attempt may have reached
   * the server, the claim is undone too, so the row reads as if they had left before the send.
   */
  withdrawn(job: Job, reason: string, undoClaim: boolean): void {
    const { status, attempts, messageId } = job.row;
    this.write('record a skipped address', () => {
      if (undoClaim) this.store.undoAttempt(this.editionId, job.row.email, { status, attempts, messageId });
      this.store.markSkipped(this.editionId, job.row.email, reason);
    });
  }

  /** The edition went out (to someone): remember its items for `already-sent`. Idempotent. */
  recordItems(): void {
    if (!this.itemsRecorded) this.write('record the edition as sent', () => {}, true);
  }

  /** Messages the server accepted whose `sent` row could not be written (a re-run would resend them). */
  get unwritten(): string[] {
    return this.unrecorded.map((j) => j.row.email);
  }

  /** Messages the server accepted that are written down in the aside file, for the next run to record. */
  get setAside(): string[] {
    return this.keptAside.map((j) => j.row.email);
  }

  private writeWaiting(batch: Job[], forceItems: boolean): void {
    for (const job of batch) {
      this.store.markSent(this.editionId, job.row.email, job.messageId);
      // a success proves the address works: bouncing needs hard failures in a row
      if (job.subscriber.hardFailures > 0) this.store.resetHardFailures(job.subscriber.id);
    }
    if (!this.itemsRecorded && (batch.length > 0 || forceItems)) {
      this.store.recordSentItems(this.editionId, this.items);
      this.store.markEditionSent(this.editionId, this.clock().toISOString());
    }
  }

  private write(doing: string, fn: () => void, withItems = false): boolean {
    const batch = this.unrecorded.splice(0);
    const items = withItems && !this.itemsRecorded;
    try {
      this.store.transaction(() => {
        this.writeWaiting(batch, items);
        fn();
      });
      if (batch.length > 0 || items) this.itemsRecorded = true;
      return true;
    } catch (err) {
      this.unrecorded.unshift(...batch);
      const line = describeStorageFault(err, this.store.location ?? 'the state folder', `write the send ledger (${doing})`);
      if (!line) throw err;
      this.failure ??= `${line}; nothing more was sent`;
      this.saveAccepted();
      this.putAccepted();
      return false;
    }
  }

  /** What even the reserve could not take: written down beside the database, so the next run does not send it again. */
  private putAccepted(): void {
    if (this.unrecorded.length === 0 || !this.asideFile) return;
    const entries = this.unrecorded.map((j) => ({ editionId: this.editionId, email: j.row.email, messageId: j.messageId }));
    if (putAside(this.asideFile, entries)) this.keptAside.push(...this.unrecorded.splice(0));
  }

  /** After a failed write: use the reserved space to write down what the server accepted. */
  private saveAccepted(): void {
    if (this.unrecorded.length === 0 || !this.reserve?.release()) return;
    const batch = this.unrecorded.splice(0);
    try {
      this.store.transaction(() => this.writeWaiting(batch, false));
      this.itemsRecorded = true;
    } catch {
      this.unrecorded.unshift(...batch);
    }
  }
}
