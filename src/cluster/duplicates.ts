// Exact copies: the same guid or the same canonical URL carried by several feeds.
// They collapse before any similarity is measured, so a syndicated copy never counts as a second source.

import type { Item } from '../types.js';
import { editedHeadline, openingOf, sentencesOf, type TextPrint } from '../select/index.js';

/** Query parameters that only track the click, never change the page. */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid|_ga|yclid|msclkid)$/i;

/** A URL reduced to what identifies the page: no tracking, fragment, default port, www. or trailing slash. */
export function urlIdentity(raw: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim() || null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.href;
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !TRACKING_PARAM.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${host}${url.port ? ':' + url.port : ''}${path}${query}`;
}

/** A URL that can name one article: not a bare home page. */
function pageIdentity(raw: string | null): string | null {
  const identity = urlIdentity(raw);
  return identity && /\/[^?]*[^/?]|\?/.test(identity.replace(/^[^/]*/, '')) ? identity : null;
}

/**
 * The fragment of an item's own link ("…/brief/2027-05-13#borisoglebsk"): a live blog or a daily brief gives each
 * of its entries the page's address and an anchor of its own. Canonical URLs drop it (it never changes the page).
 */
function fragmentOf(link: string | null): string {
  const at = link?.indexOf('#') ?? -1;
  return at >= 0 ? link!.slice(at + 1) : '';
}

/**
 * Two entries of one feed on one page: each at its own anchor, or each its own article under the page they share (a
 * series' "Day 1008 of the war" and "Day 1009 …" under the series' page, with headlines of two articles: not one
 * headline edited): parts of the page, not copies of each other.
 */
function entriesOfOnePage(a: Item, b: Item): boolean {
  if (a.feed !== b.feed) return false;
  if (fragmentOf(a.url) !== fragmentOf(b.url)) return true;
  return !editedHeadline(a.title, printOf(a), b.title, printOf(b));
}

function printOf(item: Item): TextPrint {
  return { opening: openingOf(item.text), sentences: sentencesOf(item.title, item.text) };
}

/**
 * URLs that three or more items of one feed link to: a section or home page given instead of the
 * article's own address, which says nothing about which items are copies.
 */
function urlsSharedWithinAFeed(items: Item[], identities: (string | null)[]): Set<string> {
  const counts = new Map<string, number>();
  items.forEach((item, i) => {
    const identity = identities[i];
    if (!identity) return;
    // entries of one page at anchors of their own (entriesOfOnePage) are not many items linking to one page
    const key = `${item.feed}\u0000${fragmentOf(item.url)}\u0000${identity}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const shared = new Set<string>();
  for (const [key, count] of counts) if (count >= 3) shared.add(key.slice(key.lastIndexOf('\u0000') + 1));
  return shared;
}

/** The copy that stays: the earliest published, then the smallest key (independent of input order). */
function keeps(a: Item, b: Item): boolean {
  const ta = Date.parse(a.published);
  const tb = Date.parse(b.published);
  if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return ta < tb;
  return a.key < b.key;
}

export interface CollapseResult {
  unique: Item[];
  duplicates: { item: Item; of: Item }[];
}

/**
 * Collapse items sharing a global guid (a URL, tag: or urn:) or a canonical URL. A bare guid like
 * "123" names an item only within its own feed, so it never collapses two feeds. Copies are linked
 * transitively (A shares a guid with B, B a URL with C → one item); the survivor is chosen by `keeps`.
 */
export function collapseExactCopies(items: Item[]): CollapseResult {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const identities = items.map((item) => pageIdentity(item.canonicalUrl) ?? pageIdentity(item.url));
  const sectionPages = urlsSharedWithinAFeed(items, identities);

  const byKey = new Map<string, number[]>();
  items.forEach((item, i) => {
    // A guid is only a shared identity when it looks global (a URL or a tag: URI); "123" in two feeds is chance.
    const guidKeys = /^(https?:|tag:|urn:)/i.test(item.guid) ? [`guid:${urlIdentity(item.guid) ?? item.guid}`] : [];
    const identity = identities[i];
    const keys = identity && !sectionPages.has(identity) ? [...guidKeys, `url:${identity}`] : guidKeys;
    for (const key of keys) {
      const seen = byKey.get(key);
      if (seen === undefined) {
        byKey.set(key, [i]);
        continue;
      }
      for (const j of seen) if (!(key.startsWith('url:') && entriesOfOnePage(items[j], item))) union(j, i);
      seen.push(i);
    }
  });

  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });

  const unique: Item[] = [];
  const duplicates: { item: Item; of: Item }[] = [];
  for (const members of groups.values()) {
    let keeper = items[members[0]];
    for (const i of members) if (keeps(items[i], keeper)) keeper = items[i];
    unique.push(keeper);
    for (const i of members) if (items[i] !== keeper) duplicates.push({ item: items[i], of: keeper });
  }
  return { unique, duplicates };
}
