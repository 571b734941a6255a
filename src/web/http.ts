// Request and response helpers: bounded body reading, form/JSON parsing, safe HTML answers.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Read the body up to `limit` bytes (413 beyond), as text. */
export async function readBody(req: IncomingMessage, limit = 16 * 1024): Promise<string> {
  return (await readBytes(req, limit)).toString('utf8');
}

/**
 * How long a client may take to send a request (headers, then all of it): one that sends half a body and waits
 * holds its connection this long, not Node's default five minutes. Our forms and webhooks are a few kilobytes.
 */
export const REQUEST_TIMEOUTS = { headersTimeout: 20_000, requestTimeout: 30_000, connectionsCheckingInterval: 5_000 };

/** The body's exact bytes up to `limit` (413 beyond): what a signature covers. */
export async function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  // a declared length over the limit is refused at once, not after waiting for a body that may never come
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, `request body too large: expected at most ${Math.round(limit / 1024)} KB`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `request body too large: expected at most ${Math.round(limit / 1024)} KB`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Form fields (urlencoded, multipart or JSON) as name → all values; a body over `limit` bytes is a 413. */
export async function readForm(req: IncomingMessage, limit = 16 * 1024): Promise<Map<string, string[]>> {
  const bytes = await readBytes(req, limit);
  const body = bytes.toString('utf8');
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const fields = new Map<string, string[]>();
  const add = (k: string, v: unknown) => {
    if (v === null || v === undefined) return;
    fields.set(k, [...(fields.get(k) ?? []), String(v)]);
  };
  if (type === 'multipart/form-data') {
    // a form with enctype="multipart/form-data" is a form too: read as urlencoded it would look empty
    let data: FormData;
    try {
      data = await new Response(new Uint8Array(bytes), { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    } catch {
      throw new HttpError(400, 'body is not a valid multipart form');
    }
    for (const [k, v] of data) if (typeof v === 'string') add(k, v);
    return fields;
  }
  if (type === 'application/json') {
    let data: unknown;
    try {
      data = JSON.parse(body || '{}');
    } catch {
      throw new HttpError(400, 'body is not valid JSON');
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new HttpError(400, 'expected a JSON object');
    for (const [k, v] of Object.entries(data)) (Array.isArray(v) ? v : [v]).forEach((x) => add(k, x));
    return fields;
  }
  for (const [k, v] of new URLSearchParams(body)) add(k, v);
  return fields;
}

const policy = (imageOrigins: readonly string[] = []) =>
  `default-src 'none'; style-src 'unsafe-inline'; img-src ${["'self'", 'data:', ...imageOrigins].join(' ')}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': policy(),
  // tokens live in URLs: never leak them to other sites, never cache them
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The Content-Security-Policy of a page that shows images from these https origins as well (the web copy of an
 * edition shows the configured logo, which the pages' own policy would block); each is a URL's `origin`.
 */
export function allowImagesFrom(origins: readonly string[]): Record<string, string> {
  return { 'Content-Security-Policy': policy([...new Set(origins)]) };
}

export function sendHtml(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  send(res, status, 'text/html; charset=utf-8', html, { 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...extra });
}

export function sendJson(res: ServerResponse, status: number, data: unknown, extra: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(data), { 'Cache-Control': 'no-store', ...extra });
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string>): void {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(buf.length), ...headers });
  res.end(res.req?.method === 'HEAD' ? undefined : buf);
}

/** The most of an unread body drainedBody reads before the answer goes anyway (the proxies' limit, docs/operations.md). */
const DRAIN_LIMIT = 1024 * 1024;

/**
 * A request's body read to its end and dropped (up to DRAIN_LIMIT), for an answer given without reading it (404,
 * 405): a proxy still sending the body when the app answered and closed took it for a broken upstream, and nginx
 * answered 502 to a 760 KB webhook batch posted where no webhook is set up.
 */
export function drainedBody(req: IncomingMessage): Promise<void> {
  const hasBody = req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      req.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_LIMIT) done();
    };
    req.on('data', onData);
    req.once('end', done);
    req.once('error', done);
    req.once('close', done);
  });
}

