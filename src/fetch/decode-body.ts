// Undo Content-Encoding (gzip, deflate, br) without letting a small bomb inflate past the size cap; a body whose label
// lies (plain XML called br, gzip called deflate) is read by what its bytes are.
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { FetchFailure } from './fetch-error.js';
import { tooLargeLine } from './format.js';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Decodes `body` per the Content-Encoding header (codings applied in order, undone in reverse). */
export async function decodeBody(body: Buffer, contentEncoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  let out = body;
  for (const coding of codings.reverse()) out = await undo(out, coding, maxBytes);
  // A gzip file sent without the header (application/gzip, a .xml.gz): unpacked here under the cap, or the parser
  // would unpack it without one (a 200 KB download was 60 MB of XML).
  if (codings.length === 0 && out[0] === 0x1f && out[1] === 0x8b) out = await undo(out, 'gzip', maxBytes);
  return out;
}

async function undo(body: Buffer, coding: string, maxBytes: number): Promise<Buffer> {
  if (body.length === 0) return body;
  // a gzip or deflate stream cut off (a pre-compressed file half rewritten) gives what it holds, as a document sent
  // cut off uncompressed does: the parser reads it up to its last complete item, instead of the whole feed failing
  const opts = { maxOutputLength: maxBytes, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  try {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        // Some servers label plain bodies as gzip; without the gzip magic there is nothing to undo.
        return body[0] === 0x1f && body[1] === 0x8b ? await gunzip(body, opts) : body;
      case 'deflate':
        // "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
        return hasZlibHeader(body) ? await inflate(body, opts) : await inflateRaw(body, opts);
      case 'br':
        return await brotli(body, { maxOutputLength: maxBytes });
      default:
        return asLabelledWrongly(body, coding, opts, new FetchFailure(`unsupported content encoding "${coding}"`));
    }
  } catch (err) {
    if (tooLarge(err)) throw new FetchFailure(tooLargeLine(maxBytes));
    if (err instanceof FetchFailure) throw err;
    // A server (or a proxy in front of it) that names one coding and sends another, or none: what the bytes are wins.
    return asLabelledWrongly(body, coding, opts, new FetchFailure(`body could not be decompressed (${coding})`));
  }
}

/** `body`, which did not decode as `coding`: unpacked by its own magic, or as it is when it is already a document */
async function asLabelledWrongly(body: Buffer, coding: string, opts: zlib.ZlibOptions & { maxOutputLength: number }, failure: FetchFailure): Promise<Buffer> {
  try {
    if (body[0] === 0x1f && body[1] === 0x8b && coding !== 'gzip' && coding !== 'x-gzip') return await gunzip(body, opts);
    if (hasZlibHeader(body) && coding !== 'deflate') return await inflate(body, opts);
  } catch (err) {
    if (tooLarge(err)) throw new FetchFailure(tooLargeLine(opts.maxOutputLength));
    throw failure;
  }
  if (looksLikeDocument(body)) return body;
  throw failure;
}

/** XML, HTML or JSON text as it is sent uncompressed: a BOM or blanks, then "<", "{" or "[" */
function looksLikeDocument(b: Buffer): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true; // UTF-16
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && i < 1024 && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c || b[i] === 0x7b || b[i] === 0x5b;
}

function tooLarge(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError;
}

function hasZlibHeader(b: Buffer): boolean {
  return b.length >= 2 && (b[0] & 0x0f) === 8 && ((b[0] << 8) | b[1]) % 31 === 0;
}
