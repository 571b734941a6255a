// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1), read by hand.
import type { ParsedFeed } from '../types.js';
import { escapeHtml } from '../text/escape.js';
import { resolveHttpUrl } from './canonical.js';
import { buildItem } from './item.js';
import { languageTag, plainText } from './text.js';

export class JsonFeedError extends Error {}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : isObj(v) ? 'an object' : typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'true or false' : typeof v;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
/** an address is text: a number in `url` read as one made up a link relative to the feed ("…/12345") */
const address = (v: unknown): string | null => (typeof v === 'string' ? v : null);


function authorOf(item: Obj, feed: Obj): string | null {
  const list = Array.isArray(item.authors) ? item.authors : isObj(item.author) ? [item.author] : Array.isArray(feed.authors) ? feed.authors : isObj(feed.author) ? [feed.author] : [];
  const names = list.filter(isObj).map((a) => plainText(str(a.name) ?? '')).filter(Boolean);
  return names.length ? names.join(', ') : null;
}

export function parseJsonFeed(text: string, baseUrl: string | null): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new JsonFeedError(`malformed JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isObj(doc)) throw new JsonFeedError('not a feed (JSON document that is not a JSON Feed object)');
  const version = str(doc.version) ?? '';
  if (!/jsonfeed\.org\/version\//.test(version) && !Array.isArray(doc.items)) {
    throw new JsonFeedError('not a feed (JSON document without a JSON Feed "version" or "items")');
  }
  const home = resolveHttpUrl(address(doc.home_page_url), baseUrl);
  const base = home ?? baseUrl;
  // the spec's one required list: without it the feed would read as empty, and look healthy
  if (!Array.isArray(doc.items)) throw new JsonFeedError(`items: expected a list, got ${kindOf(doc.items)}`);
  const rawItems: unknown[] = doc.items;
  const items = rawItems.map((entry) => {
    const it = isObj(entry) ? entry : {};
    const html = str(it.content_html) ?? (str(it.content_text) !== null ? `<p>${escapeHtml(str(it.content_text)!)}</p>` : null) ?? (str(it.summary) !== null ? escapeHtml(str(it.summary)!) : '');
    const title = str(it.title);
    return buildItem({
      guid: str(it.id),
      link: resolveHttpUrl(address(it.url), base) ?? resolveHttpUrl(address(it.external_url), base),
      titleHtml: title,
      date: str(it.date_published) ?? str(it.date_modified),
      html,
      author: authorOf(it, doc as Obj),
      categories: Array.isArray(it.tags) ? it.tags.map((t) => plainText(str(t) ?? '')).filter(Boolean) : [],
    });
  });
  const title = str(doc.title);
  const language = languageTag(str(doc.language) ?? '');
  return { title: title === null ? null : plainText(title) || null, link: home, items, ...(language ? { language } : {}) };
}
