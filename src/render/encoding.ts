// How a body part goes on the wire, decided in one place: the renderer fits the edition to the size this
// gives, and the composer sends exactly this. Each part takes the smaller of quoted-printable (mostly-ASCII
// text: English, German) and base64 (Cyrillic, Arabic, CJK: QP triples every byte, base64 adds a third).
// Lines break at CRLF; QP lines are soft-wrapped and base64 wrapped at 76 columns (RFC 2045).
import { encode as qpEncode, wrap as qpWrap } from 'libqp';

export type BodyEncoding = 'quoted-printable' | 'base64';

export interface EncodedBody {
  encoding: BodyEncoding;
  /** 7-bit, CRLF line breaks, no trailing CRLF */
  data: string;
}

const LINE = 76;

/** The body's lines, without their line breaks (LF or CRLF). */
export function bodyLines(body: string): string[] {
  return body.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

// "From " where a soft line break could put it at the start of a line on the wire: mbox delivery rewrites such a
// line as ">From " (the reader sees the ">", a DKIM body hash no longer matches), so its F is sent as =46 (RFC 2049 §4).
// An F that is the second digit of an escape (=AF) is left alone.
const FROM = /(?<!=)(?<!=[0-9A-F])From /g;

/** One line quoted-printable encoded and soft-wrapped; no line on the wire begins with "From ". */
export function qpLine(line: string): string {
  return qpWrap(qpEncode(line).replace(FROM, '=46rom '), LINE);
}

/** Bytes of the base64 form of `bytes` bytes of content, wrapped at 76 columns with CRLF. */
export function base64Size(bytes: number): number {
  const chars = Math.ceil(bytes / 3) * 4;
  return chars + 2 * Math.max(0, Math.ceil(chars / LINE) - 1);
}

/** Base64 of text whose lines are already joined with CRLF, wrapped at 76 columns. */
function base64Text(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  const out: string[] = [];
  for (let i = 0; i < b64.length; i += LINE) out.push(b64.slice(i, i + LINE));
  return out.join('\r\n');
}

/** The content size (UTF-8, CRLF line breaks) of these lines. */
export function contentBytes(lines: string[]): number {
  let n = 2 * Math.max(0, lines.length - 1);
  for (const line of lines) n += Buffer.byteLength(line, 'utf8');
  return n;
}

/**
 * Pick the smaller encoding given the quoted-printable form already made (so callers can memoise QP lines);
 * on a tie QP wins, as it stays readable in the raw message.
 */
export function pickEncoding(lines: string[], qpData: string): EncodedBody {
  return pickEncodingBySize(qpData, contentBytes(lines), () => lines.join('\r\n'));
}

/**
 * The same choice for a body known by its content size and, only needed when base64 wins, its text with
 * CRLF line breaks (so a caller that keeps sizes of pre-encoded pieces need not rebuild the lines).
 */
export function pickEncodingBySize(qpData: string, contentSize: number, crlfText: () => string): EncodedBody {
  if (qpData.length <= base64Size(contentSize)) return { encoding: 'quoted-printable', data: qpData };
  return { encoding: 'base64', data: base64Text(crlfText()) };
}

/** The body as it is sent. `qp` encodes one line (a memoising encoder may be passed). */
export function encodeBody(body: string, qp: (line: string) => string = qpLine): EncodedBody {
  const lines = bodyLines(body);
  return pickEncoding(lines, lines.map(qp).join('\r\n'));
}

/** Size in bytes of the body as sent: what Gmail's clipping counts for the HTML part. */
export function encodedBodySize(body: string): number {
  return encodeBody(body).data.length;
}
