import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { DEFAULT_FETCH_CONFIG, fetchUrl } from '../../src/fetch/index.js';
import type { FetchOptions } from '../../src/fetch/index.js';
import { sampleFeed, startServer, type TestServer } from './test-server.js';

const FEED = sampleFeed('alpha');

/** Small timeouts and fast backoff so the suite runs in seconds. */
const base: FetchOptions = {
  ...DEFAULT_FETCH_CONFIG,
  allowPrivateNetworks: true,
  timeoutMs: 2000,
  responseTimeoutMs: 1500,
  retries: 2,
  backoffBaseMs: 20,
};

let server: TestServer;
const endless: NodeJS.Timeout[] = [];

beforeAll(async () => {
  server = await startServer({
    '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED),
    '/echo-headers': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers)),
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss>'); // …and never finishes
    },
    '/no-headers': () => {
      // accepts the request and never answers
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const timer = setInterval(() => res.write(chunk), 1);
      endless.push(timer);
      res.on('close', () => clearInterval(timer));
    },
    '/declared-huge': (_req, res) => {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write('x');
    },
    '/gzip': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' }).end(zlib.gzipSync(FEED)),
    '/br': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'br', 'content-type': 'application/rss+xml' }).end(zlib.brotliCompressSync(FEED)),
    '/deflate': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateSync(FEED)),
    '/deflate-raw': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateRawSync(FEED)),
    '/gzip-bomb': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024))),
    // a Content-Encoding that names one coding while the body has another, or none (misconfigured servers and proxies)
    '/br-plain': (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(FEED),
    '/deflate-plain': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(`\uFEFF\n${FEED}`),
    '/zstd-plain': (_req, res) => res.writeHead(200, { 'content-encoding': 'zstd' }).end(FEED),
    '/gzip-as-br': (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(zlib.gzipSync(FEED)),
    '/zstd-binary': (_req, res) => res.writeHead(200, { 'content-encoding': 'zstd' }).end(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3])),
    '/gzip-unlabelled': (_req, res) => res.writeHead(200, { 'content-type': 'application/gzip' }).end(zlib.gzipSync(FEED)),
    '/gzip-bomb-unlabelled': (_req, res) => res.writeHead(200, { 'content-type': 'application/gzip' }).end(zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024))),
    '/broken-gzip': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7])),
    '/r1': (_req, res) => res.writeHead(301, { location: '/r2' }).end(),
    '/r2': (_req, res) => res.writeHead(302, { location: `${server.origin}/feed#frag` }).end(),
    '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
    '/to-ftp': (_req, res) => res.writeHead(302, { location: 'ftp://files.example.org/feed.xml' }).end(),
    '/to-private': (_req, res) => res.writeHead(302, { location: 'http://10.0.0.5/feed' }).end(),
    '/to-loopback': (_req, res) => res.writeHead(302, { location: `http://127.0.0.2:${server.port}/feed` }).end(),
    '/to-metadata': (_req, res) => res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data' }).end(),
    '/to-localhost': (_req, res) => res.writeHead(302, { location: `http://localhost:${server.port}/feed` }).end(),
    // a Location written as raw UTF-8 bytes, as servers of sites with non-Latin slugs do (Node writes the string as latin1)
    '/to-cyrillic': (_req, res) => res.writeHead(301, { location: Buffer.from('/новини/rss', 'utf8').toString('latin1') }).end(),
    '/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED),
    '/to-missing': (_req, res) => res.writeHead(301, { location: '/nowhere' }).end(),
    '/no-location': (_req, res) => res.writeHead(302).end(),
    '/busy-then-ok': (_req, res, hit) => {
      if (hit === 1) res.writeHead(429, { 'retry-after': '1' }).end();
      else res.writeHead(200).end(FEED);
    },
    '/busy-long': (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end(),
    '/busy-hour': (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end(),
    '/busy-until': (_req, res) => res.writeHead(503, { 'retry-after': new Date(Date.now() + 3 * 3600_000).toUTCString() }).end(),
    '/removed': (_req, res) => res.writeHead(410).end('gone for good'),
    '/fail-then-ok': (_req, res, hit) => {
      if (hit === 1) res.writeHead(500).end();
      else res.writeHead(200).end(FEED);
    },
    '/always-500': (_req, res) => res.writeHead(500).end(),
    '/gone': (_req, res) => res.writeHead(404).end('not here'),
    '/drop-then-ok': (req, res, hit) => {
      if (hit === 1) {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('<rss>');
        setTimeout(() => req.socket.destroy(), 10);
      } else res.writeHead(200).end(FEED);
    },
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Mon, 03 Jun 2024 08:00:00 GMT' }).end(FEED);
    },
    // every /hop/N redirects to /hop/N+1, forever
    '/hop/*': (req, res) => {
      const n = Number(req.url!.split('/')[2]);
      res.writeHead(302, { location: `/hop/${n + 1}` }).end();
    },
  });
});

afterAll(async () => {
  endless.forEach(clearInterval);
  await server.close();
});

const text = (b: Buffer) => b.toString('utf8');

describe('fetchUrl: plain fetch and politeness headers', () => {
  it('returns the body, content type and final URL of a good feed', async () => {
    const r = await fetchUrl(`${server.origin}/feed`, base);
    expect(r.status).toBe('ok');
    expect(r.error).toBeNull();
    expect(r.httpStatus).toBe(200);
    expect(text(r.body)).toBe(FEED);
    expect(r.contentType).toBe('application/rss+xml');
    expect(r.finalUrl).toBe(`${server.origin}/feed`);
  });

  it('names Roundup and its URL in the User-Agent and offers gzip, deflate and br', async () => {
    const r = await fetchUrl(`${server.origin}/echo-headers`, base);
    const headers = JSON.parse(text(r.body));
    expect(headers['user-agent']).toMatch(/^Roundup\/.*\(\+https:\/\/github\.com\/roundup-digest\/roundup\)$/);
    expect(headers['accept-encoding']).toMatch(/gzip/);
    expect(headers['accept-encoding']).toMatch(/br/);
    expect(headers['if-none-match']).toBeUndefined();
  });

  it('sends the stored validators and reports a 304 as not-modified', async () => {
    const first = await fetchUrl(`${server.origin}/conditional`, base);
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Mon, 03 Jun 2024 08:00:00 GMT');
    const second = await fetchUrl(`${server.origin}/conditional`, { ...base, etag: first.etag, lastModified: first.lastModified });
    expect(second.status).toBe('not-modified');
    expect(second.httpStatus).toBe(304);
    const seen = server.requests.filter((q) => q.path === '/conditional').at(-1)!;
    expect(seen.headers['if-none-match']).toBe('"v1"');
    expect(seen.headers['if-modified-since']).toBe('Mon, 03 Jun 2024 08:00:00 GMT');
  });
});

describe('fetchUrl: timeouts and size cap', () => {
  it('gives up on a body that never ends in time, without retrying', async () => {
    const t0 = Date.now();
    const r = await fetchUrl(`${server.origin}/slow-body`, { ...base, timeoutMs: 300 });
    expect(r.status).toBe('error');
    expect(r.error).toBe('timeout after 0.3 s (fetch.timeout)');
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(r.attempts).toBe(1);
  });

  it('gives up when response headers do not come within the connect timeout', async () => {
    const r = await fetchUrl(`${server.origin}/no-headers`, { ...base, responseTimeoutMs: 200, timeoutMs: 3000, retries: 0 });
    expect(r.error).toBe('timeout after 0.2 s waiting for a response (fetch.connectTimeout)');
    expect(r.ms).toBeLessThan(1500);
  });

  it('stops reading an endless body at the cap', async () => {
    const r = await fetchUrl(`${server.origin}/endless`, { ...base, maxBytes: 256 * 1024 });
    expect(r.status).toBe('error');
    expect(r.error).toBe('body over 256 KB (fetch.maxSize)');
    expect(r.body.length).toBe(0);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const r = await fetchUrl(`${server.origin}/declared-huge`, { ...base, maxBytes: 10 * 1024 * 1024 });
    expect(r.error).toBe('body over 10 MB (fetch.maxSize)');
    expect(r.ms).toBeLessThan(1000);
  });

  it('unpacks a gzip file sent without Content-Encoding under the same cap', async () => {
    expect(text((await fetchUrl(`${server.origin}/gzip-unlabelled`, base)).body)).toBe(FEED);
    const r = await fetchUrl(`${server.origin}/gzip-bomb-unlabelled`, { ...base, maxBytes: 1024 * 1024 });
    expect(r.error).toBe('body over 1 MB (fetch.maxSize)');
  });

  it('caps the decompressed size too (gzip bomb)', async () => {
    const r = await fetchUrl(`${server.origin}/gzip-bomb`, { ...base, maxBytes: 1024 * 1024 });
    expect(r.error).toBe('body over 1 MB (fetch.maxSize)');
  });
});

describe('fetchUrl: content encodings', () => {
  it.each(['/gzip', '/br', '/deflate', '/deflate-raw'])('decodes %s bodies', async (path) => {
    const r = await fetchUrl(`${server.origin}${path}`, base);
    expect(r.status).toBe('ok');
    expect(text(r.body)).toBe(FEED);
  });

  it('reports a corrupt compressed body as one line', async () => {
    const r = await fetchUrl(`${server.origin}/broken-gzip`, base);
    expect(r.error).toBe('body could not be decompressed (gzip)');
  });

  it.each(['/br-plain', '/deflate-plain', '/zstd-plain', '/gzip-as-br'])('reads %s: a body whose Content-Encoding is wrong, by what its bytes are', async (path) => {
    const r = await fetchUrl(`${server.origin}${path}`, base);
    expect(r.error).toBeNull();
    expect(text(r.body).replace(/^\uFEFF\n/, '')).toBe(FEED);
  });

  it('still refuses an encoding it cannot undo when the body is not a document as it is', async () => {
    const r = await fetchUrl(`${server.origin}/zstd-binary`, base);
    expect(r.error).toBe('unsupported content encoding "zstd"');
  });
});

describe('fetchUrl: redirects', () => {
  it('follows relative and absolute redirects and reports the final URL', async () => {
    const r = await fetchUrl(`${server.origin}/r1`, base);
    expect(r.status).toBe('ok');
    expect(text(r.body)).toBe(FEED);
    expect(r.finalUrl).toBe(`${server.origin}/feed`);
  });

  it('detects a redirect loop', async () => {
    const r = await fetchUrl(`${server.origin}/loop-a`, base);
    expect(r.error).toBe(`redirect loop: ${server.origin}/loop-b redirects back to ${server.origin}/loop-a`);
    expect(r.attempts).toBe(1);
  });

  it('stops after maxRedirects hops', async () => {
    const before = server.hits('/hop/0');
    const r = await fetchUrl(`${server.origin}/hop/0`, base);
    expect(r.error).toBe('too many redirects (more than 5: fetch.maxRedirects)');
    expect(server.hits('/hop/0')).toBe(before + 1);
    expect(server.hits('/hop/5')).toBeGreaterThan(0);
    expect(server.hits('/hop/6')).toBe(0);
    const r3 = await fetchUrl(`${server.origin}/hop/100`, { ...base, maxRedirects: 3 });
    expect(r3.error).toBe('too many redirects (more than 3: fetch.maxRedirects)');
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const r = await fetchUrl(`${server.origin}/to-ftp`, base);
    expect(r.error).toBe('redirect to ftp://files.example.org/feed.xml: unsupported URL scheme "ftp" (only http and https)');
  });

  it('follows a Location whose non-ASCII path the server sent as raw UTF-8', async () => {
    const r = await fetchUrl(`${server.origin}/to-cyrillic`, base);
    expect(r.error).toBeNull();
    expect(r.finalUrl).toBe(`${server.origin}/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/rss`);
    expect(text(r.body)).toBe(FEED);
  });

  it('names the address a failure after a redirect happened at', async () => {
    const r = await fetchUrl(`${server.origin}/to-missing`, base);
    expect(r.error).toBe(`redirected to ${server.origin}/nowhere: HTTP 404`);
    expect(r.httpStatus).toBe(404);
  });

  it('reports a redirect without a Location', async () => {
    const r = await fetchUrl(`${server.origin}/no-location`, base);
    expect(r.error).toBe('HTTP 302 redirect without a Location');
  });
});

describe('fetchUrl: SSRF guard', () => {
  const guarded: FetchOptions = { ...base, allowPrivateNetworks: false };

  it('blocks a plain URL to 127.0.0.1 without connecting', async () => {
    const before = server.requests.length;
    const r = await fetchUrl(`${server.origin}/feed`, guarded);
    expect(r.status).toBe('error');
    expect(r.error).toBe('blocked: resolves to loopback address 127.0.0.1');
    expect(r.attempts).toBe(1);
    expect(server.requests.length).toBe(before);
  });

  it('blocks a host name whose DNS answer is loopback', async () => {
    const before = server.requests.length;
    const r = await fetchUrl(`http://localhost:${server.port}/feed`, guarded);
    expect(r.error).toMatch(/^blocked: resolves to loopback address (127\.0\.0\.1|::1)$/);
    expect(server.requests.length).toBe(before);
  });

  it('blocks IPv6 loopback and IPv4-mapped literals', async () => {
    expect((await fetchUrl(`http://[::1]:${server.port}/feed`, guarded)).error).toBe('blocked: resolves to loopback address ::1');
    expect((await fetchUrl(`http://[::ffff:127.0.0.1]:${server.port}/feed`, guarded)).error).toMatch(/^blocked: resolves to loopback address/);
  });

  it('allows 127.0.0.1 with allowPrivateNetworks', async () => {
    const r = await fetchUrl(`${server.origin}/feed`, { ...guarded, allowPrivateNetworks: true });
    expect(r.status).toBe('ok');
  });

  // With the guard on, only our test server is let through (allowAddresses), so each redirect hop is judged alone.
  const onlyTestServer: FetchOptions = { ...guarded, allowAddresses: ['127.0.0.1'] };

  it.each([
    ['/to-private', 'redirected to http://10.0.0.5/feed: blocked: resolves to private address 10.0.0.5'],
    ['/to-loopback', 'redirected to http://127.0.0.2:PORT/feed: blocked: resolves to loopback address 127.0.0.2'],
    ['/to-metadata', 'redirected to http://169.254.169.254/latest/meta-data: blocked: resolves to link-local address 169.254.169.254'],
  ])('checks every redirect hop, and names the hop it refused: %s', async (path, line) => {
    const r = await fetchUrl(`${server.origin}${path}`, onlyTestServer);
    expect(r.status).toBe('error');
    expect(r.error).toBe(line.replace('PORT', String(server.port)));
  });

  it('lets a redirect through when its host resolves to an allowed address', async () => {
    const r = await fetchUrl(`${server.origin}/to-localhost`, onlyTestServer);
    expect(r.status).toBe('ok');
    expect(r.finalUrl).toBe(`http://localhost:${server.port}/feed`);
  });

  it('rejects a bad allowAddresses entry with a clear line', async () => {
    const r = await fetchUrl(`${server.origin}/feed`, { ...guarded, allowAddresses: ['intranet'] });
    expect(r.error).toBe('allowed address "intranet" is not an IP address or CIDR range');
  });
});

describe('fetchUrl: retries', () => {
  it('honours Retry-After on 429, then succeeds', async () => {
    const t0 = Date.now();
    const r = await fetchUrl(`${server.origin}/busy-then-ok`, base);
    const waited = Date.now() - t0;
    expect(r.status).toBe('ok');
    expect(r.attempts).toBe(2);
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(server.hits('/busy-then-ok')).toBe(2);
  });

  it('gives up at once when Retry-After asks for more than the cap', async () => {
    const t0 = Date.now();
    const r = await fetchUrl(`${server.origin}/busy-long`, base);
    expect(r.error).toBe('HTTP 503 (asked to retry after 120 s)');
    expect(server.hits('/busy-long')).toBe(1);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('says how long a busy server asked to wait, in seconds or an HTTP date, also when it is not retried', async () => {
    expect((await fetchUrl(`${server.origin}/busy-hour`, { ...base, retries: 0 })).error).toBe('HTTP 429 (asked to retry after 60 min)');
    expect((await fetchUrl(`${server.origin}/busy-until`, base)).error).toBe('HTTP 503 (asked to retry after 3 h)');
    expect((await fetchUrl(`${server.origin}/busy-until`, { ...base, retries: 0 })).error).toBe('HTTP 503 (asked to retry after 3 h)');
  });

  it('says what to do about a feed that is gone (410), without retrying', async () => {
    const r = await fetchUrl(`${server.origin}/removed`, base);
    expect(r.error).toBe('HTTP 410 Gone: the server says the feed was removed for good; remove it from the config or find its new address');
    expect(r.httpStatus).toBe(410);
    expect(server.hits('/removed')).toBe(1);
  });

  it('retries a 500 and succeeds', async () => {
    const r = await fetchUrl(`${server.origin}/fail-then-ok`, base);
    expect(r.status).toBe('ok');
    expect(r.attempts).toBe(2);
    expect(text(r.body)).toBe(FEED);
  });

  it('stops after the configured retries', async () => {
    const r = await fetchUrl(`${server.origin}/always-500`, { ...base, retries: 2 });
    expect(r.error).toBe('HTTP 500');
    expect(r.httpStatus).toBe(500);
    expect(server.hits('/always-500')).toBe(3);
  });

  it('does not retry a 404', async () => {
    const r = await fetchUrl(`${server.origin}/gone`, base);
    expect(r.status).toBe('error');
    expect(r.error).toBe('HTTP 404');
    expect(r.httpStatus).toBe(404);
    expect(server.hits('/gone')).toBe(1);
  });

  it('retries a connection dropped mid-body', async () => {
    const r = await fetchUrl(`${server.origin}/drop-then-ok`, base);
    expect(r.status).toBe('ok');
    expect(r.attempts).toBe(2);
  });
});

describe('fetchUrl: one clear line for bad targets', () => {
  it('rejects ftp:// URLs', async () => {
    const r = await fetchUrl('ftp://files.example.org/feed.xml', base);
    expect(r.status).toBe('error');
    expect(r.error).toBe('unsupported URL scheme "ftp" (only http and https)');
  });

  it('rejects text that is not a URL', async () => {
    expect((await fetchUrl('feeds/wire.xml', base)).error).toBe('not a valid URL: "feeds/wire.xml"');
  });

  it('reports connection refused', async () => {
    const gone = await startServer({});
    const url = `${gone.origin}/feed`;
    await gone.close();
    const r = await fetchUrl(url, { ...base, retries: 1 });
    expect(r.error).toBe('connection refused');
    expect(r.attempts).toBe(2);
  });

  it('reports a host that DNS does not know', async () => {
    const r = await fetchUrl('http://no-such-host.invalid/feed', { ...base, allowPrivateNetworks: false });
    expect(r.error).toBe('DNS: host not found');
    expect(r.attempts).toBe(1);
  });
});
