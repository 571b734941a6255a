// `digest feeds check`, `feeds discover`, `feeds add` and `digest init`: one fetch per feed, its health, the feeds a
// page advertises, and the feed an address leads to.
import type { DatedAhead, DigestConfig, FeedCopy, FetchConfig } from '../types.js';
import { downgradedTo, fetchSources, fetchUrl, permanentlyMovedTo, readCachedFeedUrl, recordHealth, restoreLastCopy, withFetchDefaults } from '../fetch/index.js';
import { findAdvertisedFeeds, itemIdentities, itemIdentity, parseFeedBody } from '../parse/index.js';
import { AHEAD_TOLERANCE_MS } from './normalize.js';
import { UserError } from '../errors.js';
import { DateTime } from 'luxon';
import { editionWindow, inWindow } from '../select/window.js';

export interface FeedCheck {
  id: string;
  name: string;
  status: 'ok' | 'not-modified' | 'error';
  httpStatus: number | null;
  items: number;
  /** ISO date of the newest item, if any is dated */
  newest: string | null;
  lastSuccess: string | null;
  consecutiveFailures: number;
  error: string | null;
  /** read only after its XML was repaired, of these faults (still `ok`); empty when it needed none */
  repaired: string[];
  /** items that gave the guid of a different article, identified by their links instead */
  sharedGuids: number;
  /** items that shared their link (and guid, if any) with a differently titled article, told apart by title */
  sharedLinks: number;
  /** the feed's URL redirects permanently to this address (301, 308): the config should name it; absent when not */
  movedTo?: string;
  /** the feed's https URL redirected to this plain-http address, where it was read unencrypted; absent when not */
  downgradedTo?: string;
  /** items dated more than an hour ahead of now, which build shows as of when first seen; absent when none */
  datedAhead?: DatedAhead[];
  /**
   * A failing feed's last good copy (the feed cache), which `digest build` reads in its place: when it was fetched,
   * its items, and how many of them fall in the edition's window now. Absent when the feed is ok or has no copy that reads.
   */
  lastCopy?: { fetchedAt: string; items: number; inWindow: number };
  ms: number;
}

export async function checkFeeds(config: DigestConfig, now: Date = new Date()): Promise<FeedCheck[]> {
  const sources = await fetchSources(config.feeds, { stateDir: config.state, offline: false, fetch: config.fetch, now });
  const checks = await Promise.all(
    config.feeds.map(async (feed, i) => {
      const src = sources[i];
      let error = src.status === 'error' ? (src.error ?? 'fetch failed') : null;
      let items = 0;
      let newest: string | null = null;
      let repaired: string[] = [];
      let sharedGuids = 0;
      let sharedLinks = 0;
      let datedAhead: DatedAhead[] = [];
      if (!error && src.body) {
        const parsed = await parseFeedBody(src.body, { contentType: src.contentType, baseUrl: src.finalUrl ?? feed.url ?? null });
        if (parsed.ok) {
          items = parsed.feed.items.length;
          // a date ahead of now is no item's date yet (build shows it as of when first seen): not the newest
          const ahead = now.getTime() + AHEAD_TOLERANCE_MS;
          const dated = parsed.feed.items.filter((it): it is typeof it & { published: string } => !!it.published);
          newest = dated.map((it) => it.published).filter((d) => Date.parse(d) <= ahead).sort().at(-1) ?? null;
          datedAhead = dated.filter((it) => Date.parse(it.published) > ahead).map((it) => ({ guid: itemIdentity(it), date: it.published }));
          repaired = parsed.feed.repaired ?? [];
          ({ shared: sharedGuids, sharedLinks } = itemIdentities(parsed.feed.items));
        } else {
          error = parsed.error;
          // the answer that is not a feed must not take the last good copy's place, which the next build reads
          if (src.lastCopy) await restoreLastCopy(config.state, feed.id, src.lastCopy);
        }
      }
      const lastCopy = error && src.lastCopy ? await copyItems(src.lastCopy, feed.url ?? null, config, now) : null;
      return { feed, src, error, items, newest, repaired, sharedGuids, sharedLinks, datedAhead, lastCopy };
    }),
  );
  // A feed that answers but is not a feed is as sick as one that does not answer.
  const results = checks.map((c) => (c.error && c.src.status !== 'error' ? { ...c.src, status: 'error' as const, error: c.error } : c.src));
  const health = await recordHealth(config.state, config.feeds, results, now);
  return checks.map(({ feed, src, error, items, newest, repaired, sharedGuids, sharedLinks, datedAhead, lastCopy }) => {
    const h = health.feeds[feed.id];
    return {
      id: feed.id,
      name: feed.name,
      status: error ? 'error' : src.status,
      httpStatus: src.httpStatus ?? null,
      items,
      newest: newest ? newest.slice(0, 10) : null,
      lastSuccess: h?.lastSuccess ? h.lastSuccess.slice(0, 16).replace('T', ' ') : null,
      consecutiveFailures: h?.consecutiveFailures ?? 0,
      error,
      repaired,
      sharedGuids,
      sharedLinks,
      ...(src.movedTo ? { movedTo: src.movedTo } : {}),
      ...(src.downgradedTo ? { downgradedTo: src.downgradedTo } : {}),
      ...(datedAhead.length > 0 ? { datedAhead } : {}),
      ...(lastCopy ? { lastCopy } : {}),
      ms: src.ms,
    };
  });
}

/**
 * What a build now would read from a failing feed's last good copy: its items, and those in the edition's window
 * (an undated item by when the copy was fetched: the build places it by when it was first seen, no later). Null when
 * the copy does not read either, as the build then has none (src/pipeline/read-feed.ts).
 */
async function copyItems(copy: FeedCopy, url: string | null, config: DigestConfig, now: Date): Promise<FeedCheck['lastCopy'] | null> {
  const parsed = await parseFeedBody(copy.body, { contentType: copy.contentType, baseUrl: copy.finalUrl ?? url });
  if (!parsed.ok) return null;
  const window = editionWindow(DateTime.fromJSDate(now), config.window, config.timezone);
  const fresh = parsed.feed.items.filter((it) => inWindow(it.published ?? copy.fetchedAt, window)).length;
  return { fetchedAt: copy.fetchedAt, items: parsed.feed.items.length, inWindow: fresh };
}

export async function discoverFeeds(url: string, fetch?: FetchConfig): Promise<string[]> {
  const res = await fetchUrl(url, withFetchDefaults(fetch ?? {}));
  if (res.status === 'error') throw new UserError(`${url}: ${res.error}`, 1);
  const parsed = await parseFeedBody(res.body, { contentType: res.contentType, baseUrl: res.finalUrl });
  if (parsed.ok) return [res.finalUrl]; // the URL is itself a feed
  return findAdvertisedFeeds(res.body.toString('utf8'), res.finalUrl);
}

/** What an address gives as a feed: the feed (read once), or why none, and whether the address answered at all. */
export type FoundFeed =
  | { ok: true; url: string; finalUrl: string; name: string; items: number; others: string[] }
  | { ok: false; error: string; unreachable: boolean };

/**
 * The feed `url` leads to: itself when it is one, else the first feed its page advertises that reads as one (the
 * rest in `others`), as `digest feeds discover` finds them and `digest feeds check` reads them. The address to write
 * is where a permanent redirect (301, 308) leads, as `feeds check` advises. `unreachable`: no HTTP answer came (no
 * network, a name that does not resolve, a timeout); an address refused by the SSRF guard did not fail by chance.
 */
export async function findFeed(url: string, fetch?: Partial<FetchConfig>): Promise<FoundFeed> {
  const opts = withFetchDefaults(fetch ?? {});
  const read = async (address: string) => {
    const res = await fetchUrl(address, opts);
    if (res.status === 'error') {
      const error = res.error ?? 'request failed';
      return { res, parsed: null, error, unreachable: res.httpStatus === null && !error.startsWith('blocked') };
    }
    const parsed = await parseFeedBody(res.body, { contentType: res.contentType, baseUrl: res.finalUrl });
    return { res, parsed, error: parsed.ok ? null : parsed.error, unreachable: false };
  };
  const feedOf = (r: Awaited<ReturnType<typeof read>>, address: string, others: string[]): FoundFeed | null =>
    r.parsed?.ok ? { ok: true, url: (downgradedTo(address, r.res.redirects) ? undefined : permanentlyMovedTo(r.res.redirects)) ?? address, finalUrl: r.res.finalUrl, name: feedName(r.parsed.feed.title, address), items: r.parsed.feed.items.length, others } : null;

  const page = await read(url);
  if (!page.parsed) return { ok: false, error: page.error!, unreachable: page.unreachable };
  const itself = feedOf(page, url, []);
  if (itself) return itself;
  const advertised = findAdvertisedFeeds(page.res.body.toString('utf8'), page.res.finalUrl);
  if (advertised.length === 0) {
    const error = page.error === 'not a feed (HTML page)' ? 'a web page that advertises none: no <link rel="alternate"> to RSS, Atom or JSON Feed' : (page.error ?? 'not a feed');
    return { ok: false, error, unreachable: false };
  }
  const failed: string[] = [];
  for (const [i, candidate] of advertised.entries()) {
    const r = await read(candidate);
    const found = feedOf(r, candidate, advertised.slice(i + 1));
    if (found) return found;
    failed.push(`${candidate}: ${r.error}`);
  }
  return { ok: false, error: `the page advertises no feed that reads (${failed.join('; ')})`, unreachable: false };
}

/** A config name for a feed: its own title on one line, or its host when it has none. */
function feedName(title: string | null, url: string): string {
  const line = (title ?? '').replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line || new URL(url).hostname;
}

/** Where each feed of the config led when last fetched (its cached copy's address after redirects), by feed id. */
export async function lastFetchedUrls(config: DigestConfig): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const f of config.feeds) {
    const at = f.url ? await readCachedFeedUrl(config.state, f.id, f.url) : null;
    if (at) found.set(f.id, at);
  }
  return found;
}

/** `; build reads its last good copy, from 2026-11-23 07:00 UTC (1 day old): 3 items, 2 in the window` */
export function lastCopyText(copy: NonNullable<FeedCheck['lastCopy']>, now: Date, windowSpec: string): string {
  const at = new Date(copy.fetchedAt);
  const when = Number.isNaN(at.getTime()) ? copy.fetchedAt : `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const items = `${copy.items} item${copy.items === 1 ? '' : 's'}`;
  const fresh = copy.inWindow === 0 ? `none in the window (${windowSpec})` : copy.inWindow === copy.items ? 'all in the window' : `${copy.inWindow} in the window`;
  return `; build reads its last good copy, from ${when} (${age(now.getTime() - at.getTime())} old): ${items}, ${fresh}`;
}

function age(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'}`;
}
