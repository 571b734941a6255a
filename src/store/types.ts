// The store's interface: everything `send`, `serve` and the CLI need from persistence.
// SQLite implements it today (./sqlite.ts); a server database can implement it later.

import type { StatusWhy } from './events.js';
import type { Applied, BouncePolicy, Signal } from './bounce-signals.js';
import type { SentItemRef } from '../types.js';

export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed' | 'bounced';
export const SUBSCRIBER_STATUSES: readonly SubscriberStatus[] = ['pending', 'active', 'unsubscribed', 'bounced'];

export interface Subscriber {
  id: number;
  /** normalised address: local part as given, domain lower-case ASCII (punycode) */
  email: string;
  name: string | null;
  status: SubscriberStatus;
  /** chosen section ids; null = every section */
  sections: string[] | null;
  /** hard (5xx) failures in a row; reset by a successful send */
  hardFailures: number;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
}

export interface NewSubscriber {
  email: string;
  name?: string | null;
  status?: SubscriberStatus;
  sections?: string[] | null;
  /** recorded in the subscriber's history (default: reason `added`, source `store`) */
  why?: StatusWhy;
}

export interface SubscriberPatch {
  name?: string | null;
  status?: SubscriberStatus;
  sections?: string[] | null;
  /** why the status changes, recorded in the subscriber's history (default: reason `changed`, source `store`) */
  why?: StatusWhy;
}

/**
 * Ledger status of one (edition, address):
 * - `queued`: planned; with attempts > 0 a message was handed to SMTP and no outcome was recorded yet
 * - `sent`: the server accepted it (terminal)
 * - `failed`: last attempt failed; `permanent` says whether a later run may retry
 * - `skipped`: nothing to send (e.g. all chosen sections empty, or no longer active) (terminal)
 */
export type DeliveryStatus = 'queued' | 'sent' | 'failed' | 'skipped';

export interface Delivery {
  editionId: string;
  email: string;
  subscriberId: number | null;
  status: DeliveryStatus;
  attempts: number;
  messageId: string | null;
  lastError: string | null;
  permanent: boolean;
  /** runs on which the server refused this message for good (not the address: 5xx at DATA, a policy 5.7.x) */
  refusals: number;
  /** since when the reader's server has deferred this message (4xx at RCPT TO or DATA); null: it has not */
  deferredSince: string | null;
  /** when it was given up for that: deferred for longer than the lifetime of src/deliver/deferrals.ts */
  expiredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EditionRecord {
  id: string;
  builtAt: string | null;
  sentAt: string | null;
}

export type DeliveryCounts = Record<DeliveryStatus, number>;

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

export interface Store {
  /** this digest's id, made once when the store was created */
  digestId(): string;
  /** the last subscriber id that existed before links were signed for this digest alone (migration 9): theirs may be older */
  unscopedLinksUpTo(): number;
  // subscribers
  addSubscriber(s: NewSubscriber): Subscriber;
  getSubscriber(id: number): Subscriber | null;
  /** why the subscriber's status last changed (`confirmed`, `one-click`, `not-confirmed` …), or null */
  lastStatusReason(id: number): string | null;
  /** the status alone (null: no such subscriber), as committed now: a send asks it right before each message goes out */
  subscriberStatus(id: number): SubscriberStatus | null;
  findSubscriber(email: string): Subscriber | null;
  updateSubscriber(id: number, patch: SubscriberPatch): Subscriber;
  removeSubscriber(email: string): boolean;
  listSubscribers(filter?: { status?: SubscriberStatus }): Subscriber[];
  /** add or merge many at once, all or nothing */
  importSubscribers(rows: NewSubscriber[]): ImportResult;
  /** count one hard failure; returns the new count */
  recordHardFailure(id: number): number;
  /** a bounce, complaint or unsubscribe seen anywhere (mailbox, webhook, a send's given-up deferral): ./bounce-signals.ts */
  applySignal(s: Signal, policy: BouncePolicy, now?: Date): Applied;
  resetHardFailures(id: number): void;

  // editions
  recordEdition(id: string, builtAt: string | null): void;
  getEdition(id: string): EditionRecord | null;
  /** remember the items an edition carried; called once mail actually went out */
  recordSentItems(editionId: string, items: Iterable<SentItemRef>): void;
  markEditionSent(id: string, sentAt: string): void;
  /** items of editions that were sent, optionally ignoring one edition */
  sentItems(exceptEdition?: string): SentItemRef[];
  /** keys (`${feed}:${guid}`) of items in editions that were sent, optionally ignoring one edition */
  sentItemKeys(exceptEdition?: string): Set<string>;

  // delivery ledger
  /** freeze the recipients of an edition: one `queued` row per address not yet in the ledger (default: every active subscriber) */
  planDeliveries(editionId: string, recipients?: Subscriber[]): number;
  deliveries(editionId: string, statuses?: DeliveryStatus[]): Delivery[];
  /** written just before a message is handed to SMTP */
  markAttempt(editionId: string, email: string, messageId: string): void;
  /** undo markAttempt when the message never reached the server: the row's status, attempts and Message-ID as before */
  undoAttempt(editionId: string, email: string, before: Pick<Delivery, 'status' | 'attempts' | 'messageId'>): void;
  markSent(editionId: string, email: string, messageId: string): void;
  markFailed(editionId: string, email: string, error: string, permanent: boolean): void;
  markSkipped(editionId: string, email: string, reason: string): void;
  /** one more run refused this failed message; returns how many have, and makes it permanent once `limit` did */
  countRefusal(editionId: string, email: string, limit: number): number;
  deliveryCounts(editionId: string): DeliveryCounts;
  /** failed rows given up after the server refused their message on several runs (src/deliver/refusals.ts) */
  refusedForGood(editionId: string): { count: number; runs: number };
  /** the reader's server deferred this failed message: note since when, if not noted yet */
  markDeferred(editionId: string, email: string, at: string): void;
  /** give up this failed message if its reader's server has deferred it since `cutoff` (ISO) or before; since when, or null */
  expireDeferral(editionId: string, email: string, cutoff: string): string | null;
  /** the given-up rows of an edition (refused on several runs, deferred past the lifetime) pending again, for one more try; how many */
  reopenGivenUp(editionId: string): number;
  /** failed rows given up because the reader's server deferred them past the lifetime */
  expiredForGood(editionId: string): number;

  /** run `fn` in one transaction */
  transaction<T>(fn: () => T): T;
  close(): void;
}
