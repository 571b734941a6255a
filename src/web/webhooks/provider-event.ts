// What every provider webhook boils down to: events about one address each, tied to the edition they are about
// (./delivery-of.ts) and applied like the mailbox's (../../store/bounce-signals.ts). An address not on the list is ignored.
import { applySignal, type Applied, type BouncePolicy, type SignalKind, bouncePolicy } from '../../store/bounce-signals.js';
import { severityOf } from '../../deliver/status-severity.js';
import type { SqliteStore } from '../../store/sqlite.js';
import type { DigestConfig } from '../../types.js';
import { deliveryOf } from './delivery-of.js';

export interface ProviderEvent {
  kind: SignalKind;
  email: string;
  evidence: string;
  /** the provider's own event id, source-prefixed: applied once however often it is posted */
  eventKey: string;
  /** the Message-ID of the message it is about, as the provider echoes it (./delivery-of.ts): ties it to an edition */
  messageIds?: string[];
  /** when the provider saw it (its event's own time), if it says */
  at?: Date | null;
}

export interface WebhookResult {
  applied: number;
  ignored: number;
  results: (Applied | { result: 'not-a-subscriber' })[];
}

export function applyProviderEvents(store: SqliteStore, config: DigestConfig, source: string, events: ProviderEvent[], now = new Date()): WebhookResult {
  const policy: BouncePolicy = bouncePolicy(config);
  const out: WebhookResult = { applied: 0, ignored: 0, results: [] };
  for (const e of events) {
    const subscriber = store.findSubscriber(e.email);
    if (!subscriber) {
      out.ignored++;
      out.results.push({ result: 'not-a-subscriber' });
      continue;
    }
    // a time the provider gives from the future (a wrong clock) is taken as now
    const at = e.at && e.at.getTime() < now.getTime() ? e.at : now;
    const of = deliveryOf(store, subscriber, e.kind, e.messageIds ?? [], at);
    const evidence = of.note ? `${e.evidence}; ${of.note}` : e.evidence;
    const r = applySignal(store, { kind: e.kind, subscriber, source, evidence, eventKey: e.eventKey, editionId: of.editionId }, policy, now);
    if (r.result === 'duplicate' || r.result === 'unchanged') out.ignored++;
    else out.applied++;
    out.results.push(r);
  }
  return out;
}

/**
 * A provider's event time: seconds since the epoch (a number or digits), or an ISO 8601 date; null if neither. A time
 * given to the whole second (SendGrid's `timestamp`) stands for any moment of that second, so it is taken as its end:
 * a failure the provider saw in the second a copy went out (recorded to the millisecond) is about that copy, not the
 * edition before (./delivery-of.ts).
 */
export function eventTime(v: unknown): Date | null {
  const ms = typeof v === 'number' || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) ? Number(v) * 1000 : typeof v === 'string' ? Date.parse(v) : NaN;
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return new Date(wholeSecond(v) ? ms + 999 : ms);
}

/** Seconds with no fraction: an integer number or digits, or an ISO time whose seconds (or minutes) have no fraction. */
function wholeSecond(v: unknown): boolean {
  if (typeof v === 'number') return Number.isInteger(v);
  if (typeof v !== 'string') return false;
  if (/^\d+$/.test(v)) return true;
  return !/T\d{2}:\d{2}:\d{2}[.,]\d/.test(v);
}

/** A provider's refusal: 401 without credentials, 403 with wrong ones, 400 for a body that is not what it sends. */
export class WebhookRefusal extends Error {
  constructor(readonly status: 400 | 401 | 403, message: string) {
    super(message);
  }
}

/** Bounce severity of an RFC 3463 status in `text`, judged as the mailbox judges it; `fallback` without one. */
export function severityOfStatus(text: string | undefined, fallback: 'hard' | 'soft'): 'hard' | 'soft' {
  const status = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(text ?? '')?.[1] ?? null;
  return severityOf(status) ?? fallback;
}
