// From one feed's fetched bytes to clean Items: parse, give each item its stable identity, clean its text.
// Items that cannot be used leave here as `invalid` (neither title nor link, past the newest 500) or `duplicate`
// (the same item twice in one feed), so that every item the feed returned is accounted for.
import type { DateTime } from 'luxon';
import type { ArticleFailure, DatedAhead, Excluded, FeedConfig, Item, ParsedItem, SourceResult, UnreadableDate } from '../types.js';
import { parseFeedBody, itemIdentities, itemIdentity, canonicalUrl } from '../parse/index.js';
import { cleanFeedItems, isTeaser, withoutSiteName } from '../clean/index.js';
import { openingOf, sentencesOf } from '../select/index.js';
import { fetchArticles, type ArticleContext } from './articles.js';
import type { FirstSeen } from './first-seen.js';

/**
 * How far ahead of when it was first seen an item's date may be and still be shown: a publisher's clock a little fast.
 * Past it (a post scheduled ahead, a CMS writing local time as GMT, a year typed wrong) the date is none the item had
 * when the edition went out: the story is shown as of when it was first seen, as Feedbin, selfoss and Capy clamp a
 * future date to now, and the feed's report names it. The item keeps the publisher's date in digest.json, beside it.
 */
export const AHEAD_TOLERANCE_MS = 60 * 60 * 1000;

/** items read from one feed per build (the newest); the rest are accounted for as `invalid` */
export const MAX_ITEMS_PER_FEED = 500;

export interface NormalizedFeed {
  items: Item[];
  excluded: Excluded[];
  /** items the feed returned (usable or not) */
  total: number;
  /** parse failure, one line */
  error: string | null;
  /** `fetchArticle` pages that gave no article, and why */
  articleFailures: ArticleFailure[];
  /** what the XML needed repaired before it could be read (empty when nothing) */
  repaired: string[];
  /** the language the feed declares (its primary subtag), when it declares one */
  language?: string;
  /** items that shared their guid with a different article, and so are identified by their link */
  sharedGuids: number;
  /** items that shared their link (and guid, if any) with a differently titled article, told apart by title */
  sharedLinks: number;
  /** items kept whose date could not be read: placed by when first seen, as undated items are */
  unreadableDates: UnreadableDate[];
  /** items dated more than an hour ahead of the build, shown with when first seen instead */
  datedAhead: DatedAhead[];
}

export async function normalizeFeed(
  feed: FeedConfig,
  src: SourceResult,
  /** `now`: when this build reads the feed (what an item first seen now is recorded with) */
  ctx: { firstSeen: FirstSeen; now: DateTime; articles: ArticleContext },
): Promise<NormalizedFeed> {
  const none = { items: [], excluded: [], total: 0, articleFailures: [], repaired: [], sharedGuids: 0, sharedLinks: 0, unreadableDates: [], datedAhead: [] };
  if (src.status === 'error' || !src.body) return { ...none, error: src.error ?? null };
  const parsed = await parseFeedBody(src.body, { contentType: src.contentType, baseUrl: src.finalUrl ?? feed.url ?? null });
  if (!parsed.ok) return { ...none, error: parsed.error };

  const excluded: Excluded[] = [];
  const usable: { raw: ParsedItem; guid: string }[] = [];
  const seen = new Set<string>();
  // a feed of tens of thousands of items is a dump, not news: it must not stall the edition or the archive
  const read = newestItems(parsed.feed.items, MAX_ITEMS_PER_FEED);
  // one guid on different articles names none of them: those are told apart by their links (parse/identity.ts)
  const identities = itemIdentities(read.map((n) => parsed.feed.items[n]));
  const readIds = identities.ids;
  const ids = new Map(read.map((n, k) => [n, readIds[k]]));
  for (const [n, raw] of parsed.feed.items.entries()) {
    const guid = ids.get(n) ?? itemIdentity(raw); // beyond the items read, only to name them
    const base = { feed: feed.id, guid, title: raw.title, url: raw.link };
    if (!ids.has(n)) {
      excluded.push({ ...base, reason: 'invalid', detail: `beyond the ${MAX_ITEMS_PER_FEED} newest items of this feed` });
    } else if (raw.invalid) {
      excluded.push({ ...base, reason: 'invalid', detail: raw.invalid });
    } else if (seen.has(guid)) {
      excluded.push({ ...base, reason: 'duplicate', detail: `duplicate of ${feed.id}:${guid}` }); // the same id twice in one feed
    } else {
      seen.add(guid);
      usable.push({ raw, guid });
    }
  }

  const inputs = usable.map(({ raw }) => ({ title: raw.title, html: raw.html, published: raw.published }));
  let cleaned = cleanFeedItems(inputs);
  const articleFailures: ArticleFailure[] = [];
  if (feed.fetchArticle) {
    // Only teasers with a link are worth a page fetch; the rest already carry their text.
    const wanted = cleaned.map((c, i) => (isTeaser(c.text) && usable[i].raw.link ? i : -1)).filter((i) => i >= 0);
    const pages = await fetchArticles(wanted.map((i) => usable[i].raw.link!), ctx.articles);
    wanted.forEach((i, k) => {
      const page = pages[k];
      if (page.text !== null) inputs[i] = { ...inputs[i], html: page.text };
      else articleFailures.push({ guid: usable[i].guid, url: usable[i].raw.link!, error: page.error });
    });
    if (articleFailures.length < wanted.length) cleaned = cleanFeedItems(inputs);
  }
  const siteNames = [feed.name, parsed.feed.title];
  const items = usable.map(({ raw, guid }, i): Item => {
    const key = `${feed.id}:${guid}`;
    const title = withoutSiteName(cleaned[i].title, siteNames, raw.source) || raw.link || '(untitled)';
    const link = raw.link ? canonicalUrl(raw.link) : null;
    const seen = ctx.firstSeen.get(key, ctx.now.toUTC().toISO()!, { link, title, opening: openingOf(cleaned[i].text), sentences: sentencesOf(title, cleaned[i].text) });
    return {
      key,
      feed: feed.id,
      feedName: raw.source ?? feed.name,
      guid,
      url: raw.link,
      canonicalUrl: link,
      // an item with neither title nor text is still shown by something a reader can recognise
      title,
      // Undated items keep the time they were first seen, so they do not come back as new every week; that time
      // places them in a window but is never shown as their date. A new article under the key is seen anew.
      published: raw.published ?? seen,
      ...(raw.published ? {} : { undated: true as const }),
      // a dated item seen before its date (a date ahead of the edition, an archive republished with fresh dates) is
      // placed by when it was seen: it was in the feed then; well ahead, it is shown so too (pipeline/index.ts)
      ...(raw.published && Date.parse(seen) < Date.parse(raw.published) ? { seen } : {}),
      text: cleaned[i].text,
      lead: cleaned[i].lead,
      // a wire's topic slug is its desk's filing of the item, as a feed's own categories are
      ...withCategories([...raw.categories, ...(cleaned[i].filedAs ?? [])]),
    };
  });
  const unreadableDates = usable.flatMap(({ raw, guid }) => (raw.unreadableDate ? [{ guid, reason: raw.unreadableDate }] : []));
  const datedAhead = items.flatMap((it) => (it.seen && Date.parse(it.published) - Date.parse(it.seen) > AHEAD_TOLERANCE_MS ? [{ guid: it.guid, date: it.published }] : []));
  return { items, excluded, total: parsed.feed.items.length, error: null, articleFailures, unreadableDates, datedAhead, repaired: parsed.feed.repaired ?? [], sharedGuids: identities.shared, sharedLinks: identities.sharedLinks, ...(parsed.feed.language ? { language: parsed.feed.language } : {}) };
}

/**
 * The document positions of the `max` newest items, in document order: every item when there are no more. By date,
 * not by position: an archive listed oldest first has this week's items at its end, and reading its first 500 left
 * them all out. Undated items count as new (they are placed by when first seen); ties keep the document's order.
 */
function newestItems(items: ParsedItem[], max: number): number[] {
  const all = items.map((_, n) => n);
  if (items.length <= max) return all;
  const time = (n: number) => (items[n].published ? Date.parse(items[n].published!) : Infinity);
  const newest = [...all].sort((a, b) => time(b) - time(a) || a - b).slice(0, max);
  return newest.sort((a, b) => a - b);
}

function withCategories(categories: string[]): { categories?: string[] } {
  return categories.length > 0 ? { categories } : {};
}
