// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0: repaired text → XML tree (xml-tree.ts) → our own reading of the
// raw elements (xml:base, Atom text types, every date element and link, which rss-parser's fields dropped).
import type { ParsedFeed } from '../types.js';
import { resolveHttpUrl } from './canonical.js';
import { balanceTags, describeRepairs, escapeInlineMarkup, repairXml, unnestCdata } from './xml-repair.js';
import { firstStartTag } from './sniff.js';
import { languageTag, plainText } from './text.js';
import { buildItem, type RawItem } from './item.js';
import { DATE_FIELDS, MEDIA_TEXTS, parseFeedXml } from './xml-tree.js';
import { attrs, contentOf, first, hasChildren, textOf, type XList, type XNode } from './xml-nodes.js';

export type XmlFormat = 'rss' | 'rdf' | 'atom';

function withBase(base: string | null, node: XNode | Record<string, string> | undefined): string | null {
  const xmlBase = node && typeof node === 'object' ? ((node as Record<string, unknown>)['xml:base'] ?? attrs(node as XNode)['xml:base']) : undefined;
  if (typeof xmlBase !== 'string' || !xmlBase.trim()) return base;
  return resolveHttpUrl(xmlBase, base) ?? base;
}

/** the page link among <link> elements: Atom rel=alternate (HTML preferred), else RSS link text */
function pickLink(list: XList, base: string | null): string | null {
  // Array check matters: on an empty <channel/> (a string), xml["link"] is String.prototype.link
  if (!Array.isArray(list) || !list.length) return null;
  // the usual RSS case, one <link> with text and no attributes, needs none of the choosing below
  if (list.length === 1 && typeof list[0] === 'string') return resolveHttpUrl(list[0].trim(), base);
  const candidates = list.map((node) => {
    const a = attrs(node);
    const href = a.href ?? textOf(node);
    return { rel: (a.rel ?? 'alternate').trim().toLowerCase(), type: (a.type ?? '').toLowerCase(), href: href.trim(), base: withBase(base, a) };
  });
  const alternates = candidates.filter((c) => c.href && c.rel === 'alternate');
  const best = alternates.find((c) => !c.type || c.type.includes('html')) ?? alternates[0];
  return best ? resolveHttpUrl(best.href, best.base) : null;
}

function authorOf(item: Record<string, unknown>): string | null {
  for (const key of ['raw:author', 'raw:dc:creator']) {
    const node = first(item[key]);
    if (!node) continue;
    const name = typeof node === 'object' && Array.isArray(node.name) ? textOf(node.name[0] as XNode) : textOf(node);
    const text = plainText(name);
    if (text) return text;
  }
  return null;
}

function categoriesOf(item: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['raw:category', 'raw:dc:subject']) {
    const list = item[key];
    if (!Array.isArray(list)) continue;
    for (const node of list as XNode[]) {
      const a = attrs(node);
      const text = plainText(textOf(node) || a.label || a.term || '');
      if (text && !out.includes(text)) out.push(text);
    }
  }
  return out;
}

const RAW_DATE_KEYS = DATE_FIELDS.map((key) => `raw:${key}`);

function dateOf(item: Record<string, unknown>): string | null {
  for (const key of RAW_DATE_KEYS) {
    const text = textOf(first(item[key])).trim();
    if (text) return text;
  }
  return null;
}

function guidOf(item: Record<string, unknown>, format: XmlFormat): { guid: string | null; permalink: boolean } {
  const node = first(item['raw:guid']) ?? first(item['raw:id']);
  const text = textOf(node).trim();
  if (text) return { guid: text, permalink: (attrs(node).isPermaLink ?? 'true').toLowerCase() !== 'false' };
  const about = (item['raw:attrs'] as Record<string, string> | undefined)?.['rdf:about'];
  if (format === 'rdf' && about?.trim()) return { guid: about.trim(), permalink: false };
  return { guid: null, permalink: false };
}

const TITLE_FIELDS = ['raw:title', 'raw:dc:title', 'raw:media:title', 'raw:itunes:title'];
// the richest body first: content:encoded > Atom content > summary > description
const BODY_FIELDS = ['raw:body-encoded', 'raw:body-content', 'raw:body-summary', 'raw:body-description'];

// An item with none of those, as a podcast's (itunes:summary) or a YouTube channel's (media:group/media:description)
// often is: its words for the episode or video, which were left out and gave the item no text at all.
const MEDIA_TEXT_FIELDS = MEDIA_TEXTS.map((name) => `raw:${name}`);

/** the item's text from its podcast or Media RSS elements, in that order, inside <media:group> last */
function mediaText(item: Record<string, unknown>): XNode | undefined {
  const own = firstFilled(item, MEDIA_TEXT_FIELDS);
  if (own !== undefined) return own;
  const group = first(item['raw:media:group']);
  return group !== undefined && typeof group === 'object' ? firstFilled(group as Record<string, unknown>, ['media:description']) : undefined;
}

/** the first of these fields whose element has text or child elements */
function firstFilled(item: Record<string, unknown>, fields: string[]): XNode | undefined {
  for (const key of fields) {
    const node = first(item[key]);
    if (node !== undefined && (textOf(node).trim() || hasChildren(node))) return node;
  }
  return undefined;
}

/** an absolute http(s) URL, one without its scheme (//host/…), or a path from the site's root */
function looksLikeAddress(guid: string): boolean {
  return /^https?:\/\//i.test(guid) || guid.startsWith('/');
}

function rawItem(item: Record<string, unknown>, format: XmlFormat, feedBase: string | null): RawItem {
  const itemBase = withBase(feedBase, item['raw:attrs'] as Record<string, string> | undefined);
  const titleNode = firstFilled(item, TITLE_FIELDS);
  const { guid, permalink } = guidOf(item, format);
  // FeedBurner links each item to its feedproxy.google.com redirect and names the article's own address in
  // <feedburner:origLink>: that is the page, the link other feeds (and the site's own feed, later) give for it
  let link =
    resolveHttpUrl(textOf(first(item['raw:feedburner:origLink'])), itemBase) ??
    pickLink(item['raw:link'] as XList, itemBase) ??
    pickLink(item['raw:atom:link'] as XList, itemBase);
  // RSS: a permalink guid is the item's link, when it reads as an address; a bare "12345" or "post-7" (isPermaLink left
  // at its default) resolved against the feed made up a link to a page that does not exist
  if (!link && guid && permalink && looksLikeAddress(guid)) link = resolveHttpUrl(guid, itemBase);
  const body = firstFilled(item, BODY_FIELDS) ?? mediaText(item);
  return {
    guid,
    link,
    titleHtml: titleNode === undefined ? null : contentOf(titleNode),
    date: dateOf(item),
    html: body === undefined ? '' : contentOf(body).trim(),
    author: authorOf(item),
    categories: categoriesOf(item),
    source: sourceOf(item),
  };
}

/** RSS `<source url="…">Reuters</source>`, Atom `<source><title>Reuters</title></source>` */
function sourceOf(item: Record<string, unknown>): string | null {
  const node = first(item['raw:source']);
  if (!node) return null;
  const title = typeof node === 'object' && Array.isArray(node.title) ? (node.title[0] as XNode) : node;
  return plainText(textOf(title)) || null;
}

/** strict parse; when that fails, one retry with tags balanced (truncated or mis-nested documents) */
function parseLeniently(xml: string, prefix: string, found: Set<string>): Record<string, unknown> {
  try {
    return parseFeedXml(xml, prefix);
  } catch (strictError) {
    if (!(strictError instanceof Error) || strictError instanceof TypeError) throw strictError;
    const balanced = balanceTags(xml, found);
    if (balanced === xml) throw strictError;
    try {
      return parseFeedXml(balanced, prefix);
    } catch {
      throw strictError; // report what was wrong with the document as sent
    }
  }
}

/** the prefix bound to the format's own namespace when its elements are prefixed, else '' */
function primaryPrefix(xml: string, format: XmlFormat, rootPrefix: string): string {
  if (format === 'atom' || format === 'rss') return rootPrefix;
  if (format !== 'rdf') return '';
  const head = xml.slice(0, 8192);
  const m = /xmlns:([\w.-]+)\s*=\s*["'](?:http:\/\/purl\.org\/rss\/1\.0\/|http:\/\/(?:my|channel)\.netscape\.com\/rdf\/simple\/0\.9\/)["']/.exec(head);
  const hasDefault = /\sxmlns\s*=\s*["'](?:http:\/\/purl\.org\/rss\/1\.0\/|http:\/\/(?:my|channel)\.netscape\.com\/rdf\/simple\/0\.9\/)["']/.test(head);
  return m && !hasDefault ? m[1] : '';
}

/** base for relative links: the document URL (or the feed's own link when there is none), refined by xml:base */
function documentBase(rootAttrs: string | undefined, baseUrl: string | null): string | null {
  const xmlBase = rootAttrs ? /\sxml:base\s*=\s*["']([^"']*)["']/.exec(rootAttrs)?.[1] : undefined;
  return xmlBase ? (resolveHttpUrl(xmlBase, baseUrl) ?? baseUrl) : baseUrl;
}

export function parseXmlFeed(text: string, format: XmlFormat, rootPrefix: string, baseUrl: string | null): ParsedFeed {
  // what had to be repaired for a strict parser to read it, reported with the feed's status (nothing for valid XML)
  const found = new Set<string>();
  const xml = escapeInlineMarkup(repairXml(unnestCdata(text, found), found), found);
  const root = firstStartTag(xml);
  // Atom or RSS 1.0 elements written with a prefix (<atom:feed>, <rss:item>): strip it so xml-tree.ts finds them
  const feed = parseLeniently(xml, primaryPrefix(xml, format, rootPrefix), found);
  const docBase = documentBase(root?.attrs, baseUrl);
  const channelBase = withBase(docBase, feed['raw:attrs'] as Record<string, string> | undefined);
  const feedLink = pickLink(feed['raw:link'] as XList, channelBase) ?? pickLink(feed['raw:atom:link'] as XList, channelBase);
  // Base of item links: an explicit xml:base wins; then Atom uses the document URL, while RSS item links are relative
  // to the site (the channel link) more often than to the feed's own URL. Without either, the feed's link.
  const explicitBase = channelBase !== baseUrl;
  const itemBase = format === 'atom' || explicitBase ? (channelBase ?? feedLink) : (feedLink ?? channelBase);
  const titleNode = first(feed['raw:title']) ?? first(feed['raw:dc:title']);
  const items = Array.isArray(feed.items) ? (feed.items as Record<string, unknown>[]) : [];
  // RSS <language>, RSS 1.0 <dc:language>, Atom's xml:lang on <feed>
  const language = languageTag(
    textOf(first(feed['raw:language'])) || textOf(first(feed['raw:dc:language'])) || ((feed['raw:attrs'] as Record<string, string> | undefined)?.['xml:lang'] ?? ''),
  );
  return {
    title: titleNode === undefined ? null : plainText(contentOf(titleNode)) || null,
    link: feedLink,
    items: items.map((it) => buildItem(rawItem(it, format, itemBase))),
    ...(found.size > 0 ? { repaired: describeRepairs(found) } : {}),
    ...(language ? { language } : {}),
  };
}
