// One feed entry, as read from any format, → the ParsedItem the pipeline uses.
// A bad entry is kept and marked `invalid` with the reason; it never rejects the feed.
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

export function buildItem(raw: RawItem): ParsedItem {
  const title = raw.titleHtml === null ? '' : plainText(raw.titleHtml);
  const problems: string[] = [];
  let published: string | null = null;
  if (raw.date !== null && raw.date.trim()) {
    const d = parseFeedDate(raw.date);
    if (d.ok) published = d.iso;
    else problems.push(d.reason);
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
  if (problems.length) item.invalid = problems.join('; ');
  return item;
}
