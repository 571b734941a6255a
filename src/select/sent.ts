// What already went out, to be left out of later editions. An item is known by its key (`feed:guid`). A feed that
// gives its items new ids (a new CMS, guids moving from http:// to https://, a guid shared by several articles and
// then no longer: src/parse/identity.ts) would bring them back under new keys, so an item with the same canonical
// link and the same title as a sent one is sent too, whichever feed brings it: one article reaches a digest through
// several of its feeds (a section's and "top stories", the outlet's own and an aggregator's), and the copy that turns
// up in the other feed a week later is the article the reader already had. The title is part of it because some
// feeds link many items to one page (their home page, a live page): by the link alone, their new items would be left out.
// A link and a title are not enough either when the texts are known and share nothing: a page may give one headline to
// a new article every day or week ("Ukraine war: what we know" on a live page), each under its own guid.
// A key is not enough when the article under it is plainly another: some feeds do not keep a guid to one article (a
// feed of one item whose guid is the site's home page, a CMS whose new database numbers its posts from 1 again), so
// an item under a sent key whose link and title both differ from the sent one's is new. One that keeps either (a
// corrected headline, a changed slug) is the article the reader already had.
// A link is compared without its scheme and a leading "www.": a site that moves to https (or drops "www.") gives
// every item a new link, and a feed whose guids are its links new guids as well, for the same articles.
// Three more ways the same article comes back, each the reader's second copy:
// - under its own link with a new id and its headline edited (a typo fixed, a sharper headline; the CMS gave it a new
//   guid): the link names the article. As NewsBlur does (title SequenceMatcher ≥ 0.75 with the permalink the same),
//   and unlike Miniflux and rss2email, which key on the guid alone and send an edited headline under a new guid again
//   (miniflux/v2#3120, #2358), it is already sent when the headlines are close: most of their words the same. A
//   headline about another event under the same link (a site's home page or a live page several items share, a
//   one-item alert feed) shares few words, and goes out. So does a series' next part under the page they all share
//   ("Day 1001 of the war: what we know", "Day 1008 …"): headlines that differ in their numbers are two articles unless
//   their texts are one (a death toll corrected in the headline alone). FreshRSS's "updated article" (the same guid, new content)
//   is already sent by its key here: a digest does not send an article twice because it was edited.
// - under another outlet's link with the same headline and text: a wire story (AP, Reuters) printed by both
//   (./opening.ts: what the text opens with and its first sentences, recorded as each item is seen; one sentence in
//   common is enough, as the second outlet may rewrite the lede or the story be a few lines long).
// - under a redirector's link (a Google News article link, an opaque short link), which names no page: with the
//   sent article's headline, it is that article, unless both texts are known and share nothing: a generic headline
//   ("Ukraine war: what we know") is given to many articles.
import type { Item, SentItemRef } from '../types.js';
import { canonicalUrl } from '../parse/index.js';
import { openingOf, sameText, sentencesOf, type TextPrint } from './opening.js';
import { tokenize } from '../text/tokens.js';

/** What a sent item was, to tell it from another article given its id later: its page and its title, when known. */
interface SentUnder {
  page: string | null;
  title: string | null;
  /** what its text was, when the first-seen record knows it */
  text: TextPrint | null;
}

export interface SentItems {
  /** each sent key (`feed:guid`), with what went out under it */
  keys: ReadonlyMap<string, readonly SentUnder[]>;
  /** `sameArticle` of each sent item that has a link and a title, of whichever feed, with what was sent under it */
  articles: ReadonlyMap<string, readonly SentUnder[]>;
  /** each sent article's page (samePage, not a site's home page nor a redirector's), with what was sent under it */
  pages: ReadonlyMap<string, readonly SentUnder[]>;
  /** `sameTitle` of each sent item, with what was sent under it */
  titles: ReadonlyMap<string, readonly SentUnder[]>;
}

/** How an item was sent before; null: not sent. */
export type SentAs = 'key' | 'link and title' | 'link' | 'title and text' | 'title';

/** Why an item is already sent, as the edition's `excluded` says it. */
export const SENT_DETAIL: Record<SentAs, string> = {
  key: 'in an edition already sent',
  'link and title': 'in an edition already sent, under another id (same link and title)',
  link: 'in an edition already sent, under another id (same link, its headline edited)',
  'title and text': 'in an edition already sent, under another link (same headline and text: a wire story)',
  title: 'in an edition already sent, under a redirect link (same headline)',
};

/**
 * What went out: `refs` from the store, and `textOf(key)`, what a sent item's text was when it was seen (the
 * first-seen record), for the wire-story rule and to tell articles with close or generic headlines apart.
 */
export function sentItems(refs: readonly SentItemRef[], textOf?: (key: string) => TextPrint | null | undefined): SentItems {
  const keys = new Map<string, SentUnder[]>();
  const articles = new Map<string, SentUnder[]>();
  const pages = new Map<string, SentUnder[]>();
  const titles = new Map<string, SentUnder[]>();
  const add = (map: Map<string, SentUnder[]>, at: string, under: SentUnder) => map.set(at, [...(map.get(at) ?? []), under]);
  for (const r of refs) {
    const key = `${r.feed}:${r.guid}`;
    const under = { page: r.link ? samePage(r.link) : null, title: r.title ? sameTitle(r.title) : null, text: textOf?.(key) ?? null };
    add(keys, key, under);
    if (r.link && r.title) add(articles, sameArticle(r.link, r.title), under);
    if (under.page && under.title && namesArticle(r.link!)) add(pages, under.page, under);
    if (under.title) add(titles, under.title, under);
  }
  return { keys, articles, pages, titles };
}

/** How the item was sent before (see SentAs); null: not sent. */
export function sentAs(item: Item, sent: SentItems): SentAs | null {
  const text = { opening: openingOf(item.text), sentences: sentencesOf(item.title, item.text) };
  const known = sentAsRef(item.key, item.canonicalUrl, item.title, sent, text);
  if (known) return known;
  const underTitle = sent.titles.get(sameTitle(item.title)) ?? [];
  if (underTitle.some((u) => sameText(u.text, text) === true)) return 'title and text';
  if (item.canonicalUrl && isRedirect(item.canonicalUrl) && underTitle.some((u) => sameText(u.text, text) !== false)) return 'title';
  return null;
}

/** The same for an item of an edition as `digest.json` records it (its link, as the story lists it). */
export function refSentAs(
  ref: { feed: string; guid: string; url: string | null; title: string },
  sent: SentItems,
  textOf?: (key: string) => TextPrint | null | undefined,
): SentAs | null {
  const key = `${ref.feed}:${ref.guid}`;
  return sentAsRef(key, ref.url ? canonicalUrl(ref.url) : null, ref.title, sent, textOf?.(key) ?? undefined);
}

function sentAsRef(key: string, link: string | null, title: string, sent: SentItems, text?: TextPrint): SentAs | null {
  const under = sent.keys.get(key);
  if (under && under.some((u) => !otherArticle(u, link, title))) return 'key';
  // unless the texts tell two articles: a headline a page gives every week ("Ukraine war: what we know" on a live page)
  if (link && sent.articles.get(sameArticle(link, title))?.some((u) => sameText(u.text, text) !== false)) return 'link and title';
  const onPage = link && namesArticle(link) ? sent.pages.get(samePage(link)) : undefined;
  if (onPage && onPage.some((u) => editedHeadline(u.title!, u.text, title, text))) return 'link';
  return null;
}

/**
 * Two headlines of one article under one link, as a corrected or sharpened headline keeps it: close (closeTitles),
 * and the same numbers unless the texts are one article's (a series' "Day 1001" and "Day 1008" are two); never when
 * both texts are known and share nothing (a headline a page gives every week over new text).
 */
export function editedHeadline(a: string, aText: TextPrint | null | undefined, b: string, bText: TextPrint | null | undefined): boolean {
  const texts = sameText(aText, bText);
  return texts !== false && closeTitles(sameTitle(a), sameTitle(b)) && (sameNumbers(a, b) || texts === true);
}

/** Whether two headlines carry the same numbers: a series' parts ("Day 1001", "Day 1008") differ in theirs. */
function sameNumbers(a: string, b: string): boolean {
  const numbers = (t: string) => tokenize(t).words.filter((w) => /^\p{N}+$/u.test(w)).sort().join(' ');
  return numbers(a) === numbers(b);
}

/**
 * Two headlines of one article: most of their words the same (Dice coefficient of their word sets ≥ 0.6), as a
 * corrected or sharpened headline keeps them; another event's headline shares a few common words at most.
 */
export function closeTitles(a: string, b: string): boolean {
  const wa = new Set(tokenize(a).words);
  const wb = new Set(tokenize(b).words);
  if (wa.size === 0 || wb.size === 0) return false;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size) >= 0.6;
}

/** Hosts whose links only lead elsewhere, and name no article by themselves (Google News, short links). */
const REDIRECT_HOSTS = /^(?:news\.google\.com|feedproxy\.google\.com|t\.co|bit\.ly|ow\.ly|buff\.ly|dlvr\.it|trib\.al|lnkd\.in|tinyurl\.com|goo\.gl|flip\.it|apple\.news|smarturl\.it|shorturl\.at|rebrand\.ly|cutt\.ly)$/i;

/** A redirector's link: it names no page of its own (the target is not in it, or is read by samePage). */
export function isRedirect(link: string): boolean {
  try {
    const u = new URL(link);
    return REDIRECT_HOSTS.test(u.hostname.replace(/^www\./i, '')) || redirectTarget(u) !== null;
  } catch {
    return false;
  }
}

/** A link that names one article's page: not a site's home page, not a redirector's link. */
function namesArticle(link: string): boolean {
  try {
    const u = new URL(link);
    return u.pathname.replace(/\/+$/, '') !== '' && !isRedirect(link);
  } catch {
    return false;
  }
}

/** The address a redirector's link carries in its query (Google's /url?q=, Facebook's l.php?u=, Bing's apiclick url=). */
function redirectTarget(u: URL): string | null {
  const host = u.hostname.replace(/^www\./i, '');
  const param =
    /^google\.[a-z.]+$/i.test(host) && u.pathname === '/url' ? (u.searchParams.get('url') ?? u.searchParams.get('q')) :
    /^l[m]?\.facebook\.com$/i.test(host) && u.pathname === '/l.php' ? u.searchParams.get('u') :
    host === 'bing.com' && /\/apiclick\.aspx$/i.test(u.pathname) ? u.searchParams.get('url') :
    null;
  return param && /^https?:\/\//i.test(param) ? param : null;
}

/** An item under a sent key is another article when its link and its title both differ from what went out. */
function otherArticle(sent: SentUnder, link: string | null, title: string): boolean {
  if (!sent.page || !sent.title || !link) return false;
  return samePage(link) !== sent.page && sameTitle(title) !== sent.title;
}

/** Canonical link and title (case and spacing aside) as one string. */
function sameArticle(link: string, title: string): string {
  return `${samePage(link)}\n${sameTitle(title)}`;
}

/** A title with case and spacing aside. */
export function sameTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A canonical link without what a site's move to https or off "www." changes (its scheme, a leading "www."), and
 * without what makes it the article's AMP copy: an "amp." host, an "amp" path segment, ".amp" before the extension,
 * an amp, amp=1 or outputType=amp parameter. A title must match as well, so an "amp" that is no AMP costs nothing.
 */
export function samePage(link: string): string {
  let u: URL;
  try {
    u = new URL(link);
  } catch {
    return link;
  }
  const target = redirectTarget(u);
  if (target) return samePage(target);
  const host = u.hostname.replace(/^(?:www\.|amp\.)+/i, '');
  const path = u.pathname
    .split('/')
    .filter((segment) => segment.toLowerCase() !== 'amp')
    .join('/')
    .replace(/\.amp(\.html?)?$/i, '$1');
  for (const [key, value] of [...u.searchParams]) {
    if (/^amp$/i.test(key) || (/^(?:output|outputType)$/i.test(key) && /^amp$/i.test(value))) u.searchParams.delete(key);
  }
  const port = u.port ? `:${u.port}` : '';
  return `//${host}${port}${path.replace(/\/+$/, '') || '/'}${u.search === '?' ? '' : u.search}`;
}
