// The feed-source layer the build uses: every feed's bytes, from HTTP (with cache) or from disk.
import { readFile, stat } from 'node:fs/promises';
import { oneLine } from '../errors.js';
import type { FeedConfig, FeedCopy, FetchConfig, SourceResult } from '../types.js';
import { readCachedFeed, writeCachedFeed, type CachedFeed } from './feed-cache.js';
import { withFetchDefaults } from './defaults.js';
import { fetchUrl } from './fetch-url.js';
import { formatBytes, hidePasswords } from './format.js';
import { createLimiter, type Limiter } from './limiter.js';
import type { FetchResponse, FetchTuning } from './types.js';

export interface SourceContext {
  stateDir: string;
  offline: boolean;
  /** FetchConfig; tests may add FetchTuning knobs */
  fetch: FetchConfig & FetchTuning;
  now?: Date;
  onProgress?: (feedId: string, r: SourceResult) => void;
}

/**
 * Fetch every feed (url: over HTTP with cache; path: read the file), respecting concurrency
 * (fetch.concurrency, default 8) and per-host limit (fetch.perHost, default 2).
 * Never throws; results in the same order as feeds.
 */
export function fetchSources(feeds: FeedConfig[], ctx: SourceContext): Promise<SourceResult[]> {
  const config = withFetchDefaults(ctx.fetch ?? {});
  const limiter = createLimiter(config.concurrency, config.perHost);
  const one = async (feed: FeedConfig): Promise<SourceResult> => {
    const started = Date.now();
    let result: SourceResult;
    try {
      result = await fetchSource(feed, { ...ctx, fetch: config }, limiter);
    } catch (err) {
      result = { status: 'error', error: oneLine(err), ms: Date.now() - started };
    }
    try {
      ctx.onProgress?.(feed.id, result);
    } catch {
      // a progress printer must not turn a fetched feed into a failed one
    }
    return result;
  };
  return Promise.all(feeds.map(one));
}

function fetchSource(feed: FeedConfig, ctx: SourceContext, limiter: Limiter): Promise<SourceResult> {
  if (feed.path) return readPathFeed(feed.path, ctx.fetch.maxBytes);
  if (!feed.url) return Promise.resolve({ status: 'error', error: 'feed has neither url nor path', ms: 0 });
  if (ctx.offline) return readOffline(feed.id, feed.url, ctx.stateDir);
  const url = feed.url;
  return limiter.run(hostKey(url), () => fetchWithCache(feed.id, url, ctx));
}

async function readPathFeed(file: string, maxBytes: number): Promise<SourceResult> {
  const started = Date.now();
  try {
    // the same size cap as a download; and only a regular file, which ends (a device such as /dev/zero never does)
    const info = await stat(file);
    if (info.isDirectory()) return { status: 'error', error: `not a file: ${file}`, ms: Date.now() - started };
    if (!info.isFile()) return { status: 'error', error: `not a regular file: ${file}`, ms: Date.now() - started };
    if (info.size > maxBytes) return { status: 'error', error: `file over ${formatBytes(maxBytes)} (fetch.maxSize): ${file}`, ms: Date.now() - started };
    const body = await readFile(file);
    return { status: 'ok', body, contentType: null, ms: Date.now() - started };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const error =
      code === 'ENOENT'
        ? `file not found: ${file}`
        : code === 'EISDIR'
          ? `not a file: ${file}`
          : code === 'EACCES'
            ? `permission denied: ${file}`
            : `cannot read ${file}: ${oneLine(err)}`;
    return { status: 'error', error, ms: Date.now() - started };
  }
}

async function readOffline(feedId: string, url: string, stateDir: string): Promise<SourceResult> {
  const started = Date.now();
  const cached = await readCachedFeed(stateDir, feedId, url);
  if (!cached) return { status: 'error', error: 'offline: no cached copy', ms: Date.now() - started };
  return {
    status: 'ok',
    body: cached.body,
    contentType: cached.contentType,
    finalUrl: cached.finalUrl,
    ms: Date.now() - started,
  };
}

async function fetchWithCache(feedId: string, url: string, ctx: SourceContext): Promise<SourceResult> {
  const cached = await readCachedFeed(ctx.stateDir, feedId, url);
  const res = await fetchUrl(url, { ...ctx.fetch, etag: cached?.etag, lastModified: cached?.lastModified });
  const downgrade = downgradedTo(url, res.redirects);
  // an https feed moved to plain http is not an address to write in the config (it is said as a downgrade instead)
  const moved = downgrade === undefined ? permanentlyMovedTo(res.redirects) : undefined;
  const movedTo = moved === undefined ? undefined : hidePasswords(moved);
  const base = {
    finalUrl: res.finalUrl,
    httpStatus: res.httpStatus ?? undefined,
    ms: res.ms,
    ...(movedTo ? { movedTo } : {}),
    ...(downgrade ? { downgradedTo: hidePasswords(downgrade) } : {}),
  };

  // A failed fetch (or a fresh body that turns out not to be a feed) leaves the build the last good copy to read.
  const lastCopy = cached ? { lastCopy: cached } : {};
  if (res.status === 'error') return { ...base, status: 'error', error: res.error ?? 'request failed', ...lastCopy };
  if (res.status === 'not-modified') {
    if (!cached) return { ...base, status: 'error', error: 'HTTP 304 but there is no cached copy' };
    // A 304 may carry fresh validators (RFC 9111 §4.3.4); keep them for the next run.
    const etag = res.etag ?? cached.etag;
    const lastModified = res.lastModified ?? cached.lastModified;
    if (etag !== cached.etag || lastModified !== cached.lastModified) {
      await saveQuietly(ctx.stateDir, feedId, { ...cached, etag, lastModified });
    }
    return { ...base, status: 'not-modified', body: cached.body, contentType: cached.contentType };
  }
  await saveQuietly(ctx.stateDir, feedId, {
    url,
    finalUrl: res.finalUrl,
    contentType: res.contentType,
    etag: res.etag,
    lastModified: res.lastModified,
    fetchedAt: (ctx.now ?? new Date()).toISOString(),
    body: res.body,
  });
  return { ...base, status: 'ok', body: res.body, contentType: res.contentType, ...lastCopy };
}

/**
 * Puts a feed's last good copy back in the cache, in place of a fresh body that did not read as a feed: the next
 * build (and --offline) reads the copy, and a conditional GET with its validators gets the full answer again.
 */
export async function restoreLastCopy(stateDir: string, feedId: string, copy: FeedCopy): Promise<void> {
  await saveQuietly(stateDir, feedId, copy);
}

async function saveQuietly(stateDir: string, feedId: string, feed: CachedFeed): Promise<void> {
  try {
    await writeCachedFeed(stateDir, feedId, feed);
  } catch {
    // An unwritable cache costs us the next conditional GET, not this run's items.
  }
}

/**
 * Where the feed now lives by its server's word: the end of the permanent redirects (301, 308) the chain starts with.
 * A temporary hop (302, 307) after them moves nothing further; one before them means the config's URL still stands.
 */
export function permanentlyMovedTo(redirects: FetchResponse['redirects']): string | undefined {
  let moved: string | undefined;
  for (const hop of redirects) {
    if (hop.status !== 301 && hop.status !== 308) break;
    moved = hop.location;
  }
  return moved;
}

/**
 * The plain-http address an https feed's redirects led to, if one did: from there on the feed, and what its items say,
 * came unencrypted, open to anyone on the path to change. Followed, as browsers and most readers do (refusing would
 * lose a feed whose site dropped https), but said: Feedbag and KOReader refuse such a redirect outright.
 */
export function downgradedTo(url: string, redirects: FetchResponse['redirects']): string | undefined {
  if (!/^https:/i.test(url)) return undefined;
  return redirects.find((hop) => /^http:/i.test(hop.location))?.location;
}

/** Politeness is per host name; an unparseable URL gets its own bucket and fails inside fetchUrl. */
function hostKey(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}
