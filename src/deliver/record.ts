// Step 5 of a send, record: write what happened to one message into the ledger, and say what the
// run's summary should count. Only a recipient-level refusal counts against the address. (An accepted
// message's `sent` row, and the `skipped` row of a reader who left while it waited, are already written, by transmit.)
import { deferredByReader } from './deferrals.js';
import type { Ledger } from './ledger.js';
import type { Job } from './personalise.js';
import type { Transmitted } from './transmit.js';

export interface FailureNote {
  email: string;
  reason: string;
  permanent: boolean;
  /** the server refused the message (not the address) on this many runs: given up for this edition (./refusals.ts) */
  refusedRuns?: number;
  /** the reader's server deferred the message since then (ISO), longer than the lifetime: given up for this edition (./deferrals.ts) */
  deferredSince?: string;
  /** with deferredSince: the lifetime it was deferred past (`delivery.deferralLifetime`) */
  lifetimeMs?: number;
  /** with deferredSince: what counting it as a soft bounce did to the address (./deferrals.ts) */
  softBounce?: string;
}

export type Recorded =
  | { kind: 'sent' }
  | { kind: 'failed'; note: FailureNote; bounced: boolean }
  | { kind: 'not-sent' }
  | { kind: 'skipped'; reason: string };

export function record(ledger: Ledger, job: Job, result: Transmitted, bounceAfter: number): Recorded {
  const email = job.row.email;
  switch (result.kind) {
    case 'accepted':
      return { kind: 'sent' };
    case 'rejected': {
      const bounced = ledger.hardFailure(job, result.failure.reason, bounceAfter);
      return { kind: 'failed', note: { email, reason: result.failure.reason, permanent: true }, bounced };
    }
    case 'failed':
      if (deferredByReader(result.failure)) ledger.deferred(job.row, result.failure.reason);
      else ledger.failed(job.row, result.failure.reason, false);
      return { kind: 'failed', note: { email, reason: result.failure.reason, permanent: false }, bounced: false };
    case 'not-sent':
      return { kind: 'not-sent' };
    case 'skipped':
      // the `skipped` row is already written, by transmit
      return { kind: 'skipped', reason: result.reason };
  }
}
