// Postmark bounce, spam-complaint and subscription-change webhooks. Postmark authenticates a webhook with
// HTTP basic auth written into its URL (https://user:password@…), checked here against
// DIGEST_POSTMARK_WEBHOOK_AUTH (`user:password`).
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebhookRefusal, eventTime, type ProviderEvent } from './provider-event.js';

const HARD = ['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated'];
const SOFT = ['SoftBounce', 'Transient', 'DnsError', 'Blocked', 'DMARCPolicy'];

export function checkPostmarkAuth(req: IncomingMessage, expected: string): void {
  const header = req.headers.authorization ?? '';
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!m) throw new WebhookRefusal(401, 'Postmark webhook without basic auth');
  const given = Buffer.from(m[1], 'base64').toString('utf8');
  // compare digests: equal lengths, and no early exit on the first different byte
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  if (!timingSafeEqual(a, b)) throw new WebhookRefusal(403, 'Postmark webhook with wrong credentials');
}

interface PostmarkRecord {
  RecordType?: string;
  ID?: number | string;
  Type?: string;
  Email?: string;
  Recipient?: string;
  Description?: string;
  Details?: string;
  SuppressSending?: boolean;
  SuppressionReason?: string;
  BouncedAt?: string;
  /** the bounce message itself, when the webhook is set to include it: it may quote the original's headers */
  Content?: string;
}

/** Message-IDs quoted in the bounce's content; `MessageID` is Postmark's own, so only the returned headers can name ours. */
function quotedMessageIds(content: unknown): string[] {
  if (typeof content !== 'string') return [];
  return [...content.slice(0, 200_000).matchAll(/^message-id:[ \t]*(<[^<>\s]{1,900}>)/gim)].slice(0, 10).map((m) => m[1]);
}

/** `raw`: the body as posted; Postmark's IDs are 64-bit and lose digits as JSON numbers, so they are read from it. */
export function postmarkEvents(body: unknown, raw: string): ProviderEvent[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new WebhookRefusal(400, 'expected one Postmark webhook record (a JSON object)');
  const r = body as PostmarkRecord;
  const email = r.Email ?? r.Recipient;
  if (!email) return [];
  const recordId = /"ID"\s*:\s*"?(\d+)/.exec(raw)?.[1] ?? String(r.ID ?? '');
  const id = `postmark:${r.RecordType}:${recordId}:${email.toLowerCase()}`;
  const evidence = (what: string) => `Postmark ${what}${r.Description ? `: ${r.Description.slice(0, 200)}` : ''}; ID ${recordId}`;
  if (r.RecordType === 'Bounce' && r.Type) {
    const kind = HARD.includes(r.Type) ? 'hard' : SOFT.includes(r.Type) ? 'soft' : null;
    return kind ? [{ kind, email, evidence: evidence(r.Type), eventKey: id, messageIds: quotedMessageIds(r.Content), at: eventTime(r.BouncedAt) }] : [];
  }
  if (r.RecordType === 'SpamComplaint') return [{ kind: 'complaint', email, evidence: evidence('SpamComplaint'), eventKey: id }];
  if (r.RecordType === 'SubscriptionChange' && r.SuppressSending && r.SuppressionReason === 'ManualSuppression') {
    return [{ kind: 'unsubscribe', email, evidence: `Postmark SubscriptionChange (ManualSuppression)`, eventKey: `${id}:${(r as { ChangedAt?: string }).ChangedAt ?? ''}` }];
  }
  return [];
}
