import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_FETCH_CONFIG, fetchSources, type SourceContext } from '../../src/fetch/index.js';
import type { FeedConfig, SourceResult } from '../../src/types.js';
import { sampleFeed, startServer, type TestServer } from './test-server.js';

let server: TestServer;
let stateDir: string;
/** what /wire serves; tests change it between runs */
let wire = { status: 200, body: sampleFeed('v1'), etag: '"v1"' };

beforeAll(async () => {
  server = await startServer({
    '/wire': (req, res) => {
      if (wire.status !== 200) return res.writeHead(wire.status).end();
      if (req.headers['if-none-match'] === wire.etag) return res.writeHead(304, { etag: wire.etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: wire.etag }).end(wire.body);
    },
    '/rotating': (req, res) => {
      // answers 304 with a new ETag, as some CDNs do
      if (req.headers['if-none-match']) return res.writeHead(304, { etag: `"r${server.hits('/rotating')}"` }).end();
      res.writeHead(200, { etag: '"r1"' }).end(sampleFeed('rot'));
    },
    '/slow/*': (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(sampleFeed('slow')), 80);
    },
  });
});
afterAll(() => server.close());

beforeEach(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'roundup-fetch-'));
  wire = { status: 200, body: sampleFeed('v1'), etag: '"v1"' };
});
afterEach(() => rm(stateDir, { recursive: true, force: true }));

const ctx = (over: Partial<SourceContext> = {}): SourceContext => ({
  stateDir,
  offline: false,
  fetch: { ...DEFAULT_FETCH_CONFIG, allowPrivateNetworks: true, timeoutMs: 2000, backoffBaseMs: 10 },
  ...over,
});
const urlFeed = (id: string, url: string): FeedConfig => ({ id, name: `Feed ${id}`, url, fetchArticle: false });
const text = (r: SourceResult) => r.body?.toString('utf8');

describe('fetchSources: cache and conditional GET', () => {
  it('stores the body, then revalidates with If-None-Match and reuses the cached copy on 304', async () => {
    const feeds = [urlFeed('wire', `${server.origin}/wire`)];
    const [first] = await fetchSources(feeds, ctx());
    expect(first.status).toBe('ok');
    expect(text(first)).toBe(sampleFeed('v1'));
    expect(first.contentType).toBe('application/rss+xml; charset=utf-8');
    expect((await readdir(path.join(stateDir, 'cache'))).sort()).toEqual(['wire.body', 'wire.json']);

    const before = server.requests.length;
    const [second] = await fetchSources(feeds, ctx());
    expect(server.requests[before].headers['if-none-match']).toBe('"v1"');
    expect(second.status).toBe('not-modified');
    expect(second.httpStatus).toBe(304);
    expect(text(second)).toBe(sampleFeed('v1'));
    expect(second.contentType).toBe('application/rss+xml; charset=utf-8');
  });

  it('replaces the cache when the feed changes', async () => {
    const feeds = [urlFeed('wire', `${server.origin}/wire`)];
    await fetchSources(feeds, ctx());
    wire = { status: 200, body: sampleFeed('v2'), etag: '"v2"' };
    const [changed] = await fetchSources(feeds, ctx());
    expect(changed.status).toBe('ok');
    expect(text(changed)).toBe(sampleFeed('v2'));
    const [offline] = await fetchSources(feeds, ctx({ offline: true }));
    expect(text(offline)).toBe(sampleFeed('v2'));
  });

  it('keeps the old cache when a fetch fails', async () => {
    const feeds = [urlFeed('wire', `${server.origin}/wire`)];
    await fetchSources(feeds, ctx());
    const cachedBefore = await readFile(path.join(stateDir, 'cache', 'wire.json'), 'utf8');
    wire = { ...wire, status: 404 };
    const [failed] = await fetchSources(feeds, ctx());
    expect(failed).toMatchObject({ status: 'error', error: 'HTTP 404', httpStatus: 404 });
    expect(await readFile(path.join(stateDir, 'cache', 'wire.json'), 'utf8')).toBe(cachedBefore);
    const [offline] = await fetchSources(feeds, ctx({ offline: true }));
    expect(offline.status).toBe('ok');
    expect(text(offline)).toBe(sampleFeed('v1'));
  });

  it('does not use a cached copy made for a different URL', async () => {
    await fetchSources([urlFeed('wire', `${server.origin}/wire`)], ctx());
    const before = server.requests.length;
    const moved = [urlFeed('wire', `${server.origin}/wire?moved=1`)];
    const [r] = await fetchSources(moved, ctx());
    expect(server.requests[before].headers['if-none-match']).toBeUndefined();
    expect(r.status).toBe('ok');
  });

  it('treats a damaged cache as no cache', async () => {
    const feeds = [urlFeed('wire', `${server.origin}/wire`)];
    await fetchSources(feeds, ctx());
    await writeFile(path.join(stateDir, 'cache', 'wire.body'), 'truncated');
    const [offline] = await fetchSources(feeds, ctx({ offline: true }));
    expect(offline).toMatchObject({ status: 'error', error: 'offline: no cached copy' });
  });

  it('keeps fresh validators that arrive with a 304', async () => {
    const feeds = [urlFeed('rot', `${server.origin}/rotating`)];
    await fetchSources(feeds, ctx());
    const [second] = await fetchSources(feeds, ctx());
    expect(second.status).toBe('not-modified');
    expect(text(second)).toBe(sampleFeed('rot'));
    const before = server.requests.length;
    await fetchSources(feeds, ctx());
    expect(server.requests[before].headers['if-none-match']).toBe('"r2"');
  });

  it('keeps cache files inside the cache folder whatever the feed id', async () => {
    await fetchSources([urlFeed('../escape', `${server.origin}/wire`)], ctx());
    expect(await readdir(stateDir)).toEqual(['cache']);
    const [offline] = await fetchSources([urlFeed('../escape', `${server.origin}/wire`)], ctx({ offline: true }));
    expect(offline.status).toBe('ok');
  });

  it('leaves no temp files behind', async () => {
    await fetchSources([urlFeed('wire', `${server.origin}/wire`)], ctx());
    expect((await readdir(path.join(stateDir, 'cache'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('fetchSources: offline and path feeds', () => {
  it('never connects when offline, and says so for feeds without a cached copy', async () => {
    const before = server.requests.length;
    const results = await fetchSources(
      [urlFeed('a', `${server.origin}/wire`), urlFeed('b', `${server.origin}/slow/b`)],
      ctx({ offline: true }),
    );
    expect(server.requests.length).toBe(before);
    expect(results.map((r) => r.error)).toEqual(['offline: no cached copy', 'offline: no cached copy']);
  });

  it('reads path feeds from disk in both modes, with a clear line when the file is missing', async () => {
    const file = path.join(stateDir, 'sample.xml');
    await writeFile(file, sampleFeed('local'));
    const missing = path.join(stateDir, 'nope.xml');
    const feeds: FeedConfig[] = [
      { id: 'local', name: 'Local', path: file, fetchArticle: false },
      { id: 'missing', name: 'Missing', path: missing, fetchArticle: false },
    ];
    for (const offline of [false, true]) {
      const [ok, gone] = await fetchSources(feeds, ctx({ offline }));
      expect(ok.status).toBe('ok');
      expect(text(ok)).toBe(sampleFeed('local'));
      expect(gone).toMatchObject({ status: 'error', error: `file not found: ${missing}` });
    }
  });

  it('refuses a path feed over fetch.maxSize, and one that is not a regular file, without reading it', async () => {
    const big = path.join(stateDir, 'export.xml');
    await writeFile(big, Buffer.alloc(64 * 1024, 0x20));
    const fifo = path.join(stateDir, 'pipe.xml'); // a reader of a pipe nobody writes to waits for ever
    execFileSync('mkfifo', [fifo]);
    const feeds: FeedConfig[] = [
      { id: 'big', name: 'Big', path: big, fetchArticle: false },
      { id: 'pipe', name: 'Pipe', path: fifo, fetchArticle: false },
    ];
    const [tooBig, pipe] = await fetchSources(feeds, ctx({ fetch: { ...ctx().fetch, maxBytes: 32 * 1024 } }));
    expect(tooBig).toMatchObject({ status: 'error', error: `file over 32 KB (fetch.maxSize): ${big}` });
    expect(pipe).toMatchObject({ status: 'error', error: `not a regular file: ${fifo}` });
  });
});

describe('fetchSources: limits, order and failures', () => {
  it('never has more than perHost requests open per host, nor more than concurrency overall', async () => {
    const probe = await startServer({
      '/slow/*': (_req, res) => setTimeout(() => res.writeHead(200).end(sampleFeed('p')), 60),
    });
    try {
      const feeds = [
        ...Array.from({ length: 6 }, (_, i) => urlFeed(`a${i}`, `http://127.0.0.1:${probe.port}/slow/a${i}`)),
        ...Array.from({ length: 6 }, (_, i) => urlFeed(`b${i}`, `http://localhost:${probe.port}/slow/b${i}`)),
      ];
      const results = await fetchSources(feeds, ctx({ fetch: { ...ctx().fetch, concurrency: 3, perHost: 2 } }));
      expect(results.every((r) => r.status === 'ok')).toBe(true);
      expect(probe.requests.length).toBe(12);
      expect(probe.maxInFlight).toBe(3);
      expect(probe.maxInFlightByHost.get('127.0.0.1')).toBe(2);
      expect(probe.maxInFlightByHost.get('localhost')).toBe(2);
    } finally {
      await probe.close();
    }
  });

  it('applies the per-host limit of 2 by default even with room overall', async () => {
    const probe = await startServer({
      '/slow/*': (_req, res) => setTimeout(() => res.writeHead(200).end(sampleFeed('p')), 40),
    });
    try {
      const feeds = Array.from({ length: 6 }, (_, i) => urlFeed(`f${i}`, `${probe.origin}/slow/${i}`));
      await fetchSources(feeds, ctx());
      expect(probe.maxInFlight).toBe(2);
    } finally {
      await probe.close();
    }
  });

  it('returns results in feed order, reports progress per feed, and a failed feed does not stop the others', async () => {
    const seen: string[] = [];
    const feeds: FeedConfig[] = [
      urlFeed('slow', `${server.origin}/slow/x`),
      urlFeed('ftp', 'ftp://files.example.org/feed.xml'),
      { id: 'empty', name: 'Nothing', fetchArticle: false },
      urlFeed('fast', `${server.origin}/wire`),
    ];
    const results = await fetchSources(feeds, ctx({ onProgress: (id) => seen.push(id) }));
    expect(results.map((r) => r.status)).toEqual(['ok', 'error', 'error', 'ok']);
    expect(text(results[0])).toBe(sampleFeed('slow'));
    expect(results[1].error).toBe('unsupported URL scheme "ftp" (only http and https)');
    expect(results[2].error).toBe('feed has neither url nor path');
    expect(seen.sort()).toEqual(['empty', 'fast', 'ftp', 'slow']);
  });

  it('blocks private addresses unless allowPrivateNetworks is set', async () => {
    const before = server.requests.length;
    const [r] = await fetchSources(
      [urlFeed('wire', `${server.origin}/wire`)],
      ctx({ fetch: { ...ctx().fetch, allowPrivateNetworks: false } }),
    );
    expect(r).toMatchObject({ status: 'error', error: 'blocked: resolves to loopback address 127.0.0.1' });
    expect(server.requests.length).toBe(before);
  });
});
