// The subscriber history (migration 4): every status change with when, why and the evidence, and the
// soft bounces that are counted before they change anything. Its SQL is in ./queries/subscriber-events.ts.
import type Database from 'better-sqlite3';
import { subscriberEvents as SQL } from './queries/index.js';
import type { SubscriberStatus } from './types.js';

/** Why a status changed (or a soft bounce was counted). */
export interface StatusWhy {
  /** e.g. `hard-bounce`, `soft-bounces`, `complaint`, `unsubscribe-mail`, `one-click`, `confirmed`, `smtp-rejected`, `added` */
  reason: string;
  /** who saw it: `mailbox`, `ses`, `postmark`, `mailgun`, `sendgrid`, `web`, `cli`, `send` */
  source: string;
  /** what proves it: a DSN's status and diagnostic, a provider's event id */
  evidence?: string | null;
  editionId?: string | null;
  /** the notification's own id (Message-ID, provider event id): the same one is recorded once */
  eventKey?: string | null;
}

export interface SubscriberEvent {
  id: number;
  subscriberId: number | null;
  email: string;
  at: string;
  fromStatus: SubscriberStatus | null;
  /** null for a counted soft bounce (no change) */
  toStatus: SubscriberStatus | null;
  reason: string;
  source: string;
  editionId: string | null;
  evidence: string | null;
}

interface EventRow {
  id: number;
  subscriber_id: number | null;
  email_key: string;
  at: string;
  from_status: SubscriberStatus | null;
  to_status: SubscriberStatus | null;
  reason: string;
  source: string;
  edition_id: string | null;
  evidence: string | null;
}


/** One row of history; false when its event key was recorded before (nothing written). */
export function recordEvent(
  sql: Sql,
  e: { subscriberId: number | null; emailKey: string; at: string; from: SubscriberStatus | null; to: SubscriberStatus | null; why: StatusWhy },
): boolean {
  const w = e.why;
  return (
    sql(SQL.insert).run(e.subscriberId, e.emailKey, e.at, e.from, e.to, w.reason, w.source, w.editionId ?? null, w.evidence ?? null, w.eventKey ?? null)
      .changes === 1
  );
}

/** A store's prepared-statement cache (SqliteStore.sql). */
type Sql = (query: string) => Database.Statement;

export class SubscriberEvents {
  private readonly sql: Sql;

  constructor(store: { sql: Sql }) {
    this.sql = store.sql;
  }

  /** A notification with this key was already applied. */
  seen(eventKey: string): boolean {
    return this.sql(SQL.seen).get(eventKey) !== undefined;
  }

  /** Soft bounces counted for this subscriber since `sinceIso` (inclusive) and since they last became active: one per edition. */
  softBouncesSince(subscriberId: number, sinceIso: string): number {
    return (this.sql(SQL.softBouncesSince).get(subscriberId, sinceIso, subscriberId) as { n: number }).n;
  }

  /** A soft bounce of this edition's copy to this subscriber was counted already (at any time). */
  softBounceOn(subscriberId: number, editionId: string): boolean {
    return this.sql(SQL.softBounceOn).get(subscriberId, editionId) !== undefined;
  }

  /** A soft bounce tied to no edition was counted for this subscriber at or after `sinceIso`. */
  softBounceUntiedSince(subscriberId: number, sinceIso: string): boolean {
    return this.sql(SQL.softBounceUntiedSince).get(subscriberId, sinceIso) !== undefined;
  }

  /** When this subscriber last had an event with this reason, if it was at or after `sinceIso`. */
  latestSince(subscriberId: number, reason: string, sinceIso: string): string | null {
    return (this.sql(SQL.latestSince).get(subscriberId, reason, sinceIso) as { at: string } | undefined)?.at ?? null;
  }

  /**
   * When the address (its case-insensitive key) last unsubscribed or bounced and has not come back since, even if its
   * row was removed since; else null.
   */
  leftBefore(emailKey: string): { status: 'unsubscribed' | 'bounced'; at: string } | null {
    const r = this.sql(SQL.lastLeftOrBack).get(emailKey) as { to_status: SubscriberStatus; at: string } | undefined;
    return r && r.to_status !== 'active' ? { status: r.to_status as 'unsubscribed' | 'bounced', at: r.at } : null;
  }

  history(subscriberId: number): SubscriberEvent[] {
    return (this.sql(SQL.history).all(subscriberId) as EventRow[]).map(toEvent);
  }

  /** For each subscriber with a history, the change that gave them their current status. */
  lastChanges(): Map<number, SubscriberEvent> {
    const out = new Map<number, SubscriberEvent>();
    for (const r of this.sql(SQL.lastChanges).all() as EventRow[]) if (r.subscriber_id !== null) out.set(r.subscriber_id, toEvent(r));
    return out;
  }

  /** The ledger row that sent a message with this Message-ID (angle brackets included), if any. */
  deliveryByMessageId(messageId: string): { editionId: string; subscriberId: number | null } | null {
    const r = this.sql(SQL.deliveryByMessageId).get(messageId) as { edition_id: string; subscriber_id: number | null } | undefined;
    return r ? { editionId: r.edition_id, subscriberId: r.subscriber_id } : null;
  }

  /**
   * The copy of `editionId` to this subscriber went out before they last became active (they left or were dropped, and
   * came back since): its sending time, else null.
   */
  sentBeforeComingBack(subscriberId: number, email: string, editionId: string): string | null {
    const back = (this.sql(SQL.lastActivated).get(subscriberId) as { at: string } | undefined)?.at;
    const sent = (this.sql(SQL.sentAt).get(editionId, email.toLowerCase()) as { at: string } | undefined)?.at;
    return back && sent && sent < back ? sent : null;
  }

  /** The edition whose copy was last handed over for this subscriber (`sent` in the ledger) by `byIso`, if any. */
  lastEditionSentTo(subscriberId: number, byIso: string): string | null {
    return (this.sql(SQL.lastEditionSentTo).get(subscriberId, byIso) as { edition_id: string } | undefined)?.edition_id ?? null;
  }

  /** Bounces, complaints, unsubscribes and counted soft bounces since `sinceIso`, by status and reason. */
  countsSince(sinceIso: string): { status: string; reason: string; n: number }[] {
    return this.sql(SQL.countsSince).all(sinceIso) as { status: string; reason: string; n: number }[];
  }
}

function toEvent(r: EventRow): SubscriberEvent {
  return {
    id: r.id,
    subscriberId: r.subscriber_id,
    email: r.email_key,
    at: r.at,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    reason: r.reason,
    source: r.source,
    editionId: r.edition_id,
    evidence: r.evidence,
  };
}
