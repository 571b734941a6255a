// Subscriptions nobody confirmed do not stay on the list: a pending row older than the confirm window
// is removed (its confirm link then says the link does not work), so a flood of forged sign-ups fades.
// A row that was unsubscribed or bounced before someone typed its address into the form goes back to that
// status instead: removing it would lose the record that keeps `subscribers add` and imports from
// re-activating the address without its owner's say.
import { SubscriberEvents } from '../store/events.js';
import type { SqliteStore } from '../store/sqlite.js';

export const PENDING_MAX_AGE_MS = 7 * 24 * 3600_000;

/** the reason recorded when such a row goes back to its former status */
export const NOT_CONFIRMED = 'not-confirmed';

type PendingStore = Pick<SqliteStore, 'listSubscribers' | 'removeSubscriber' | 'updateSubscriber' | 'sql'>;

/** Remove (or return to their former status) pending subscribers last touched before `now - maxAgeMs`; returns how many. */
export function expirePending(store: PendingStore, now = new Date(), maxAgeMs = PENDING_MAX_AGE_MS): number {
  const cutoff = now.getTime() - maxAgeMs;
  const stale = store.listSubscribers({ status: 'pending' }).filter((s) => Date.parse(s.updatedAt) < cutoff);
  if (stale.length === 0) return 0;
  const last = new SubscriberEvents(store).lastChanges();
  let expired = 0;
  for (const s of stale) {
    const before = last.get(s.id)?.fromStatus;
    if (before === 'unsubscribed' || before === 'bounced') {
      store.updateSubscriber(s.id, { status: before, why: { reason: NOT_CONFIRMED, source: 'web' } });
      expired++;
    } else if (store.removeSubscriber(s.email)) {
      expired++;
    }
  }
  return expired;
}

/** Expire now and then every hour while `serve` runs; returns a stop function. */
export function sweepPending(store: PendingStore, log: (line: string) => void = () => {}): () => void {
  const run = () => {
    const n = expirePending(store);
    if (n > 0) log(`expired ${n} unconfirmed subscription(s) older than 7 days`);
  };
  run();
  const timer = setInterval(run, 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
