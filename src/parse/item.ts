// One feed entry, as read from any format, → the ParsedItem the pipeline uses.
// A bad entry is kept and marked `invalid` with the reason; it never rejects the feed. A bad date is no date.
import type { ParsedItem } from '../types.js';
import { parseFeedDate } from './dates.js';
import { plainText } from './text.js';

export interface RawItem {
  guid: string | null;
  /** absolute http(s) link, or null */
  link: string | null;
  /** title as the feed gave it (may hold markup or escaped markup); null when absent */
  titleHtml: string | null;
  /** date text as the feed gave it; null when absent */
  date: string | null;
  html: string;
  author: string | null;
  categories: string[];
  /** the publisher the item names as its source, plain text; null when none */
  source?: string | null;
}

// A language's zero date is a generator's "no date", not a date: Unix time 0 (PHP, JavaScript), Go's and .NET's
// 0001-01-01T00:00:00, MySQL's 0000-00-00 00:00:00. Read as dates, they left a new item out as published in 1970 or
// as invalid; read as none, the item is placed by when it was first seen, like any undated item.
const UNIX_EPOCH = '1970-01-01T00:00:00.000Z';
const isZeroDate = (date: string) => /^\s*(?:0+|0{4}-0{2}-0{2}|0001-01-01)(?:[ T]00:00(?::00(?:\.0+)?)?)?\s*(?:Z|UTC|GMT|[+-]00:?00)?\s*$/i.test(date);

export function buildItem(raw: RawItem): ParsedItem {
  const title = raw.titleHtml === null ? '' : plainText(raw.titleHtml);
  const problems: string[] = [];
  let published: string | null = null;
  // A date that cannot be read is no date, not a reason to drop the item: it is placed by when it was first seen,
  // as an undated item is (as Miniflux and rss2email take such an item as new when they first see it); the reason
  // goes with it, for the report.
  let unreadableDate: string | null = null;
  if (raw.date !== null && raw.date.trim() && !isZeroDate(raw.date)) {
    const d = parseFeedDate(raw.date);
    if (d.ok && d.iso !== UNIX_EPOCH) published = d.iso;
    else if (!d.ok) unreadableDate = d.reason;
  }
  if (!title && !raw.link) problems.push('no title and no link');
  const item: ParsedItem = {
    guid: raw.guid?.trim() || null,
    link: raw.link,
    title,
    published,
    html: raw.html,
    author: raw.author,
    categories: raw.categories,
  };
  if (raw.source) item.source = raw.source;
  if (unreadableDate) item.unreadableDate = unreadableDate;
  if (problems.length) item.invalid = problems.join('; ');
  return item;
}
