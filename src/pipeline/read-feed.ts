// One feed's items for the edition: from what was fetched, else from the feed's last good copy. A feed that is down
// at build time (refused, timed out, HTTP 5xx or 429, a body that no longer reads as a feed) would otherwise take its
// week's news out of the edition; its copy's items go through the window, the scope and already-sent like any others
// (a copy older than the window gives nothing). The feed still counts as failed: health, notices, "5/6 feeds ok".
// A 404 or 410 reads the copy too (what the feed published before it went is still news this week), and the feed
// is said to be gone, so that someone removes it or sets its new address.
import type { DateTime } from 'luxon';
import type { FeedConfig, SourceResult } from '../types.js';
import { restoreLastCopy } from '../fetch/index.js';
import { normalizeFeed, type NormalizedFeed } from './normalize.js';
import type { FirstSeen } from './first-seen.js';
import type { ArticleContext } from './articles.js';

export interface ReadFeed extends NormalizedFeed {
  /** ISO time the copy read in place of a failed fetch was fetched; absent when the fetch gave the items */
  usedCopy?: string;
}

export async function readFeed(
  feed: FeedConfig,
  src: SourceResult,
  ctx: { firstSeen: FirstSeen; now: DateTime; articles: ArticleContext; stateDir: string },
): Promise<ReadFeed> {
  const fresh = await normalizeFeed(feed, src, ctx);
  const error = src.status === 'error' ? (src.error ?? 'fetch failed') : fresh.error;
  const copy = src.lastCopy;
  if (!error || !copy) return fresh;
  const fromCopy = await normalizeFeed(feed, { status: 'ok', body: copy.body, contentType: copy.contentType, finalUrl: copy.finalUrl, ms: 0 }, ctx);
  if (fromCopy.error) return fresh; // the copy does not read either (one an older Roundup kept): as if there were none
  // a fresh answer that is not a feed took the copy's place in the cache; the copy is still the last good one
  if (src.status !== 'error') await restoreLastCopy(ctx.stateDir, feed.id, copy);
  return { ...fromCopy, error, usedCopy: copy.fetchedAt };
}
