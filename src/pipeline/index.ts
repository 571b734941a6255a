// One edition, end to end: fetch → parse → clean → select → cluster → theme → summarize → render.
// Parse, clean, select, cluster, theme and summarize are pure functions of their input, and so is applying
// the editors' corrections (corrections.ts). What touches the network, the state folder or other files is all called
// from here: fetch (network, feed cache), the feed health record (written after fetching, except offline and in
// previews), `fetchArticle` (network, cache of extracted articles), the first-seen record of undated items (read
// and written), the SQLite store (read only: items already sent are left out, a late edition starts where the last
// one sent ended; the digest's id and the corrections to apply; created if missing) and render (the MJML templates).
// `build` never records what was sent.
import { DateTime } from 'luxon';
import type { DigestConfig, Edition, Excluded, FeedReport, Item, Section, SourceResult, Story } from '../types.js';
import { fetchSources, recordHealth, type HealthFile } from '../fetch/index.js';
import { editionWindow, selectItems, sentItems, exclusion, NO_INCLUDE_TERM } from '../select/index.js';
import { clusterItems, representative, representativeUrl } from '../cluster/index.js';
import { joinStoriesInScope } from '../cluster/scope.js';
import { sectionStrictStories, themeStories, rankStories } from '../theme/index.js';
import { summarize, type SummaryOptions } from '../summarize/index.js';
import { renderEdition, type RenderedEdition } from '../render/index.js';
import { DEFAULT_MAX_STORIES } from '../config/index.js';
import { readFeed, type ReadFeed } from './read-feed.js';
import { AHEAD_TOLERANCE_MS } from './normalize.js';
import { capStories } from './cap.js';
import { FirstSeen } from './first-seen.js';
import { readLastClosedEnd, readSentItems } from '../store/index.js';
import { applyCorrections, storyIdFor } from './corrections.js';
import { readDeskState, type DeskState } from './desk-state.js';
import { storiesWithinSections } from './strict-stories.js';
import { reportLanguage, type ReaderLanguage } from '../text/script-language.js';
import { language } from '../text/catalogue.js';

export interface BuildOptions {
  now: DateTime;
  /**
   * when this build reads the feeds, recorded as an item's first sighting; default `now`. Later than `now` when the
   * edition ends before the build (the scheduler building a firing's edition late, a draft rebuilt after a correction):
   * an item first seen then is placed after the edition's end, not in it
   */
  seenAt?: DateTime;
  /** start of the window; default now minus the config's window (the scheduler widens it to catch up) */
  start?: DateTime;
  offline?: boolean;
  /** called as each feed finishes parsing */
  onFeed?: (report: FeedReport) => void;
  /** called as each fetch finishes: how many of how many (progress on a TTY) */
  onFetched?: (done: number, total: number) => void;
  /** record feed health (default true; the preview's rebuilds should not count as runs) */
  recordHealth?: boolean;
  /** wall clock for generatedAt; defaults to the real time */
  clock?: () => Date;
  /** time spent per stage (benchmarks) */
  onStage?: (stage: Stage, ms: number) => void;
  /** the digest's id and the editors' corrections to apply; default: read from the store */
  desk?: DeskState;
}

export type Stage = 'fetch' | 'parse+clean' | 'select' | 'cluster' | 'theme+summarize' | 'render';

export interface BuildResult {
  edition: Edition;
  rendered: RenderedEdition;
  /** feed health across runs (null with --offline, which checks nothing) */
  health: HealthFile | null;
}

export const OTHER_SECTION_ID = 'other';

export async function buildEdition(config: DigestConfig, opts: BuildOptions): Promise<BuildResult> {
  const lap = stopwatch(opts.onStage);
  const window = editionWindow(opts.now, config.window, config.timezone);
  if (opts.start) window.start = opts.start.setZone(config.timezone);
  else if (config.catchUp === 'latest') window.start = catchUpStart(config.state, window);
  let fetched = 0;
  const sources = await fetchSources(config.feeds, {
    stateDir: config.state,
    offline: opts.offline ?? false,
    fetch: config.fetch,
    now: window.end.toJSDate(),
    onProgress: opts.onFetched ? () => opts.onFetched!(++fetched, config.feeds.length) : undefined,
  });

  lap('fetch');

  const firstSeen = FirstSeen.open(config.state);
  // never before the edition's end: an item first seen by this build is news at its end at the earliest
  const seenAt = opts.seenAt && opts.seenAt > window.end ? opts.seenAt : window.end;
  const feeds: FeedReport[] = [];
  const items: Item[] = [];
  const excluded: Excluded[] = [];
  for (let i = 0; i < config.feeds.length; i++) {
    const feed = config.feeds[i];
    const normalized = await readFeed(feed, sources[i], {
      firstSeen,
      now: seenAt,
      articles: { stateDir: config.state, offline: opts.offline ?? false, fetch: config.fetch },
      stateDir: config.state,
    });
    items.push(...normalized.items);
    excluded.push(...normalized.excluded);
    const report = feedReport(feed.id, feed.name, sources[i], normalized);
    feeds.push(report);
    opts.onFeed?.(report);
  }
  firstSeen.save(seenAt.toUTC().toISO()!);
  // Health is bookkeeping about the network; an offline build learns nothing about it. A feed that
  // downloads but does not parse (an HTML page, an empty body) is as sick as one that does not answer.
  const checked = sources.map((src, i) => (feeds[i].status === 'error' && src.status !== 'error' ? { ...src, status: 'error' as const, error: feeds[i].error ?? 'not a feed' } : src));
  const health = opts.offline || opts.recordHealth === false ? null : await recordHealth(config.state, config.feeds, checked, opts.clock?.() ?? new Date());
  lap('parse+clean');

  const selection = selectItems(items, {
    window,
    scope: config.scope,
    // Rebuilding an edition that went out must give the same edition, so its own items do not count.
    sent: sentItems(readSentItems(config.state, editionId(window.end)), (key) => firstSeen.text(key)),
  });
  excluded.push(...selection.excluded);
  lap('select');

  const { clusters: inScope, duplicates } = clusterItems(selection.kept);
  for (const d of duplicates) excluded.push(exclusion(d.item, 'duplicate', `duplicate of ${d.of.key}`));
  // a headline or teaser naming none of the scope's terms is in the edition when its story is (src/cluster/scope.ts)
  const { clusters, outside } = joinStoriesInScope(inScope, selection.unscoped, selection.unnamed);
  for (const it of outside) excluded.push(exclusion(it, 'out-of-scope', NO_INCLUDE_TERM));
  lap('cluster');

  // the reader's language picks a story's headline and the reports its summary is read from, where the story has some
  const declared = new Map(feeds.map((f) => [f.id, f.language]));
  // read once per report: a story's headline and its summary both ask, and so does each story a correction remakes
  const languages = new WeakMap<object, string | null>();
  const languageOf: ReaderLanguage['languageOf'] = (item) => {
    if (!languages.has(item)) languages.set(item, reportLanguage(item, declared.get(item.feed)));
    return languages.get(item)!;
  };
  const reader: ReaderLanguage = { language: language(config.locale ?? 'en'), languageOf };
  const summaries: SummaryOptions = { reader, ...config.summary };
  const byTheme = new Map<string, Story[]>();
  const namesScope = new Set(selection.kept.map((it) => it.key));
  let themed = themeStories(clusters, config.themes, config.title);
  // the stories are drawn again, more strictly, within their sections (./strict-stories.ts); a part of a story that
  // clearly belongs elsewhere takes its own section (theme/index.ts, sectionStrictStories)
  const kept = clusters.flatMap((c) => c.items);
  if (kept.length >= 2) {
    const strict = storiesWithinSections(themed, clusterItems(kept, { strict: true }).clusters);
    themed = sectionStrictStories(strict, config.themes, config.title);
  }
  for (const { cluster, decision } of themed) {
    // a headline that joined a story by the scope's rule and left it again for another section is alone again
    if (!cluster.items.some((it) => namesScope.has(it.key))) {
      for (const it of cluster.items) excluded.push(exclusion(it, 'out-of-scope', NO_INCLUDE_TERM));
      continue;
    }
    const sectionId = decision.themeId ?? (config.other === false ? null : OTHER_SECTION_ID);
    if (sectionId === null) {
      for (const it of cluster.items) excluded.push(exclusion(it, 'no-theme', 'matches no theme and `other: false`'));
      continue;
    }
    const story = toStory(cluster.items, decision.why, config.timezone, summaries);
    const list = byTheme.get(sectionId) ?? [];
    list.push(story);
    byTheme.set(sectionId, list);
  }

  const sectionOrder = [
    ...config.themes.map((t) => ({ id: t.id, title: t.title })),
    ...(config.other === false ? [] : [{ id: OTHER_SECTION_ID, title: config.other }]),
  ];
  const machine: Section[] = sectionOrder.map((s) => ({ id: s.id, title: s.title, stories: rankStories(byTheme.get(s.id) ?? []) }));

  // The editors' corrections, by item keys, on top of the machine's decisions (src/desk).
  const id = editionId(window.end);
  const desk = opts.desk ?? readDeskState(config.state, id);
  const itemsByKey = new Map([...selection.kept, ...clusters.flatMap((c) => c.items)].map((it) => [it.key, it]));
  const corrected = applyCorrections({ sections: machine, excluded }, desk.corrections, {
    storyFor: (keys, why) => {
      const its = keys.map((k) => itemsByKey.get(k));
      return its.every((it): it is Item => it !== undefined) && its.length > 0 ? toStory(its, why, config.timezone, summaries) : null;
    },
    rank: rankStories,
  });
  // At most `maxStories` per edition (and per section where a theme says so); pinned stories stay.
  const pinned = new Set(corrected.corrections.filter((c) => c.kind === 'pin' && c.status === 'applied' && c.story).map((c) => c.story!));
  const capped = capStories(corrected.sections, {
    edition: config.maxStories ?? DEFAULT_MAX_STORIES,
    perSection: new Map(config.themes.filter((t) => t.maxStories !== undefined).map((t) => [t.id, t.maxStories!])),
    pinned,
    rank: rankStories,
  });

  const edition: Edition = {
    edition: {
      id,
      title: config.title,
      timezone: config.timezone,
      start: window.start.toISO()!,
      end: window.end.toISO()!,
      generatedAt: (opts.clock?.() ?? new Date()).toISOString(),
      digestId: desk.digestId,
    },
    ...(corrected.intro !== null ? { intro: corrected.intro } : {}),
    sections: capped.sections.filter((s) => s.stories.length > 0),
    excluded: sortExcluded([...corrected.excluded, ...capped.excluded], config.feeds.map((f) => f.id)),
    feeds,
    ...(corrected.corrections.length > 0 ? { corrections: corrected.corrections } : {}),
  };
  lap('theme+summarize');
  const rendered = await renderEdition(edition, config);
  lap('render');
  return { edition, rendered, health };
}

function stopwatch(report?: (stage: Stage, ms: number) => void): (stage: Stage) => void {
  let last = performance.now();
  return (stage) => {
    const t = performance.now();
    report?.(stage, t - last);
    last = t;
  };
}

/**
 * With `catchUp: latest`, an edition built after one was missed (the scheduler was off, a cron job running `digest send
 * --build` did not run, nobody built last week's) starts where the last edition that went out ended, as the
 * scheduler's catch-up does (src/schedule/due.ts): the missed days' news is in it instead of silently lost.
 */
function catchUpStart(stateDir: string, window: { start: DateTime; end: DateTime }): DateTime {
  const lastEnd = readLastClosedEnd(stateDir, editionId(window.end));
  const last = lastEnd ? DateTime.fromISO(lastEnd, { setZone: true }) : null;
  return last?.isValid && last < window.start ? last.setZone(window.start.zone) : window.start;
}

/** The edition's id is its end date in the digest's zone: one edition per day at most. */
export function editionId(end: DateTime): string {
  return end.toISODate()!;
}

function toStory(items: Item[], why: string[], timezone: string, summaries: SummaryOptions): Story {
  const rep = representative({ items }, summaries.reader);
  const sources: string[] = [];
  for (const it of [rep, ...items]) if (!sources.includes(it.feedName)) sources.push(it.feedName);
  return {
    id: storyIdFor(items.map((i) => i.key)),
    title: rep.title,
    url: representativeUrl({ items }, rep),
    summary: summarize({ items }, rep.title, summaries),
    published: storyDate(rep, items, timezone),
    sources,
    why,
    items: items.map((i) => ({
      feed: i.feed,
      guid: i.guid,
      url: i.url,
      title: i.title,
      ...(i.undated ? { published: '', firstSeen: i.published } : { published: i.published, ...(i.seen ? { firstSeen: i.seen } : {}) }),
    })),
  };
}

/**
 * A story's date: its representative item's, else the newest of its dated items'. When no item has a date
 * it is "" — never the time Roundup first saw them, which is the build's, not the story's (render shows no
 * date and ranking puts it after the dated stories). An item dated well ahead of when it was first seen is shown as
 * of then (AHEAD_TOLERANCE_MS): an edition of 23 November does not tell of a report of 23 November next year.
 */
function storyDate(rep: Item, items: Item[], timezone: string): string {
  const dated = rep.undated ? items.filter((i) => !i.undated).map(shownDate).sort((a, b) => Date.parse(b) - Date.parse(a))[0] : shownDate(rep);
  return dated ? DateTime.fromISO(dated).setZone(timezone).toISO()! : '';
}

function shownDate(item: Item): string {
  return item.seen && Date.parse(item.published) - Date.parse(item.seen) > AHEAD_TOLERANCE_MS ? item.seen : item.published;
}

function feedReport(
  id: string,
  name: string,
  src: SourceResult,
  n: Pick<ReadFeed, 'error' | 'total' | 'articleFailures' | 'repaired' | 'sharedGuids' | 'sharedLinks' | 'language' | 'usedCopy' | 'unreadableDates' | 'datedAhead'>,
): FeedReport {
  const error = src.status === 'error' ? (src.error ?? 'fetch failed') : n.error;
  return {
    id,
    name,
    status: error ? 'error' : src.status,
    items: n.total,
    error,
    ...(n.articleFailures.length > 0 ? { articles: n.articleFailures } : {}),
    ...(n.repaired.length > 0 ? { repaired: n.repaired } : {}),
    ...(n.sharedGuids > 0 ? { sharedGuids: n.sharedGuids } : {}),
    ...(n.sharedLinks > 0 ? { sharedLinks: n.sharedLinks } : {}),
    ...(src.movedTo ? { movedTo: src.movedTo } : {}),
    ...(src.downgradedTo ? { downgradedTo: src.downgradedTo } : {}),
    ...(n.language ? { language: n.language } : {}),
    ...(error && n.usedCopy ? { usedCopy: n.usedCopy } : {}),
    // not found, or removed for good: the feed is no longer at its address (src/pipeline/read-feed.ts)
    ...(error && (src.httpStatus === 404 || src.httpStatus === 410) ? { gone: true as const } : {}),
    ...(n.unreadableDates.length > 0 ? { unreadableDates: n.unreadableDates } : {}),
    ...(n.datedAhead.length > 0 ? { datedAhead: n.datedAhead } : {}),
  };
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
