// Which edition a provider's event is about. Providers report one delivery many times (Mailgun a `failed` event
// per retry, SES a transient bounce per attempt, any of them a webhook again after a timeout, with a new event id),
// and a soft bounce counts once per edition (../../store/bounce-signals.ts): so each event is tied to its edition.
// 1. The Message-ID Roundup gave the copy (../../deliver/headers.ts messageIdFor), as the provider echoes it, found
//    in the send ledger with this subscriber's copy: that copy's edition.
// 2. A soft bounce naming no such Message-ID (Postmark's names only its own MessageID; SES rewrites the header): the
//    edition last sent to the subscriber by the time the provider saw the failure (its event's time, else now), the
//    one its retries are about; so a webhook posted again later still counts for that edition, not the next.
// 3. Otherwise none (no edition was sent to them by then): apply.ts counts such soft bounces once a day.
import { SubscriberEvents } from '../../store/events.js';
import type { SqliteStore } from '../../store/sqlite.js';
import type { Subscriber } from '../../store/types.js';
import type { SignalKind } from '../../store/bounce-signals.js';

export interface DeliveryOf {
  editionId: string | null;
  /** said in the evidence when the edition was inferred rather than named */
  note: string | null;
}

/** `messageIds`: what the event gives as the original's Message-ID, with or without angle brackets; `at`: when the provider saw it. */
export function deliveryOf(store: SqliteStore, subscriber: Subscriber, kind: SignalKind, messageIds: readonly string[], at: Date): DeliveryOf {
  const events = new SubscriberEvents(store);
  for (const id of messageIds) {
    const bare = id.trim().replace(/^<|>$/g, '').trim();
    if (!bare || bare.length > 998) continue;
    const row = events.deliveryByMessageId(`<${bare}>`);
    // another reader's copy is not this event's: its edition says nothing about this address
    if (row && row.subscriberId === subscriber.id) return { editionId: row.editionId, note: null };
  }
  if (kind !== 'soft') return { editionId: null, note: null };
  // no allowance for a provider's clock behind ours: that could only take a bounce for the edition before, which
  // counts less (a reader dropped later), while an allowance would let a late report of one edition count for the next
  const last = events.lastEditionSentTo(subscriber.id, at.toISOString());
  return last ? { editionId: last, note: `edition ${last} taken as the one last sent to this address (no Message-ID Roundup sent in the event)` } : { editionId: null, note: null };
}
