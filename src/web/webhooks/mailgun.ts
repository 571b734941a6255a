// Mailgun webhooks: `signature.signature` is HMAC-SHA256 of timestamp + token with the webhook signing key
// (DIGEST_MAILGUN_SIGNING_KEY). A timestamp older than 10 minutes or a token seen before is refused (replay).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRefusal, eventTime, severityOfStatus, type ProviderEvent } from './provider-event.js';

const MAX_AGE_S = 600;

interface MailgunBody {
  signature?: { timestamp?: string; token?: string; signature?: string };
  'event-data'?: {
    id?: string;
    event?: string;
    severity?: string;
    recipient?: string;
    reason?: string;
    timestamp?: number;
    'delivery-status'?: { code?: number; message?: string; description?: string; 'enhanced-code'?: string };
    /** the message's headers as sent: `message-id` is ours, without its angle brackets */
    message?: { headers?: { 'message-id'?: string } };
  };
}

export class MailgunVerifier {
  private readonly tokens = new Map<string, number>();

  constructor(private readonly key: string, private readonly now: () => Date = () => new Date()) {}

  verify(body: unknown): void {
    const s = (body as MailgunBody | null)?.signature;
    if (!s || typeof s.timestamp !== 'string' || typeof s.token !== 'string' || typeof s.signature !== 'string') {
      throw new WebhookRefusal(401, 'Mailgun webhook without a signature');
    }
    const expected = createHmac('sha256', this.key).update(s.timestamp + s.token).digest('hex');
    const given = Buffer.from(s.signature.toLowerCase(), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected, 'utf8'))) throw new WebhookRefusal(403, 'Mailgun signature does not verify');
    const nowS = this.now().getTime() / 1000;
    if (!/^\d+$/.test(s.timestamp) || Math.abs(nowS - Number(s.timestamp)) > MAX_AGE_S) throw new WebhookRefusal(403, 'Mailgun signature timestamp is too old (or in the future)');
    for (const [t, at] of this.tokens) if (nowS - at > MAX_AGE_S) this.tokens.delete(t);
    if (this.tokens.has(s.token)) throw new WebhookRefusal(403, 'Mailgun signature token was already used');
    this.tokens.set(s.token, nowS);
  }
}

export function mailgunEvents(body: unknown): ProviderEvent[] {
  const e = (body as MailgunBody)['event-data'];
  if (!e || typeof e !== 'object') throw new WebhookRefusal(400, 'Mailgun webhook without event-data');
  if (!e.recipient || !e.event) return [];
  const key = `mailgun:${e.id ?? ''}:${e.recipient.toLowerCase()}`;
  const ds = e['delivery-status'] ?? {};
  const detail = `${ds.code ?? ''} ${ds['enhanced-code'] ?? ''} ${ds.message || ds.description || e.reason || ''}`.replace(/\s+/g, ' ').trim();
  const evidence = (what: string) => `Mailgun ${what}${detail ? `: ${detail.slice(0, 200)}` : ''}; event ${e.id}`;
  const mid = e.message?.headers?.['message-id'];
  const messageIds = typeof mid === 'string' ? [mid] : [];
  if (e.event === 'failed') {
    // a message Mailgun would not send to an address on its complaint or unsubscribe list: that is what the reader did
    if (e.severity === 'permanent' && e.reason === 'suppress-complaint') return [{ kind: 'complaint', email: e.recipient, evidence: evidence('failed/suppress-complaint'), eventKey: key, messageIds }];
    if (e.severity === 'permanent' && e.reason === 'suppress-unsubscribe') return [{ kind: 'unsubscribe', email: e.recipient, evidence: evidence('failed/suppress-unsubscribe'), eventKey: key, messageIds }];
    // Mailgun reports a temporary failure at each retry: the Message-ID ties them to one delivery, one soft bounce
    const kind = e.severity === 'permanent' ? severityOfStatus(ds['enhanced-code'] ?? ds.message, 'hard') : 'soft';
    return [{ kind, email: e.recipient, evidence: evidence(`failed/${e.severity}`), eventKey: key, messageIds, at: eventTime(e.timestamp) }];
  }
  if (e.event === 'complained') return [{ kind: 'complaint', email: e.recipient, evidence: evidence('complained'), eventKey: key, messageIds }];
  if (e.event === 'unsubscribed') return [{ kind: 'unsubscribe', email: e.recipient, evidence: evidence('unsubscribed'), eventKey: key, messageIds }];
  return [];
}
