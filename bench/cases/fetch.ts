// Fetch: 200 feeds × 50 items on 25 loopback hosts, each answering after a seeded 50–500 ms, fetched end to end
// with fetchSources (limiter, SSRF guard, cache writes, health not included). Baseline: the ideal schedule
// ceil(200 / concurrency 8) × mean latency, computed from the same latencies. Goal: within 1.5× of it.
// A second fetch with the cache of the first revalidates every feed (If-None-Match → 304), as next week's build
// does for feeds that have not changed: same goal, every feed not-modified and its cached body handed back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fetchSources, withFetchDefaults } from '../../src/fetch/index.js';
import type { FeedConfig } from '../../src/types.js';
import { serveLocalFeeds } from '../lib/local-feeds.js';
import { emit, peakRssMb, result } from '../lib/result.js';
import { timeMs } from '../lib/timing.js';

const FEEDS = 200;
const PER_FEED = 50;
const HOSTS = 25;
const GOAL = 1.5;

const local = await serveLocalFeeds({ feeds: FEEDS, perFeed: PER_FEED, hosts: HOSTS, latency: [50, 500], seed: 7 });
const stateDir = mkdtempSync(path.join(tmpdir(), 'roundup-bench-fetch-'));
try {
  const feeds: FeedConfig[] = local.urls.map((url, f) => ({ id: `f${f}`, name: `Bench feed ${f}`, url, fetchArticle: false }));
  const fetch = { ...withFetchDefaults({}), allowPrivateNetworks: true };
  let results: Awaited<ReturnType<typeof fetchSources>> = [];
  const wallMs = await timeMs(async () => {
    results = await fetchSources(feeds, { stateDir, offline: false, fetch });
  });
  const meanLatency = local.latencies.reduce((a, b) => a + b, 0) / local.latencies.length;
  const idealMs = Math.ceil(FEEDS / fetch.concurrency) * meanLatency;
  const failed = results.filter((r) => r.status !== 'ok');
  if (failed.length) process.stderr.write(`bench: fetch: ${failed.length} feeds failed, first: ${failed[0].error}\n`);

  const requestsBefore = local.requests();
  let again: Awaited<ReturnType<typeof fetchSources>> = [];
  const againMs = await timeMs(async () => {
    again = await fetchSources(feeds, { stateDir, offline: false, fetch });
  });
  const unchanged = again.filter((r) => r.status === 'not-modified' && (r.body?.length ?? 0) > 0).length;
  emit([
    result({
      name: 'fetch-200x50',
      value: wallMs / 1000,
      unit: 's',
      baseline: `ideal ceil(${FEEDS}/${fetch.concurrency}) × mean latency ${Math.round(meanLatency)} ms`,
      baselineValue: idealMs / 1000,
      goal: `ratio ≤ ${GOAL}, every feed ok`,
      ok: (ratio) => ratio !== null && ratio <= GOAL && failed.length === 0,
      extra: {
        feeds: FEEDS,
        hosts: HOSTS,
        concurrency: fetch.concurrency,
        perHost: fetch.perHost,
        ok: results.length - failed.length,
        requests: requestsBefore,
        bytes: results.reduce((n, r) => n + (r.body?.length ?? 0), 0),
      },
    }),
    result({
      name: 'fetch-200x50-revalidate',
      value: againMs / 1000,
      unit: 's',
      baseline: `ideal ceil(${FEEDS}/${fetch.concurrency}) × mean latency ${Math.round(meanLatency)} ms`,
      baselineValue: idealMs / 1000,
      goal: `ratio ≤ ${GOAL}, every feed not-modified from cache`,
      ok: (ratio) => ratio !== null && ratio <= GOAL && unchanged === FEEDS,
      extra: { notModified: unchanged, answered304: local.notModified(), requests: local.requests() - requestsBefore, peakRssMb: peakRssMb() },
    }),
  ]);
} finally {
  await local.close();
  rmSync(stateDir, { recursive: true, force: true });
}
