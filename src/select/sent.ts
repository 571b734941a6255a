// What already went out, to be left out of later editions. An item is known by its key (`feed:guid`). A feed that
// gives its items new ids (a new CMS, guids moving from http:// to https://, a guid shared by several articles and
// then no longer: src/parse/identity.ts) would bring them back under new keys, so an item with the same canonical
// link and the same title as a sent one is sent too, whichever feed brings it: one article reaches a digest through
// several of its feeds (a section's and "top stories", the outlet's own and an aggregator's), and the copy that turns
// up in the other feed a week later is the article the reader already had. The title is part of it because some
// feeds link many items to one page (their home page, a live page): by the link alone, their new items would be left out.
// A link is compared without its scheme and a leading "www.": a site that moves to https (or drops "www.") gives
// every item a new link, and a feed whose guids are its links new guids as well, for the same articles.
import type { Item, SentItemRef } from '../types.js';

export interface SentItems {
  keys: ReadonlySet<string>;
  /** `sameArticle` of each sent item that has a link and a title, of whichever feed */
  articles: ReadonlySet<string>;
}

export function sentItems(refs: readonly SentItemRef[]): SentItems {
  const keys = new Set<string>();
  const articles = new Set<string>();
  for (const r of refs) {
    keys.add(`${r.feed}:${r.guid}`);
    if (r.link && r.title) articles.add(sameArticle(r.link, r.title));
  }
  return { keys, articles };
}

/** How the item was sent before: under its key, or under another id with its link and title; null: not sent. */
export function sentAs(item: Item, sent: SentItems): 'key' | 'link and title' | null {
  if (sent.keys.has(item.key)) return 'key';
  if (item.canonicalUrl && sent.articles.has(sameArticle(item.canonicalUrl, item.title))) return 'link and title';
  return null;
}

/** The same for an item of an edition as `digest.json` records it (its link, as the story lists it). */
export function refSentAs(ref: { feed: string; guid: string; url: string | null; title: string }, sent: SentItems): 'key' | 'link and title' | null {
  if (sent.keys.has(`${ref.feed}:${ref.guid}`)) return 'key';
  if (ref.url && sent.articles.has(sameArticle(ref.url, ref.title))) return 'link and title';
  return null;
}

/** Canonical link and title (case and spacing aside) as one string. */
function sameArticle(link: string, title: string): string {
  return `${samePage(link)}\n${title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** A canonical link without what a site's move to https or off "www." changes: its scheme and a leading "www.". */
function samePage(link: string): string {
  return link.replace(/^https?:\/\/(?:www\.)?/i, '//');
}
