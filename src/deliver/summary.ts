// What one send did, as the CLI reports it: counted from the steps' results, never read by them.
import { lifetimeText } from './deferrals.js';
import { DEFAULT_DEFERRAL_LIFETIME_MS } from '../types.js';
import type { Plan } from './plan.js';
import type { FailureNote, Recorded } from './record.js';

export type { FailureNote } from './record.js';

export interface SendSummary {
  editionId: string;
  dryRun: boolean;
  /** rows in the ledger for this edition (the frozen recipient list) */
  recipients: number;
  /** sent by this run */
  sent: number;
  /** already sent or skipped by an earlier run */
  alreadyDone: number;
  /** `queued` rows from an interrupted run, resent with their original Message-ID */
  resentAfterCrash: number;
  /** skipped by this run, by reason */
  skipped: Record<string, number>;
  /** failed in this run (after retries) */
  failed: FailureNote[];
  /** addresses that became `bounced` in this run */
  bounced: string[];
  /** retryable mail left undelivered (a re-run will try again); > 0 means the run failed */
  undelivered: number;
  /** nobody to send to: the edition was not recorded and stays due (the run failed) */
  noRecipients: boolean;
  /** accepted by the server, but the ledger could not record it (a re-run would send these again) */
  unrecorded: string[];
  /** accepted by the server, not in the ledger but written down beside it: the next run records them, never resends */
  setAside: string[];
  /** messages given up earlier put back for this run (--retry-given-up) */
  retried: number;
  /** set when the run stopped before the end, with the reason */
  stoppedEarly: string | null;
  outbox?: string;
}

/** Why a failed message is not tried again for its edition, as the send's and the tick's lines say it; null: it is tried again. */
export function givenUpNote(f: FailureNote): string | null {
  const stays = 'not tried again for this edition; the address stays subscribed';
  if (f.deferredSince) return `deferred by the reader's server since ${f.deferredSince}, over ${lifetimeText(f.lifetimeMs ?? DEFAULT_DEFERRAL_LIFETIME_MS)}; not tried again for this edition; ${f.softBounce ?? 'the address stays subscribed'}`;
  if (f.refusedRuns) return `refused on ${f.refusedRuns} runs; ${stays}`;
  return null;
}

export function emptySummary(editionId: string, dryRun: boolean, outbox?: string): SendSummary {
  return {
    editionId,
    dryRun,
    recipients: 0,
    sent: 0,
    alreadyDone: 0,
    resentAfterCrash: 0,
    skipped: {},
    failed: [],
    bounced: [],
    undelivered: 0,
    noRecipients: false,
    unrecorded: [],
    setAside: [],
    retried: 0,
    stoppedEarly: null,
    outbox,
  };
}

export class Tally {
  readonly summary: SendSummary;

  constructor(editionId: string, dryRun: boolean, plan: Plan, outbox?: string) {
    this.summary = { ...emptySummary(editionId, dryRun, outbox), recipients: plan.total, alreadyDone: plan.done };
  }

  skipped(reason: string): void {
    this.summary.skipped[reason] = (this.summary.skipped[reason] ?? 0) + 1;
  }

  /** a row the run did not get to (it stopped) or could not prepare */
  undelivered(): void {
    this.summary.undelivered++;
  }

  resent(): void {
    this.summary.resentAfterCrash++;
  }

  written(): void {
    this.summary.sent++;
  }

  /** a failure of this run given up for the edition: its message was refused on `runs` runs */
  givenUp(email: string, runs: number): void {
    this.giveUp(email, { refusedRuns: runs });
  }

  /** a failure of this run given up for the edition: the reader's server has deferred it since `since`, past the lifetime */
  expired(email: string, since: string, lifetimeMs: number, softBounce: string): void {
    this.giveUp(email, { deferredSince: since, lifetimeMs, softBounce });
  }

  private giveUp(email: string, why: Pick<FailureNote, 'refusedRuns'> | Pick<FailureNote, 'deferredSince' | 'lifetimeMs' | 'softBounce'>): void {
    const note = this.summary.failed.find((f) => f.email === email && !f.permanent);
    if (!note) return;
    Object.assign(note, why, { permanent: true });
    this.summary.undelivered--;
  }

  add(r: Recorded): void {
    if (r.kind === 'sent') this.summary.sent++;
    else if (r.kind === 'not-sent') this.summary.undelivered++;
    else if (r.kind === 'skipped') this.skipped(r.reason);
    else {
      this.summary.failed.push(r.note);
      if (!r.note.permanent) this.summary.undelivered++;
      if (r.bounced) this.summary.bounced.push(r.note.email);
    }
  }
}
