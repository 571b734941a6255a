// Rows as SQLite returns them (snake_case, 0/1 for booleans, JSON in text) and the records the store hands out.
import type { Correction, CorrectionKind } from '../types.js';
import type { EditionEntry, EditionState } from './lifecycle.js';
import type { Delivery, DeliveryStatus, Subscriber, SubscriberStatus } from './types.js';

export interface SubscriberRow {
  id: number;
  email: string;
  name: string | null;
  status: SubscriberStatus;
  sections: string | null;
  hard_failures: number;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

export interface DeliveryRow {
  edition_id: string;
  email: string;
  subscriber_id: number | null;
  status: DeliveryStatus;
  attempts: number;
  message_id: string | null;
  last_error: string | null;
  permanent: number;
  refusals: number;
  deferred_since: string | null;
  expired_at: string | null;
  created_at: string;
  updated_at: string;
}

export function encodeSections(sections: string[] | null | undefined): string | null {
  return sections && sections.length > 0 ? JSON.stringify(sections) : null;
}

export function toSubscriber(r: SubscriberRow): Subscriber {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    status: r.status,
    sections: r.sections ? (JSON.parse(r.sections) as string[]) : null,
    hardFailures: r.hard_failures,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    confirmedAt: r.confirmed_at,
    unsubscribedAt: r.unsubscribed_at,
  };
}

export function toDelivery(r: DeliveryRow): Delivery {
  return {
    editionId: r.edition_id,
    email: r.email,
    subscriberId: r.subscriber_id,
    status: r.status,
    attempts: r.attempts,
    messageId: r.message_id,
    lastError: r.last_error,
    permanent: r.permanent === 1,
    refusals: r.refusals,
    deferredSince: r.deferred_since ?? null,
    expiredAt: r.expired_at ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface EditionRow {
  id: string;
  state: EditionState | null;
  built_at: string | null;
  sent_at: string | null;
  window_start: string | null;
  window_end: string | null;
  dir: string | null;
  stories: number | null;
  approved_at: string | null;
  approved_by: string | null;
  notified_at: string | null;
  closed_at: string | null;
  note: string | null;
}

export interface CorrectionRow {
  id: number;
  edition_id: string | null;
  kind: CorrectionKind;
  items: string;
  other: string | null;
  value: string | null;
  made_by: string;
  made_at: string;
}

export function toEntry(r: EditionRow): EditionEntry {
  return {
    id: r.id,
    state: r.state ?? 'draft',
    builtAt: r.built_at,
    sentAt: r.sent_at,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    dir: r.dir,
    stories: r.stories,
    approvedAt: r.approved_at,
    approvedBy: r.approved_by,
    notifiedAt: r.notified_at,
    closedAt: r.closed_at,
    note: r.note,
  };
}

export function toCorrection(r: CorrectionRow): Correction {
  return {
    id: r.id,
    kind: r.kind,
    items: JSON.parse(r.items) as string[],
    ...(r.other ? { other: JSON.parse(r.other) as string[] } : {}),
    ...(r.value !== null ? { value: r.value } : {}),
    by: r.made_by,
    at: r.made_at,
  };
}
