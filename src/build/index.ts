// One edition, end to end: fetch → parse → clean → select → cluster → theme → summarize → render.
// Each stage is a pure function of the previous stage's output; only fetch (feed cache) and the
// first-seen record for undated items touch the state folder. `build` never records what was sent.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { DigestConfig, Edition, Excluded, FeedReport, Item, Section, SourceResult, Story } from '../types.js';
import { fetchSources } from '../fetch/index.js';
import { editionWindow, selectItems, exclusion } from '../select/index.js';
import { clusterItems, representative } from '../cluster/index.js';
import { assignTheme, rankStories } from '../theme/index.js';
import { summarize } from '../summarize/index.js';
import { renderEdition, type RenderedEdition } from '../render/index.js';
import { normalizeFeed } from './normalize.js';
import { FirstSeen } from './first-seen.js';
import { readSentKeys } from './sent.js';

export interface BuildOptions {
  now: DateTime;
  offline?: boolean;
  /** called as each feed finishes (progress on a TTY) */
  onFeed?: (report: FeedReport) => void;
  /** wall clock for generatedAt; defaults to the real time */
  clock?: () => Date;
}

export interface BuildResult {
  edition: Edition;
  rendered: RenderedEdition;
}

export const OTHER_SECTION_ID = 'other';

export async function buildEdition(config: DigestConfig, opts: BuildOptions): Promise<BuildResult> {
  const window = editionWindow(opts.now, config.window, config.timezone);
  const sources = await fetchSources(config.feeds, {
    stateDir: config.state,
    offline: opts.offline ?? false,
    fetch: config.fetch,
    now: window.end.toJSDate(),
  });

  const firstSeen = FirstSeen.open(config.state);
  const feeds: FeedReport[] = [];
  const items: Item[] = [];
  const excluded: Excluded[] = [];
  for (let i = 0; i < config.feeds.length; i++) {
    const feed = config.feeds[i];
    const normalized = await normalizeFeed(feed, sources[i], { firstSeen, now: window.end });
    items.push(...normalized.items);
    excluded.push(...normalized.excluded);
    const report = feedReport(feed.id, feed.name, sources[i], normalized);
    feeds.push(report);
    opts.onFeed?.(report);
  }
  firstSeen.save();

  const selection = selectItems(items, {
    window,
    scope: config.scope,
    sentKeys: readSentKeys(config.state),
  });
  excluded.push(...selection.excluded);

  const { clusters, duplicates } = clusterItems(selection.kept);
  for (const d of duplicates) excluded.push(exclusion(d.item, 'duplicate', `duplicate of ${d.of.key}`));

  const byTheme = new Map<string, Story[]>();
  for (const cluster of clusters) {
    const decision = assignTheme(cluster, config.themes);
    const sectionId = decision.themeId ?? (config.other === false ? null : OTHER_SECTION_ID);
    if (sectionId === null) {
      for (const it of cluster.items) excluded.push(exclusion(it, 'no-theme', 'matches no theme and `other: false`'));
      continue;
    }
    const story = toStory(cluster.items, decision.why, config.timezone);
    const list = byTheme.get(sectionId) ?? [];
    list.push(story);
    byTheme.set(sectionId, list);
  }

  const sectionOrder = [
    ...config.themes.map((t) => ({ id: t.id, title: t.title })),
    ...(config.other === false ? [] : [{ id: OTHER_SECTION_ID, title: config.other }]),
  ];
  const sections: Section[] = sectionOrder
    .map((s) => ({ id: s.id, title: s.title, stories: rankStories(byTheme.get(s.id) ?? []) }))
    .filter((s) => s.stories.length > 0);

  const edition: Edition = {
    edition: {
      id: editionId(window.end),
      title: config.title,
      timezone: config.timezone,
      start: window.start.toISO()!,
      end: window.end.toISO()!,
      generatedAt: (opts.clock?.() ?? new Date()).toISOString(),
    },
    sections,
    excluded: sortExcluded(excluded, config.feeds.map((f) => f.id)),
    feeds,
  };
  const rendered = await renderEdition(edition, config);
  return { edition, rendered };
}

/** The edition's id is its end date in the digest's zone: one edition per day at most. */
export function editionId(end: DateTime): string {
  return end.toISODate()!;
}

function toStory(items: Item[], why: string[], timezone: string): Story {
  const rep = representative({ items });
  const sources: string[] = [];
  for (const it of [rep, ...items]) if (!sources.includes(it.feedName)) sources.push(it.feedName);
  const keys = items.map((i) => i.key).sort();
  return {
    id: createHash('sha1').update(keys.join('\n')).digest('hex').slice(0, 12),
    title: rep.title,
    url: rep.url,
    summary: summarize({ items }, rep.title),
    published: DateTime.fromISO(rep.published).setZone(timezone).toISO()!,
    sources,
    why,
    items: items.map((i) => ({ feed: i.feed, guid: i.guid, url: i.url, title: i.title, published: i.published })),
  };
}

function feedReport(id: string, name: string, src: SourceResult, n: { error: string | null; total: number }): FeedReport {
  const error = src.status === 'error' ? (src.error ?? 'fetch failed') : n.error;
  return { id, name, status: error ? 'error' : src.status, items: n.total, error };
}

/** Stable order for the report: by feed (config order), then reason, then guid. */
function sortExcluded(list: Excluded[], feedOrder: string[]): Excluded[] {
  const rank = new Map(feedOrder.map((id, i) => [id, i]));
  return [...list].sort(
    (a, b) =>
      (rank.get(a.feed) ?? 0) - (rank.get(b.feed) ?? 0) ||
      a.reason.localeCompare(b.reason) ||
      a.guid.localeCompare(b.guid),
  );
}
