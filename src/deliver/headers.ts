// Mailing-list headers (RFC 2919 List-Id, RFC 2369/8058 one-click unsubscribe) and the
// deterministic Message-ID that ties every copy of one (edition, address) together.
import { createHash, createHmac } from 'node:crypto';
import { domainToASCII } from 'node:url';
import libmime from 'libmime';
import type { Sender } from '../text/sender.js';
import { slug } from '../text/slug.js';

// parseSender lives below the stages (config checks the sender too); re-exported here for deliver/send.ts
export { parseSender, type Sender } from '../text/sender.js';

/**
 * The same (digest, edition, address) always gets the same Message-ID, so a copy resent after a crash is
 * recognisably the same message (mailbox providers and clients collapse identical Message-IDs). The digest's id
 * is in it because edition ids are dates: two digests sending one reader an edition of the same day from one
 * domain would otherwise give both copies one Message-ID, and the reader's provider would drop the second.
 * Hashed, so the address does not show in it; keyed with DIGEST_SECRET, because a bounce whose returned
 * original carries this Message-ID is applied to that subscriber (src/mailbox/identify.ts): anyone who knows
 * an address and an edition date could otherwise forge one and drop them.
 */
export function messageIdFor(digestId: string, editionId: string, emailKey: string, senderDomain: string, secret: string): string {
  const h = createHmac('sha256', secret).update(`roundup/message-id/${digestId}/${editionId}\0${emailKey}`).digest('hex').slice(0, 24);
  return `<digest.${editionId.replace(/[^A-Za-z0-9.-]/g, '-')}.${h}@${senderDomain}>`;
}

/**
 * `Diplomacy Watch <diplomacy-watch.digest.example.org>` (RFC 2919). Its id must be ASCII (a dot-atom) and tell
 * this digest from the others on the host, whatever the script of its title: see listLabel.
 */
export function listId(title: string, baseUrl: string, senderDomain: string): string {
  let host = senderDomain;
  try {
    host = new URL(baseUrl).hostname || senderDomain;
  } catch {
    /* keep the sender's domain */
  }
  const label = listLabel(title);
  // The phrase names the list to people (mail clients show it). Plain atoms go as they are; anything else (a quote,
  // a letter of another script) as one RFC 2047 encoded-word phrase, already ASCII, because the composer would
  // encode the whole value, angle brackets included, and the id would be lost.
  const phrase = title.replace(/\s+/g, ' ').trim();
  const id = `<${label}.${host}>`;
  if (/^[A-Za-z0-9 !#$%&'*+\-/=?^_`{|}~.]+$/.test(phrase)) return `${phrase} ${id}`;
  return /\S/.test(phrase) ? `${libmime.encodeWord(phrase, 'Q', 52)} ${id}` : id;
}

/** a DNS label's length: the id reads like a host name, and RFC 2919 caps the whole id at 255 octets */
const MAX_LABEL = 63;

/**
 * The list label of a title: its slug when all its letters are Latin ("diplomacy-watch"); else its words as an IDN
 * A-label, the ASCII form a domain in that script takes ("Дипломатичний огляд" → "xn----7sbkbdubajqgfpkhg9c5e0h"),
 * which the slug would reduce to nothing, so that every such digest on a host had one List-Id. One longer than a
 * DNS label keeps its start and ends in a hash of the whole title, so two long titles still differ.
 */
function listLabel(title: string): string {
  const words = title.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const allLatin = words.every((w) => /^[\p{Script=Latin}\p{N}\p{M}]+$/u.test(w));
  let label = allLatin ? slug(title) : domainToASCII(words.join('-'));
  // domainToASCII answers "" for what no domain may hold; the result is a dot-atom of letters, digits and "-"
  if (!/^[a-z0-9-]+$/.test(label) || /^-|-$/.test(label)) label = allLatin ? slug(title) : '';
  if (!label) label = words.length ? `digest-${titleHash(title)}` : 'digest';
  // cut short, an A-label would no longer decode: such a title keeps only its hash
  if (label.length > MAX_LABEL) label = allLatin ? `${label.slice(0, MAX_LABEL - 9).replace(/-+$/, '')}-${titleHash(title)}` : `digest-${titleHash(title)}`;
  return label;
}

const titleHash = (title: string) => createHash('sha256').update(title.normalize('NFC')).digest('hex').slice(0, 8);

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

/** `sections`: what the link subscribes to, as signed in its token (confirmChoice); absent in links of older Roundups */
export function confirmUrl(baseUrl: string, token: string, sections?: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/confirm/${token}${sections === undefined ? '' : `?sections=${encodeURIComponent(sections).replace(/%2C/g, ',')}`}`;
}

/** The detail a confirmation link's token signs: the sections it subscribes to, ids joined by commas ("" = every section). */
export function confirmChoice(sections: string): string {
  return `sections=${sections}`;
}
