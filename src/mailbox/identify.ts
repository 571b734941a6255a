// Whose delivery a message is about, without guessing: the VERP token of the address it came back to
// (../deliver/verp.ts), else a token in the returned original (its Return-Path, its List-Unsubscribe mailto:),
// else the original's Message-ID in the send ledger. Only a plain-address "unsubscribe" goes by its From
// (acted on only when the receiving server vouches for it: ./sender-trust.ts).
import type { BounceAddresses, BounceToken } from '../deliver/verp.js';
import type { Subscriber } from '../store/types.js';
import { first, typedAddress } from './fields.js';
import type { Notice } from './parse.js';
import type { Verdict } from './classify.js';

export interface Directory {
  getSubscriber(id: number): Subscriber | null;
  findSubscriber(email: string): Subscriber | null;
  deliveryByMessageId(messageId: string): { editionId: string; subscriberId: number | null } | null;
}

export type Target = { subscriber: Subscriber; editionId: string | null; how: string } | { none: string };

export function identify(n: Notice, verdict: Verdict, bounces: BounceAddresses, dir: Directory): Target {
  if (verdict.kind === 'unsubscribe' && !verdict.tagged) {
    const s = n.from ? dir.findSubscriber(n.from) : null;
    return s ? { subscriber: s, editionId: null, how: `From ${n.from}` } : { none: `"unsubscribe" from ${n.from ?? 'no sender'}, who is not a subscriber` };
  }
  const tokens = candidates(n).map((a) => bounces.read(a)).filter((t): t is BounceToken => t !== null);
  // a notification is about a delivery; an unsubscribe request about its own address only
  const wanted = verdict.kind === 'unsubscribe' ? tokens.filter((t) => t.kind === 'unsubscribe') : tokens;
  for (const t of wanted) {
    const s = dir.getSubscriber(t.subscriberId);
    if (s) return { subscriber: s, editionId: t.kind === 'delivery' ? t.editionId : null, how: t.kind === 'delivery' ? 'bounce address' : 'unsubscribe address' };
  }
  if (verdict.kind !== 'unsubscribe') {
    const mid = n.original ? first(n.original, 'message-id') : undefined;
    const row = mid ? dir.deliveryByMessageId(mid.trim()) : null;
    const s = row?.subscriberId ? dir.getSubscriber(row.subscriberId) : null;
    if (s && row) return { subscriber: s, editionId: row.editionId, how: 'Message-ID of the returned message' };
  }
  if (tokens.length > 0) return { none: 'its bounce token names a subscriber who is no longer on the list' };
  return { none: 'no valid bounce token and no Message-ID Roundup sent: it cannot be tied to one delivery' };
}

/** Every address that may carry one of our tokens. */
function candidates(n: Notice): string[] {
  const out = [...n.deliveredTo];
  const dsn = n.deliveryStatus?.[0];
  const postfixSender = typedAddress(dsn ? first(dsn, 'x-postfix-sender') : undefined);
  if (postfixSender) out.push(postfixSender);
  const mailFrom = typedAddress(n.feedbackReport ? first(n.feedbackReport, 'original-mail-from') : undefined);
  if (mailFrom) out.push(mailFrom);
  if (n.original) {
    const rp = first(n.original, 'return-path');
    if (rp) out.push(rp);
    for (const m of (first(n.original, 'list-unsubscribe') ?? '').matchAll(/<mailto:([^?>]+)/gi)) out.push(decodedOrAsIs(m[1]));
  }
  return out;
}

/** a mailto: address as written where a "%" starts no escape (a relay cut the header short): one bad header is no reason to leave a bounce unread */
function decodedOrAsIs(address: string): string {
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}
