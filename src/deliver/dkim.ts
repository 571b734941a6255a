// DKIM signatures (RFC 6376, rsa-sha256, relaxed/relaxed), made here rather than by the SMTP library so that
// the headers a receiver trusts are *oversigned*: each is listed in h= once more than it occurs, which signs
// its absence too (RFC 6376 §8.15), so nobody on the way can add a second From, Subject or
// List-Unsubscribe to a signed copy. RFC 8058 §3.1: List-Unsubscribe and List-Unsubscribe-Post are signed.
import { createHash, createPrivateKey, createSign, type KeyObject } from 'node:crypto';

/** Signed once per occurrence (when present). */
const SIGNED = ['to', 'date', 'message-id', 'mime-version', 'content-type', 'list-id', 'reply-to'];
/** Signed once per occurrence plus once more: a copy of the message cannot gain another one. */
const OVERSIGNED = ['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post'];

export interface DkimKey {
  domain: string;
  selector: string;
  privateKey: KeyObject;
}

export function dkimKey(domain: string, selector: string, pem: string): DkimKey {
  return { domain, selector, privateKey: createPrivateKey(pem) };
}

interface HeaderField {
  name: string;
  /** the whole field as written, folding included, without the final CRLF */
  raw: string;
}

function splitMessage(message: string): { headers: HeaderField[]; body: string } {
  const end = message.indexOf('\r\n\r\n');
  const head = end < 0 ? message : message.slice(0, end);
  const body = end < 0 ? '' : message.slice(end + 4);
  const headers = head
    .split(/\r\n(?![ \t])/)
    .filter((f) => f.includes(':'))
    .map((raw) => ({ name: raw.slice(0, raw.indexOf(':')).trim().toLowerCase(), raw }));
  return { headers, body };
}

/** Relaxed header canonicalisation (§3.4.2). */
function relaxedHeader(field: HeaderField): string {
  const value = field.raw
    .slice(field.raw.indexOf(':') + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${field.name}:${value}`;
}

/** Relaxed body canonicalisation (§3.4.4). */
function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.length ? lines.join('\r\n') + '\r\n' : '';
}

/** The message with a DKIM-Signature field in front. */
export function signDkim(raw: Buffer, key: DkimKey, now: Date = new Date()): Buffer {
  // Messages are 7-bit (quoted-printable/base64 bodies, encoded-word headers); latin1 keeps any byte as is.
  const message = raw.toString('latin1');
  const { headers, body } = splitMessage(message);
  const bodyHash = createHash('sha256').update(relaxedBody(body), 'latin1').digest('base64');

  // h=: each name once per occurrence, the oversigned ones once more; instances are taken bottom-up (§5.4.2)
  const names: string[] = [];
  for (const name of [...OVERSIGNED, ...SIGNED]) {
    const count = headers.filter((h) => h.name === name).length;
    const times = OVERSIGNED.includes(name) ? count + 1 : count;
    for (let k = 0; k < times; k++) names.push(name);
  }
  const used = new Set<HeaderField>();
  let data = '';
  for (const name of names) {
    const field = [...headers].reverse().find((h) => h.name === name && !used.has(h));
    if (!field) continue; // an oversigned name past its last instance signs "no such field"
    used.add(field);
    data += relaxedHeader(field) + '\r\n';
  }
  const hList = foldList(names, 'h=');
  const head =
    `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${key.domain}; s=${key.selector};\r\n` +
    ` t=${Math.floor(now.getTime() / 1000)};\r\n ${hList};\r\n bh=${bodyHash};\r\n b=`;
  // the signature covers this very field, folded as sent, with b= empty (§3.5)
  data += relaxedHeader({ name: 'dkim-signature', raw: head });
  const signature = createSign('RSA-SHA256').update(data, 'latin1').sign(key.privateKey, 'base64');
  const folded = signature.match(/.{1,72}/g)!.join('\r\n ');
  return Buffer.concat([Buffer.from(`${head}${folded}\r\n`, 'latin1'), raw]);
}

/** `tag=a:b:c`, folded after a colon before a line passes 76 characters (FWS is allowed there). */
function foldList(names: string[], tag: string): string {
  let out = tag;
  let line = tag.length + 1;
  names.forEach((name, i) => {
    const piece = i === 0 ? name : `:${name}`;
    if (line + piece.length > 76) {
      out += ':\r\n ' + name;
      line = 1 + name.length;
    } else {
      out += piece;
      line += piece.length;
    }
  });
  return out;
}
