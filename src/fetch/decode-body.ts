// Undo Content-Encoding (gzip, deflate, br) without letting a small bomb inflate past the size cap.
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { FetchFailure } from './fetch-error.js';
import { formatBytes } from './format.js';

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
  return out;
}

async function undo(body: Buffer, coding: string, maxBytes: number): Promise<Buffer> {
  if (body.length === 0) return body;
  const opts = { maxOutputLength: maxBytes };
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
        return await brotli(body, opts);
      default:
        throw new FetchFailure(`unsupported content encoding "${coding}"`);
    }
  } catch (err) {
    if (err instanceof FetchFailure) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new FetchFailure(`body over ${formatBytes(maxBytes)}`);
    }
    throw new FetchFailure(`body could not be decompressed (${coding})`);
  }
}

function hasZlibHeader(b: Buffer): boolean {
  return b.length >= 2 && (b[0] & 0x0f) === 8 && ((b[0] << 8) | b[1]) % 31 === 0;
}
