// SendGrid's signed event webhook: X-Twilio-Email-Event-Webhook-Signature is an ECDSA (P-256, SHA-256, DER,
// base64) signature of the timestamp header followed by the raw body, checked with the verification key
// SendGrid shows (DIGEST_SENDGRID_WEBHOOK_KEY: base64 DER or PEM). Older than 10 minutes is refused. Read: bounce,
// spamreport, unsubscribe and group_unsubscribe, and dropped when the reason names a suppression list.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebhookRefusal, eventTime, severityOfStatus, type ProviderEvent } from './provider-event.js';

const MAX_AGE_S = 600;

export function sendgridKey(text: string): KeyObject {
  const t = text.trim();
  return t.includes('BEGIN PUBLIC KEY') ? createPublicKey(t) : createPublicKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'spki' });
}

export function checkSendgridSignature(req: IncomingMessage, raw: Buffer, key: KeyObject, now = new Date()): void {
  const sig = req.headers['x-twilio-email-event-webhook-signature'];
  const ts = req.headers['x-twilio-email-event-webhook-timestamp'];
  if (typeof sig !== 'string' || typeof ts !== 'string') throw new WebhookRefusal(401, 'SendGrid webhook without a signature');
  let ok = false;
  try {
    ok = verify('sha256', Buffer.concat([Buffer.from(ts, 'utf8'), raw]), { key, dsaEncoding: 'der' }, Buffer.from(sig, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw new WebhookRefusal(403, 'SendGrid signature does not verify');
  if (!/^\d+$/.test(ts) || Math.abs(now.getTime() / 1000 - Number(ts)) > MAX_AGE_S) throw new WebhookRefusal(403, 'SendGrid signature timestamp is too old (or in the future)');
}

interface SendgridEvent {
  email?: string;
  event?: string;
  type?: string;
  status?: string;
  reason?: string;
  sg_event_id?: string;
  timestamp?: number;
  /** the Message-ID of the message as it was handed to SendGrid: ours */
  'smtp-id'?: string;
}

export function sendgridEvents(body: unknown): ProviderEvent[] {
  if (!Array.isArray(body)) throw new WebhookRefusal(400, 'expected a JSON array of SendGrid events');
  const out: ProviderEvent[] = [];
  for (const e of body as SendgridEvent[]) {
    if (!e || !e.email || !e.event) continue;
    const key = `sendgrid:${e.sg_event_id ?? ''}:${e.email.toLowerCase()}`;
    const evidence = (what: string) => `SendGrid ${what}${e.status ? ` ${e.status}` : ''}${e.reason ? `: ${e.reason.slice(0, 200)}` : ''}; event ${e.sg_event_id}`;
    const messageIds = typeof e['smtp-id'] === 'string' ? [e['smtp-id']] : [];
    if (e.event === 'bounce') {
      // type "blocked" is the receiving server's policy, not the address: soft (SendGrid may report it again for
      // the same message; its smtp-id ties the reports to one delivery)
      const kind = e.type === 'blocked' ? 'soft' : severityOfStatus(e.status, 'hard');
      out.push({ kind, email: e.email, evidence: evidence(`bounce/${e.type ?? 'bounce'}`), eventKey: key, messageIds, at: eventTime(e.timestamp) });
    } else if (e.event === 'spamreport') out.push({ kind: 'complaint', email: e.email, evidence: evidence('spamreport'), eventKey: key, messageIds });
    else if (e.event === 'unsubscribe' || e.event === 'group_unsubscribe') out.push({ kind: 'unsubscribe', email: e.email, evidence: evidence(e.event), eventKey: key, messageIds });
    else if (e.event === 'dropped') {
      const kind = droppedFor(e.reason);
      if (kind) out.push({ kind, email: e.email, evidence: evidence('dropped'), eventKey: key, messageIds });
    }
  }
  return out;
}

/**
 * What a message SendGrid dropped says of its address. SendGrid drops what it would send to an address on its
 * suppression lists, naming the list; the event that put the address there may never have reached us (posted before
 * the webhook was set up, or lost). A drop for the message's content or the account's quota says nothing of the
 * reader, and neither does a reason not known here.
 */
function droppedFor(reason: string | undefined): 'complaint' | 'unsubscribe' | 'hard' | null {
  const r = (reason ?? '').trim();
  if (/^spam reporting address\b/i.test(r)) return 'complaint';
  if (/^unsubscribed address\b/i.test(r)) return 'unsubscribe';
  if (/^(bounced address|invalid)\b/i.test(r)) return 'hard';
  return null;
}
