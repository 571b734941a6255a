// What a bounce, complaint or unsubscribe does to a subscriber, wherever it was seen (the mailbox, a provider's
// webhook, a send that gave up a message its reader's server deferred for days): hard bounce → bounced at once; soft bounce → counted once per edition (once a day when tied to none),
// bounced after soft bounces on `count` editions within `withinMs`; complaint → unsubscribed (reason `complaint`);
// unsubscribe request → unsubscribed. Every change is recorded with its evidence (../store/events.ts), and a notification seen twice
// (same event key) counts once.
import type { DigestConfig } from '../types.js';
import { SubscriberEvents, recordEvent } from './events.js';
import type { SqliteStore } from './sqlite.js';
import type { Subscriber, SubscriberStatus } from './types.js';

export type SignalKind = 'hard' | 'soft' | 'complaint' | 'unsubscribe';

export interface Signal {
  kind: SignalKind;
  subscriber: Subscriber;
  /** mailbox, ses, postmark, mailgun, sendgrid */
  source: string;
  evidence: string;
  editionId?: string | null;
  /** the notification's own id (source-prefixed Message-ID or provider event id) */
  eventKey: string;
}

export interface BouncePolicy {
  softBounces: { count: number; withinMs: number };
}

export const DEFAULT_POLICY: BouncePolicy = { softBounces: { count: 3, withinMs: 30 * 86_400_000 } };

/** The digest's policy: its mailbox's `softBounces`, or the default when it reads no mailbox (webhooks, a send's given-up deferral). */
export function bouncePolicy(config: Pick<DigestConfig, 'mailbox'>): BouncePolicy {
  return config.mailbox ? { softBounces: config.mailbox.softBounces } : DEFAULT_POLICY;
}

export type Applied = { result: 'bounced' | 'unsubscribed' | 'counted' | 'unchanged' | 'duplicate'; note: string };

const STILL_MAILED: SubscriberStatus[] = ['active', 'pending'];

export function applySignal(store: SqliteStore, s: Signal, policy: BouncePolicy, now: Date = new Date()): Applied {
  const events = new SubscriberEvents(store);
  return store.transaction((): Applied => {
    if (events.seen(s.eventKey)) return { result: 'duplicate', note: 'already applied' };
    const cur = store.getSubscriber(s.subscriber.id) ?? s.subscriber;
    const why = { source: s.source, evidence: s.evidence, editionId: s.editionId ?? null, eventKey: s.eventKey };
    const change = (status: SubscriberStatus, reason: string, evidence = s.evidence, eventKey: string | null = s.eventKey): Applied => {
      store.updateSubscriber(cur.id, { status, why: { ...why, reason, evidence, eventKey } });
      return { result: status === 'bounced' ? 'bounced' : 'unsubscribed', note: `${cur.email}: ${cur.status} → ${status} (${reason})` };
    };
    const unchanged = (): Applied => {
      // remember the notification so it is not applied again, without a change of status
      recordEvent(store.sql, { subscriberId: cur.id, emailKey: cur.email.toLowerCase(), at: now.toISOString(), from: cur.status, to: null, why: { ...why, reason: `ignored-${s.kind}` } });
      return { result: 'unchanged', note: `${cur.email} is already ${cur.status}` };
    };
    // a bounce about a copy sent before the reader came back (a late or second report: relays retry for days) is about
    // the address as it was then; coming back (a confirmation, a re-activation) says it works now
    if ((s.kind === 'hard' || s.kind === 'soft') && s.editionId && STILL_MAILED.includes(cur.status) && events.sentBeforeComingBack(cur.id, cur.email, s.editionId)) {
      recordEvent(store.sql, { subscriberId: cur.id, emailKey: cur.email.toLowerCase(), at: now.toISOString(), from: cur.status, to: null, why: { ...why, reason: `ignored-${s.kind}` } });
      return { result: 'unchanged', note: `${cur.email}: about the copy of edition ${s.editionId}, sent before they came back: nothing to do` };
    }
    switch (s.kind) {
      case 'hard':
        return STILL_MAILED.includes(cur.status) ? change('bounced', 'hard-bounce') : unchanged();
      case 'complaint':
        return cur.status === 'unsubscribed' ? unchanged() : change('unsubscribed', 'complaint');
      case 'unsubscribe':
        return STILL_MAILED.includes(cur.status) ? change('unsubscribed', 'unsubscribe-mail') : unchanged();
      case 'soft': {
        if (!STILL_MAILED.includes(cur.status)) return unchanged();
        // one delivery is one soft bounce, however many notices its servers send about it (a failure after delay
        // warnings, a second relay's copy): else a single bad day would drop the reader
        const again = (note: string): Applied => {
          recordEvent(store.sql, { subscriberId: cur.id, emailKey: cur.email.toLowerCase(), at: now.toISOString(), from: cur.status, to: null, why: { ...why, reason: 'soft-bounce-again' } });
          return { result: 'unchanged', note: `${cur.email}: ${note}` };
        };
        if (s.editionId && events.softBounceOn(cur.id, s.editionId)) return again(`edition ${s.editionId} already counted as a soft bounce`);
        // one tied to no edition (from a webhook: a reader sent none yet, whose confirmation or welcome failed) counts
        // once a day, however many reports of its retries come
        const today = `${now.toISOString().slice(0, 10)}T00:00:00.000Z`;
        if (!s.editionId && events.softBounceUntiedSince(cur.id, today)) return again('a soft bounce tied to no edition was already counted today');
        recordEvent(store.sql, { subscriberId: cur.id, emailKey: cur.email.toLowerCase(), at: now.toISOString(), from: cur.status, to: null, why: { ...why, reason: 'soft-bounce' } });
        const { count, withinMs } = policy.softBounces;
        const n = events.softBouncesSince(cur.id, new Date(now.getTime() - withinMs).toISOString());
        const days = Math.round(withinMs / 86_400_000);
        if (n < count) return { result: 'counted', note: `${cur.email}: soft bounce ${n} of ${count} within ${days} days (one per edition)` };
        // the soft bounce above carries the event key
        return change('bounced', 'soft-bounces', `${n} soft bounces within ${days} days; last: ${s.evidence}`, null);
      }
    }
  });
}
