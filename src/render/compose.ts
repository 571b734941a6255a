// The one MIME composer: an RFC 5322 message, multipart/alternative (text first, then HTML), UTF-8, every
// body part in the encoding encoding.ts picks (the one the renderer fitted the edition to). Headers are
// RFC 2047-encoded and folded at 76 columns with libmime; quoted-printable lines come from libqp. Used for
// every message Roundup writes: each subscriber's copy, the sample .eml, confirmation mails.
//
// Copies of one edition share nearly all their lines, so a composer memoises encoded QP lines and headers:
// per subscriber only the lines holding personal links are encoded again.
import { createHash } from 'node:crypto';
import libmime from 'libmime';
import { oneLineText } from './clean.js';
import { encodeBody, qpLine, type EncodedBody } from './encoding.js';
import { displayName } from '../text/sender.js';

export interface MessageInput {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  date: Date;
  messageId: string;
  headers?: Record<string, string>;
}

export type MessageHead = Omit<MessageInput, 'html' | 'text'>;

const MAX_CACHED_LINES = 50_000;
const MAX_CACHED_HEADERS = 1_000;

export class MessageComposer {
  private readonly lines = new Map<string, string>();
  private readonly headerCache = new Map<string, string>();

  compose(m: MessageInput): Buffer {
    return this.assemble(m, this.encode(m.text), this.encode(m.html));
  }

  /** The body as sent, QP lines memoised. */
  encode(body: string): EncodedBody {
    return encodeBody(body, this.qpLine);
  }

  /** QP of one line, memoised (copies of one edition share most lines). */
  readonly qpLine = (line: string): string => {
    if (this.lines.size > MAX_CACHED_LINES) this.lines.clear();
    let enc = this.lines.get(line);
    if (enc === undefined) this.lines.set(line, (enc = qpLine(line)));
    return enc;
  };

  /** The message with its bodies already encoded (see deliver/mime.ts BodyTemplate). */
  assemble(m: MessageHead, text: EncodedBody, html: EncodedBody): Buffer {
    // Boundaries derive from the Message-ID so the same message is byte-identical every time.
    const boundary = `--_roundup_${createHash('sha256').update(m.messageId).digest('hex').slice(0, 24)}`;
    const head = [
      this.header('From', m.from),
      this.header('To', m.to, false),
      this.header('Subject', m.subject),
      `Date: ${m.date.toUTCString().replace(/GMT$/, '+0000')}`,
      `Message-ID: ${oneLineText(m.messageId, 500)}`,
      'MIME-Version: 1.0',
      ...Object.entries(m.headers ?? {}).map(([k, v]) => this.header(k, v, !/^List-Unsubscribe$/i.test(k))),
      `Content-Type: multipart/alternative;\r\n boundary="${boundary}"`,
    ];
    const part = (type: string, body: EncodedBody) =>
      `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: ${body.encoding}\r\n\r\n${body.data}\r\n`;
    const raw = `${head.join('\r\n')}\r\n\r\n${part('text/plain', text)}${part('text/html', html)}--${boundary}--\r\n`;
    return Buffer.from(raw, 'latin1'); // every part is 7-bit by now
  }

  /** `Key: value`, one line (a CR/LF would let a value add headers), RFC 2047-encoded where needed, folded. */
  private header(key: string, value: string, cache = true): string {
    const id = `${key}\0${value}`;
    const hit = cache ? this.headerCache.get(id) : undefined;
    if (hit) return hit;
    const flat = oneLineText(value, 2000);
    let line: string;
    if (/^list-unsubscribe$/i.test(key)) line = `${key}: ${flat.split(/,\s*/).join(',\r\n ')}`; // fold between <URI>s, never inside one
    else if (/^(from|to|reply-to|sender)$/i.test(key)) line = libmime.foldLines(`${key}: ${formatAddress(flat)}`, 76).replace(/\r?\n$/, '');
    else line = libmime.foldLines(`${key}: ${encodeText(flat)}`, 76).replace(/\r?\n$/, '');
    if (cache) {
      if (this.headerCache.size > MAX_CACHED_HEADERS) this.headerCache.clear();
      this.headerCache.set(id, line);
    }
    return line;
  }
}

/** Compose one message (a fresh composer: for one-off messages; sending an edition keeps one composer). */
export function composeMessage(m: MessageInput): Buffer {
  return new MessageComposer().compose(m);
}

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/** Unstructured text: as is when printable ASCII, else RFC 2047 Q-words (52 characters each, folded after). */
function encodeText(value: string): string {
  return isAscii(value) ? value : libmime.encodeWords(value, 'Q', 52);
}

/**
 * `Name <address>` or a bare address, the display name quoted or RFC 2047-encoded as it needs. The
 * address stays as configured (the config check and the store accept ASCII addresses only).
 */
export function formatAddress(value: string): string {
  const m = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(value);
  if (!m) return value.trim();
  const name = m[1].replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1').trim();
  if (!name) return `<${m[2]}>`;
  const phrase = isAscii(name) ? displayName(name) : libmime.encodeWords(name, 'Q', 52);
  return `${phrase} <${m[2]}>`;
}
