// The explain-and-cut model: every item each feed returned, and what happened to it. Built from
// digest.json alone, so the report says exactly what the edition says and is the same every time.
import type { AppliedCorrection, Edition, EditionMeta, ExclusionReason, FeedReport } from '../types.js';

export type Outcome = 'story' | ExclusionReason;

/** Display order of outcomes (filters, counts). */
export const OUTCOMES: readonly Outcome[] = [
  'story', 'dropped', 'duplicate', 'outside-window', 'out-of-scope', 'not-an-article', 'roundup', 'no-theme', 'over-limit', 'already-sent', 'invalid',
];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  story: 'in a story',
  dropped: 'dropped by an editor',
  duplicate: 'duplicate',
  'outside-window': 'outside window',
  'out-of-scope': 'out of scope',
  'not-an-article': 'not an article',
  roundup: 'roundup',
  'no-theme': 'no theme',
  'over-limit': 'over the story limit',
  'already-sent': 'already sent',
  invalid: 'invalid',
};

/** The label of an outcome; a reason this version does not know (a newer edition's) shows as it is. */
export function outcomeLabel(o: Outcome): string {
  return OUTCOME_LABELS[o] ?? String(o);
}

/** Outcomes in display order, then any unknown reasons the edition uses. */
export function outcomesOf(counts: Record<Outcome, number>): Outcome[] {
  return [...OUTCOMES, ...(Object.keys(counts) as Outcome[]).filter((o) => !OUTCOMES.includes(o)).sort()];
}

/**
 * What Roundup worked around to read a feed that still counts as ok, one short phrase each: the new address its URL
 * redirects to for good, the XML repairs it needed and the items told apart by link because they shared another
 * article's guid.
 */
export function feedNotes(f: Pick<FeedReport, 'repaired' | 'sharedGuids' | 'sharedLinks' | 'movedTo' | 'downgradedTo' | 'unreadableDates' | 'datedAhead'>): string[] {
  const notes: string[] = [];
  // a permanent redirect is the server asking for the new address; old ones tend to stop redirecting one day
  if (f.movedTo) notes.push(`moved permanently to ${f.movedTo}: set that as its url`);
  // not an address to set: the https one still names the feed, and the publisher may not know its server does this
  if (f.downgradedTo) notes.push(`its https url redirects to plain http (${f.downgradedTo}): read unencrypted; keep the https url`);
  if (f.repaired?.length) notes.push(`repaired: ${f.repaired.join(', ')}`);
  if (f.sharedGuids) notes.push(`${f.sharedGuids} item${f.sharedGuids === 1 ? '' : 's'} sharing a guid with other articles, told apart by link`);
  if (f.sharedLinks) notes.push(`${f.sharedLinks} item${f.sharedLinks === 1 ? '' : 's'} sharing a link with other articles, told apart by title`);
  const unreadable = f.unreadableDates?.length ?? 0;
  if (unreadable) notes.push(`${unreadable} item${unreadable === 1 ? '' : 's'} with a date that cannot be read, placed by when first seen`);
  const ahead = f.datedAhead ?? [];
  if (ahead.length) {
    const latest = ahead.map((d) => d.date).sort().at(-1)!.slice(0, 10);
    notes.push(`${ahead.length} item${ahead.length === 1 ? '' : 's'} dated ahead of now, up to ${latest}: shown as of when first seen`);
  }
  return notes;
}

/**
 * Why a feed failed, and what the build did about it: `HTTP 503; used its copy from 2026-12-01 10:00 UTC` when its
 * items came from its last good copy, with a 404 said to be the feed gone from its address (a 410's line says so).
 */
export function feedFailureText(f: Pick<FeedReport, 'error' | 'usedCopy' | 'gone'>): string {
  let text = f.error ?? 'failed';
  if (f.gone && !text.startsWith('HTTP 410')) text += '; the feed is gone from its address: remove it from the config or set its new address';
  if (f.usedCopy) text += `; used its copy from ${utcMinute(f.usedCopy)}`;
  return text;
}

/** `2026-12-01 10:00 UTC` (the time as given when it is not one) */
function utcMinute(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A feed's status in one line: `error: HTTP 404`, `ok`, `ok (repaired: unescaped "&", unclosed <b>)`. */
export function feedStatusText(f: Pick<FeedReport, 'status' | 'error' | 'repaired' | 'sharedGuids' | 'sharedLinks' | 'movedTo' | 'downgradedTo' | 'usedCopy' | 'gone' | 'unreadableDates' | 'datedAhead'>): string {
  if (f.status === 'error') return `error: ${feedFailureText(f)}`;
  const notes = feedNotes(f);
  return notes.length > 0 ? `${f.status} (${notes.join('; ')})` : f.status;
}

export interface StoryPlace {
  sectionId: string;
  sectionTitle: string;
  storyId: string;
  storyTitle: string;
  /** 1-based rank inside its section */
  rank: number;
  why: string[];
  sources: string[];
  /** the editors' corrections that changed the story */
  corrections: number[];
}

/** What a duplicate was a duplicate of. */
export interface DuplicateTarget {
  key: string;
  /** the item's title when the edition knows the item */
  title: string | null;
  feed: string | null;
  /** the story that holds it, when it made it into a story */
  story: StoryPlace | null;
  /** the exclusion of that item, when it was cut itself */
  excludedAs: ExclusionReason | null;
}

export interface ItemRow {
  /** `${feed}:${guid}`, as in "duplicate of …" */
  key: string;
  feed: string;
  feedName: string;
  guid: string;
  title: string;
  url: string | null;
  /** null when the item has no date (or the edition does not say) */
  published: string | null;
  /** when an undated item was first seen, or a dated one seen before its date (and placed by it) */
  firstSeen: string | null;
  outcome: Outcome;
  /** set when outcome is 'story' */
  story: StoryPlace | null;
  /** the exclusion's detail line */
  detail: string | null;
  /** set when outcome is 'duplicate' */
  duplicateOf: DuplicateTarget | null;
  /** with `fetchArticle`: why the item's page gave no article (it keeps its feed text), else null */
  articleError: string | null;
  /** why the date the feed gave the item could not be read (it is placed by when first seen), else null */
  dateProblem: string | null;
}

export interface FeedRow extends FeedReport {
  inStories: number;
  excluded: number;
  /** items the edition accounts for (stories + excluded); equals `items` when nothing went missing */
  accounted: number;
  byOutcome: Record<Outcome, number>;
}

export interface ReportModel {
  edition: EditionMeta;
  feeds: FeedRow[];
  rows: ItemRow[];
  byOutcome: Record<Outcome, number>;
  /** the editors' corrections, next to the machine's decisions */
  corrections: AppliedCorrection[];
  intro: string | null;
}

export function itemKey(feed: string, guid: string): string {
  return `${feed}:${guid}`;
}

/** The key a duplicate's detail names ("duplicate of wire:abc"), or null. */
export function duplicateKey(detail: string | undefined | null): string | null {
  // the key is everything after the prefix, as written (a guid may end in spaces)
  const m = /^\s*duplicate of (.+)$/s.exec(detail ?? '');
  return m ? m[1] : null;
}

function zeroCounts(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
}

export function explainEdition(edition: Edition): ReportModel {
  const articleErrors = new Map(edition.feeds.flatMap((f) => (f.articles ?? []).map((a) => [itemKey(f.id, a.guid), `${a.url}: ${a.error}`] as const)));
  const dateProblems = new Map(edition.feeds.flatMap((f) => (f.unreadableDates ?? []).map((d) => [itemKey(f.id, d.guid), d.reason] as const)));
  const feedNames = new Map(edition.feeds.map((f) => [f.id, f.name]));
  const nameOf = (feed: string) => feedNames.get(feed) ?? feed;

  const storyRows: ItemRow[] = [];
  const placeByKey = new Map<string, StoryPlace>();
  const titleByKey = new Map<string, { title: string; feed: string }>();
  for (const section of edition.sections) {
    section.stories.forEach((story, i) => {
      const place: StoryPlace = {
        sectionId: section.id,
        sectionTitle: section.title,
        storyId: story.id,
        storyTitle: story.title,
        rank: i + 1,
        why: story.why ?? [],
        sources: story.sources ?? [],
        corrections: story.corrections ?? [],
      };
      for (const it of story.items) {
        const key = itemKey(it.feed, it.guid);
        placeByKey.set(key, place);
        titleByKey.set(key, { title: it.title, feed: it.feed });
        storyRows.push({
          key,
          feed: it.feed,
          feedName: nameOf(it.feed),
          guid: it.guid,
          title: it.title,
          url: it.url,
          published: it.published || null,
          firstSeen: it.firstSeen ?? null,
          outcome: 'story',
          story: place,
          detail: null,
          duplicateOf: null,
          articleError: articleErrors.get(key) ?? null,
          dateProblem: dateProblems.get(key) ?? null,
        });
      }
    });
  }

  const excludedByKey = new Map(edition.excluded.map((e) => [itemKey(e.feed, e.guid), e]));
  const cutRows: ItemRow[] = edition.excluded.map((e) => {
    const key = itemKey(e.feed, e.guid);
    let duplicateOf: DuplicateTarget | null = null;
    if (e.reason === 'duplicate') {
      const target = duplicateKey(e.detail);
      if (target) duplicateOf = resolveDuplicate(target, placeByKey, titleByKey, excludedByKey);
    }
    return {
      key,
      feed: e.feed,
      feedName: nameOf(e.feed),
      guid: e.guid,
      title: e.title,
      url: e.url,
      published: null,
      firstSeen: null,
      outcome: e.reason,
      story: null,
      detail: e.detail ?? null,
      duplicateOf,
      articleError: articleErrors.get(key) ?? null,
      dateProblem: dateProblems.get(key) ?? null,
    };
  });

  // Rows grouped by feed in the edition's feed order; inside a feed, stories first (edition order), then cuts.
  const feedOrder = new Map(edition.feeds.map((f, i) => [f.id, i]));
  const rank = (feed: string) => feedOrder.get(feed) ?? edition.feeds.length;
  const all = [...storyRows, ...cutRows];
  const rows = all
    .map((row, i) => ({ row, i }))
    .sort((a, b) => rank(a.row.feed) - rank(b.row.feed) || a.row.feed.localeCompare(b.row.feed) || a.i - b.i)
    .map(({ row }) => row);

  const byOutcome = zeroCounts();
  for (const r of rows) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
  const feeds: FeedRow[] = edition.feeds.map((f) => {
    const counts = zeroCounts();
    for (const r of rows) if (r.feed === f.id) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
    const inStories = counts.story;
    const accounted = Object.values(counts).reduce((n, c) => n + c, 0);
    return { ...f, inStories, excluded: accounted - inStories, accounted, byOutcome: counts };
  });
  return { edition: edition.edition, feeds, rows, byOutcome, corrections: edition.corrections ?? [], intro: edition.intro ?? null };
}

function resolveDuplicate(
  key: string,
  places: Map<string, StoryPlace>,
  titles: Map<string, { title: string; feed: string }>,
  excluded: Map<string, Edition['excluded'][number]>,
): DuplicateTarget {
  const place = places.get(key);
  if (place) {
    const t = titles.get(key)!;
    return { key, title: t.title, feed: t.feed, story: place, excludedAs: null };
  }
  const cut = excluded.get(key);
  if (cut) {
    // A duplicate of a duplicate: the story is the one the chain ends in.
    let story: StoryPlace | null = null;
    const seen = new Set([key]);
    let next = cut.reason === 'duplicate' ? duplicateKey(cut.detail) : null;
    while (next && !seen.has(next) && !story) {
      seen.add(next);
      story = places.get(next) ?? null;
      const hop = excluded.get(next);
      next = hop?.reason === 'duplicate' ? duplicateKey(hop.detail) : null;
    }
    return { key, title: cut.title, feed: cut.feed, story, excludedAs: cut.reason };
  }
  return { key, title: null, feed: null, story: null, excludedAs: null };
}
