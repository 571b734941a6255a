// Step 1 of a send, plan: freeze the recipient list of an edition on its first run (one `queued`
// ledger row per active subscriber), and on every run pick the rows still to do.
// An edition with nobody to send to is not recorded at all, so it is not "sent" to nobody: it stays
// due until someone subscribes.
import type { Delivery, DeliveryCounts } from '../store/types.js';
import type { SendStore } from './send-store.js';

export interface Plan {
  /** rows to send in this run, in ledger order */
  pending: Delivery[];
  /** rows in the ledger: the frozen recipient list */
  total: number;
  /** rows already `sent` or `skipped` by earlier runs */
  done: number;
  /** rows `sent` by earlier runs (their edition's items must be recorded as sent) */
  sentBefore: number;
}

export type PlanResult = { plan: Plan } | { noRecipients: true };

class NothingPlanned extends Error {}

export function planSend(store: SendStore, editionId: string, builtAt: string): PlanResult {
  try {
    store.transaction(() => {
      store.recordEdition(editionId, builtAt);
      const c = store.deliveryCounts(editionId);
      if (c.queued + c.sent + c.failed + c.skipped > 0) return;
      // roll the edition back out: nobody would receive it
      if (store.planDeliveries(editionId) === 0) throw new NothingPlanned();
    });
  } catch (err) {
    if (err instanceof NothingPlanned) return { noRecipients: true };
    throw err;
  }
  const all = store.deliveries(editionId);
  return {
    plan: {
      pending: all.filter(isPending),
      total: all.length,
      done: all.filter((r) => r.status === 'sent' || r.status === 'skipped').length,
      sentBefore: all.filter((r) => r.status === 'sent').length,
    },
  };
}

/**
 * Dry run: what a real run would send now, writing nothing. `accepted`: addresses whose messages the server accepted
 * while the ledger could not record them (./accepted-aside.ts), which a real run records as sent before it plans.
 */
export function planDryRun(store: SendStore, editionId: string, accepted: ReadonlySet<string> = new Set(), withGivenUp = false): PlanResult {
  const ledger = store.deliveries(editionId);
  if (ledger.length > 0) {
    const pending = ledger.filter((r) => stillToSend(r, accepted) || (withGivenUp && isGivenUp(r)));
    return { plan: { pending, total: ledger.length, done: ledger.length - pending.length, sentBefore: 0 } };
  }
  const at = new Date(0).toISOString();
  const pending = store.listSubscribers({ status: 'active' }).map(
    (s): Delivery => ({ editionId, email: s.email, subscriberId: s.id, status: 'queued', attempts: 0, messageId: null, lastError: null, permanent: false, refusals: 0, deferredSince: null, expiredAt: null, createdAt: at, updatedAt: at }),
  );
  if (pending.length === 0) return { noRecipients: true };
  return { plan: { pending, total: pending.length, done: 0, sentBefore: 0 } };
}

/** `queued` (never tried, or handed to SMTP by a run that died) or a retryable failure. */
export function isPending(r: Delivery): boolean {
  return r.status === 'queued' || (r.status === 'failed' && !r.permanent);
}

/** Deferred by the reader's server (4xx) and still retried: within the lifetime (./deferrals.ts). */
export function isDeferred(r: Delivery): boolean {
  return r.status === 'failed' && !r.permanent && r.deferredSince !== null;
}

/** Failed for good for this edition, not for the address: refused on several runs, or deferred past the lifetime. */
export function isGivenUp(r: Delivery): boolean {
  return r.status === 'failed' && r.permanent && (r.refusals > 0 || r.expiredAt !== null);
}

/** Pending, and not among the messages accepted while the ledger could not record them (a real run records them as sent). */
export function stillToSend(r: Delivery, accepted: ReadonlySet<string>): boolean {
  return isPending(r) && !accepted.has(r.email.toLowerCase());
}

/** The ledger's counts by status, with the messages accepted but kept aside counted as the `sent` they are. */
export function countsWithAside(rows: readonly Delivery[], accepted: ReadonlySet<string>): DeliveryCounts {
  const counts: DeliveryCounts = { queued: 0, sent: 0, failed: 0, skipped: 0 };
  for (const r of rows) counts[r.status !== 'sent' && r.status !== 'skipped' && accepted.has(r.email.toLowerCase()) ? 'sent' : r.status]++;
  return counts;
}
