// Mailing-list headers (RFC 2919 List-Id, RFC 2369/8058 one-click unsubscribe) and the
// deterministic Message-ID that ties every copy of one (edition, address) together.
import { createHmac } from 'node:crypto';
import type { Sender } from '../text/sender.js';
import { slug } from '../text/slug.js';

// parseSender lives below the stages (config checks the sender too); re-exported here for deliver/send.ts
export { parseSender, type Sender } from '../text/sender.js';

/**
 * The same (edition, address) always gets the same Message-ID, so a copy resent after a crash is
 * recognisably the same message (mailbox providers and clients collapse identical Message-IDs).
 * Hashed, so the address does not show in it; keyed with DIGEST_SECRET, because a bounce whose returned
 * original carries this Message-ID is applied to that subscriber (src/mailbox/identify.ts): anyone who knows
 * an address and an edition date could otherwise forge one and drop them.
 */
export function messageIdFor(editionId: string, emailKey: string, senderDomain: string, secret: string): string {
  const h = createHmac('sha256', secret).update(`roundup/message-id/${editionId}\0${emailKey}`).digest('hex').slice(0, 24);
  return `<digest.${editionId.replace(/[^A-Za-z0-9.-]/g, '-')}.${h}@${senderDomain}>`;
}

/** `Diplomacy Watch <diplomacy-watch.digest.example.org>` (RFC 2919). */
export function listId(title: string, baseUrl: string, senderDomain: string): string {
  let host = senderDomain;
  try {
    host = new URL(baseUrl).hostname || senderDomain;
  } catch {
    /* keep the sender's domain */
  }
  const label = slug(title, { fallback: 'digest' });
  // The phrase is optional; keep it only when it is plain atoms, because the composer would
  // RFC 2047-encode the whole value (angle brackets included) for a quote or a non-ASCII letter.
  const phrase = title.replace(/\s+/g, ' ').trim();
  return /^[A-Za-z0-9 !#$%&'*+\-/=?^_`{|}~.]+$/.test(phrase) ? `${phrase} <${label}.${host}>` : `<${label}.${host}>`;
}

export interface ListHeaderInput {
  title: string;
  baseUrl: string;
  sender: Sender;
}

/**
 * List-Id plus RFC 8058 one-click unsubscribe: both URIs in one List-Unsubscribe header. The mailto: goes
 * to `unsubscribeAddress` (the subscriber's tagged address of the mailbox `digest mail` reads) when there
 * is one, else to the sender.
 */
export function listHeaders(i: ListHeaderInput): (unsubscribeUrl: string, unsubscribeAddress?: string) => Record<string, string> {
  const id = listId(i.title, i.baseUrl, i.sender.domain);
  return (unsubscribeUrl, unsubscribeAddress) => ({
    'List-Id': id,
    'List-Unsubscribe': `<${unsubscribeUrl}>, <mailto:${unsubscribeAddress ?? i.sender.address}?subject=unsubscribe>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  });
}

/**
 * Each copy of an edition is made by a scheduled process, not written to the reader: RFC 3834 §5.1 says such mail
 * SHOULD say so, and vacation responders that honour it then stay quiet (without a bounce mailbox their replies go
 * to the sender's own inbox, one per reader away).
 */
export const AUTO_SUBMITTED = { 'Auto-Submitted': 'auto-generated' } as const;

/** `Reply-To` when the config names one (email.replyTo): replies to any mail of the digest go there, not to the sender. */
export function replyToHeader(replyTo: string | undefined): Record<string, string> {
  return replyTo ? { 'Reply-To': replyTo } : {};
}

export function unsubscribeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/u/${token}`;
}

export function preferencesUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/preferences/${token}`;
}

export function confirmUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/confirm/${token}`;
}
