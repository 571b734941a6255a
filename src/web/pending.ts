// Subscriptions nobody confirmed do not stay on the list: a pending row older than the confirm window
// is removed (its confirm link then says the link does not work), so a flood of forged sign-ups fades.
import type { Store } from '../store/types.js';

export const PENDING_MAX_AGE_MS = 7 * 24 * 3600_000;

/** Remove pending subscribers last touched before `now - maxAgeMs`; returns how many. */
export function expirePending(store: Pick<Store, 'listSubscribers' | 'removeSubscriber'>, now = new Date(), maxAgeMs = PENDING_MAX_AGE_MS): number {
  const cutoff = now.getTime() - maxAgeMs;
  let removed = 0;
  for (const s of store.listSubscribers({ status: 'pending' })) {
    if (Date.parse(s.updatedAt) < cutoff && store.removeSubscriber(s.email)) removed++;
  }
  return removed;
}

/** Expire now and then every hour while `serve` runs; returns a stop function. */
export function sweepPending(store: Pick<Store, 'listSubscribers' | 'removeSubscriber'>, log: (line: string) => void = () => {}): () => void {
  const run = () => {
    const n = expirePending(store);
    if (n > 0) log(`removed ${n} unconfirmed subscription(s) older than 7 days`);
  };
  run();
  const timer = setInterval(run, 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
