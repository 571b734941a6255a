// A fast composer for the per-subscriber copies of one edition. Same message shape as the renderer's
// composeMessage (multipart/alternative, text then HTML, UTF-8, quoted-printable), built from
// nodemailer's own encoders, but without MailComposer's stream machinery per message: that cost
// ~3 ms a message and capped sending at a fraction of bare SMTP speed (see bench.ts).
// Quoted-printable works line by line, and copies of one edition share nearly all their lines, so
// encoded lines are memoised: only the lines holding personal links are encoded per subscriber.
import { createHash } from 'node:crypto';
import MimeNode from 'nodemailer/lib/mime-node';
import { foldLines } from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import type { MessageInput } from '../render/compose.js';

/** the same input as the renderer's composeMessage */
export type ComposeInput = MessageInput;

const MAX_CACHED_LINES = 50_000;

export class EditionComposer {
  private readonly lines = new Map<string, string>();
  private readonly headerCache = new Map<string, string>();

  compose(m: ComposeInput): Buffer {
    return this.assemble(m, this.qp(m.text), this.qp(m.html));
  }

  /** Same message, with bodies already quoted-printable encoded (see BodyTemplate). */
  composeEncoded(m: Omit<ComposeInput, 'html' | 'text'>, encodedText: string, encodedHtml: string): Buffer {
    return this.assemble(m, encodedText, encodedHtml);
  }

  private assemble(m: Omit<ComposeInput, 'html' | 'text'>, encodedText: string, encodedHtml: string): Buffer {
    const boundary = `--_roundup_${createHash('sha256').update(m.messageId).digest('hex').slice(0, 24)}`;
    const head = [
      this.header('From', m.from),
      // store addresses are plain ASCII (checkEmail): no encoding, no MimeNode per message
      /^[\x21-\x7e]+@[\x21-\x7e]+$/.test(m.to) && !/[<>,;"]/.test(m.to) ? `To: ${m.to}` : this.header('To', m.to, false),
      this.header('Subject', m.subject),
      `Date: ${m.date.toUTCString().replace(/GMT$/, '+0000')}`,
      `Message-ID: ${oneLine(m.messageId)}`,
      'MIME-Version: 1.0',
      ...Object.entries(m.headers ?? {}).map(([k, v]) => this.header(k, v, !/^List-Unsubscribe$/i.test(k))),
      `Content-Type: multipart/alternative;\r\n boundary="${boundary}"`,
    ];
    const parts = [
      `${head.join('\r\n')}\r\n\r\n`,
      `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
      encodedText,
      `\r\n--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
      encodedHtml,
      `\r\n--${boundary}--\r\n`,
    ];
    return Buffer.from(parts.join(''), 'latin1'); // every part is 7-bit by now
  }

  /** `Key: value`, RFC 2047-encoded where needed and folded; values that repeat are cached. */
  private header(key: string, value: string, cache = true): string {
    const id = `${key}\0${value}`;
    const hit = cache ? this.headerCache.get(id) : undefined;
    if (hit) return hit;
    const line =
      key.toLowerCase() === 'list-unsubscribe'
        ? // a list of <URI>s: fold after the commas, never inside a URI
          `${key}: ${oneLine(value).split(/,\s*/).join(',\r\n ')}`
        : foldLines(`${key}: ${MimeNode.encodeHeaderValue(key, oneLine(value))}`, 76).replace(/\r?\n$/, '');
    if (cache) this.headerCache.set(id, line);
    return line;
  }

  qp(body: string): string {
    if (this.lines.size > MAX_CACHED_LINES) this.lines.clear();
    const out: string[] = [];
    for (const raw of body.split('\n')) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      let enc = this.lines.get(line);
      if (enc === undefined) {
        enc = qpWrap(qpEncode(line), 76);
        this.lines.set(line, enc);
      }
      out.push(enc);
    }
    return out.join('\r\n');
  }
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+\s*/g, ' ').trim();
}

/**
 * A body with placeholders where each subscriber's values go. Lines without a placeholder are
 * encoded once; per message only the few lines holding personal links are encoded. `fill` gives
 * the plain text, so callers can check it against the renderer's own output before trusting it.
 */
export class BodyTemplate {
  private readonly pieces: (string | { line: string })[] = [];
  private readonly pattern: RegExp;

  constructor(
    readonly source: string,
    placeholders: string[],
  ) {
    this.pattern = new RegExp(placeholders.map(escapeRegExp).join('|'), 'g');
    let statics: string[] = [];
    const flush = () => {
      if (statics.length > 0) this.pieces.push(statics.join('\r\n'));
      statics = [];
    };
    for (const raw of source.split('\n')) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      this.pattern.lastIndex = 0;
      if (this.pattern.test(line)) {
        flush();
        this.pieces.push({ line });
      } else {
        statics.push(qpWrap(qpEncode(line), 76));
      }
    }
    flush();
  }

  fill(values: Record<string, string>): string {
    return this.source.replace(this.pattern, (ph) => values[ph] ?? ph);
  }

  encode(values: Record<string, string>): string {
    return this.pieces
      .map((p) => (typeof p === 'string' ? p : qpWrap(qpEncode(p.line.replace(this.pattern, (ph) => values[ph] ?? ph)), 76)))
      .join('\r\n');
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
