// An "unsubscribe" mailed to the plain bounce address that nothing vouches for (./sender-trust.ts): anyone can put
// a reader's address in From, so the reader is not dropped but mailed a signed link that unsubscribes them (the
// one-click page of `digest serve`), as list managers ask to confirm a leave request by mail. At most one such
// mail a day per reader however many requests come, so forged requests cannot flood anyone either. Only active
// readers are mailed: not strangers, not anyone unsubscribed or bounced, not a pending address (someone may have
// typed it into the subscribe form; it gets nothing until it confirms, and lapses in 7 days if it does not).
import { recordEvent, SubscriberEvents } from '../store/events.js';
import type { SqliteStore } from '../store/sqlite.js';
import type { Subscriber } from '../store/types.js';

/** The history reason of a link sent (no status change). */
export const LINK_SENT = 'unsubscribe-link-sent';
const ONCE_PER_MS = 86_400_000;

/** Mails a reader the link, or says why it cannot be sent (no SMTP, no public address for the link). */
export type LinkSender = { send(s: Subscriber): Promise<void> } | { unavailable: string };

export interface LeaveRequest {
  subscriber: Subscriber;
  /** the notification's own id: the same request is answered once */
  eventKey: string;
  /** what the request was */
  evidence: string;
  /** why the sender is not trusted */
  why: string;
  link: LinkSender;
  now: Date;
  dryRun?: boolean;
}

/** handled: answered (a link sent, or none needed); left: stays in the mailbox, `passing` when a later run may do it. */
export type LeaveAnswer = { outcome: 'handled' | 'left'; passing?: boolean; line: string };

export async function offerLeaveLink(store: SqliteStore, r: LeaveRequest): Promise<LeaveAnswer> {
  const events = new SubscriberEvents(store);
  const what = `an unsubscribe (${r.evidence}) that nothing vouches for (${r.why})`;
  if (events.seen(r.eventKey)) return { outcome: 'handled', line: `${what}: already answered` };
  const cur = store.getSubscriber(r.subscriber.id) ?? r.subscriber;
  const note = (reason: string) =>
    recordEvent(store.sql, { subscriberId: cur.id, emailKey: cur.email.toLowerCase(), at: r.now.toISOString(), from: cur.status, to: null, why: { reason, source: 'mailbox', evidence: `${r.evidence}; ${r.why}`, eventKey: r.eventKey } });
  if (cur.status !== 'active') {
    if (!r.dryRun) note('ignored-unsubscribe');
    const now = cur.status === 'pending' ? 'has not confirmed the subscription: nothing is mailed to it' : `is already ${cur.status}`;
    return { outcome: 'handled', line: `${what}: ${cur.email} ${now}` };
  }
  const sentAt = events.latestSince(cur.id, LINK_SENT, new Date(r.now.getTime() - ONCE_PER_MS).toISOString());
  if (sentAt) {
    if (!r.dryRun) note('unsubscribe-link-not-resent');
    return { outcome: 'handled', line: `${what}: a link to confirm went to ${cur.email} at ${sentAt}; not sent again within a day` };
  }
  if ('unavailable' in r.link) return { outcome: 'left', passing: true, line: `${what}, and no link to confirm can be sent to ${cur.email}: ${r.link.unavailable}` };
  if (r.dryRun) return { outcome: 'handled', line: `${what}: would send ${cur.email} a link to confirm` };
  await r.link.send(cur);
  note(LINK_SENT);
  return { outcome: 'handled', line: `${what}: not applied; sent ${cur.email} a link to confirm` };
}
