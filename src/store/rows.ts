// Rows as SQLite returns them (snake_case, 0/1 for booleans, JSON in text) and the records the store hands out.
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
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
