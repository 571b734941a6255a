// Feed XML to a tree (xml2js over sax, the parser rss-parser 3 wraps, at the version it pins), then the channel,
// the items and the raw elements we read picked out of it. The choice of reader for the root and its errors for a
// document it cannot read are rss-parser's (our tests and the corpus were written against it), but parsing is
// synchronous and builds none of the ~40 fields per item, content snippets and promise that rss-parser's feed
// building costs: as much as all our own reading.
import xml2js from 'xml2js';

// Elements renamed while parsing: date elements get one name whatever their prefix (atom:updated, a10:updated,
// dcterms:modified…), so the items' date fields are found under one key each.
const DATE_LOCALS = new Set(['published', 'updated', 'issued', 'modified', 'created']);
// Body elements are renamed too: xml-feed.ts reads them as `raw:body-*` (once so that rss-parser would not turn
// every body into a snippet we never used).
const BODIES: Record<string, string> = { description: 'body-description', 'content:encoded': 'body-encoded', content: 'body-content', summary: 'body-summary' };

const renamed = new Map<string, string>();

/** renameTag, memoised: documents repeat a handful of element names thousands of times */
function renameTagCached(name: string): string {
  let out = renamed.get(name);
  if (out === undefined) {
    if (renamed.size > 5000) renamed.clear();
    out = renameTag(name);
    renamed.set(name, out);
  }
  return out;
}

function renameTag(name: string): string {
  if (name === 'RDF' || name.endsWith(':RDF')) return 'rdf:RDF'; // the one name readTree looks for
  const body = BODIES[name];
  if (body) return body;
  if (name === 'pubDate' || name === 'dc:date') return `rawdate-${name === 'pubDate' ? 'pubDate' : 'date'}`;
  const local = name.slice(name.indexOf(':') + 1);
  if (DATE_LOCALS.has(local)) return `rawdate-${local}`;
  return name;
}

/** a podcast's or a video's own words for an item that has no body: iTunes, Media RSS (also inside <media:group>) */
export const MEDIA_TEXTS = ['itunes:summary', 'media:description', 'itunes:subtitle'];
export const DATE_FIELDS = ['pubDate', 'published', 'date', 'issued', 'created', 'updated', 'modified'].map((n) => `rawdate-${n}`);
/** [element name in the tree, key we read it under]: the raw element lists, kept whole */
type Field = readonly [string, string];
const keep = (from: string, to = `raw:${from}`): Field => [from, to];
const ITEM_FIELDS = new Map([
  ...['title', 'dc:title', 'media:title', 'itunes:title', 'link', 'atom:link', 'guid', 'id', ...Object.values(BODIES), 'author', 'dc:creator', 'category', 'dc:subject', 'source', 'feedburner:origLink', ...MEDIA_TEXTS, 'media:group'].map((f) => keep(f)),
  ...DATE_FIELDS.map((f) => keep(f)),
  keep('$', 'raw:attrs'),
]);
const FEED_FIELDS = new Map(['title', 'dc:title', 'link', 'atom:link', 'language', 'dc:language'].map((f) => keep(f)).concat([keep('$', 'raw:attrs')]));

export type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** element list as objects: an empty element is a string in xml2js, and on a string `x.link` is String.prototype.link */
function objects(list: unknown): Obj[] {
  if (!Array.isArray(list)) return [];
  return list.every(isObj) ? list : list.map((n) => (isObj(n) ? n : {}));
}

/** text-only <link> elements get an (empty) attribute map, as every other <link> has one */
const hasAttrs = (n: unknown) => isObj(n) && isObj(n.$);

function linksWithAttrs(list: unknown): unknown {
  if (!Array.isArray(list) || list.every(hasAttrs)) return list;
  return list.map((n) => (hasAttrs(n) ? n : { _: typeof n === 'string' ? n : '', $: {} }));
}

/**
 * Reshape what xml2js produced into what readTree reads: <rss> gets a version it knows and a <channel> (items
 * written straight under <rss> move into it), RSS 1.0 gets a <channel>, empty entries/items become objects. These
 * are the shapes rss-parser alone rejected or threw on.
 */
function reshape(result: unknown): unknown {
  if (!isObj(result)) return result;
  if ('feed' in result) {
    const feed = isObj(result.feed) ? result.feed : {};
    feed.link = linksWithAttrs(feed.link);
    if (feed.entry !== undefined) {
      feed.entry = objects(feed.entry);
      for (const e of feed.entry as Obj[]) if (e.link !== undefined) e.link = linksWithAttrs(e.link);
    }
    result.feed = feed;
  } else if ('rss' in result) {
    const rss = isObj(result.rss) ? result.rss : {};
    const attrs = isObj(rss.$) ? rss.$ : {};
    if (!/^2|0\.9/.test(String(attrs.version ?? '').trim())) rss.$ = { ...attrs, version: '2.0' };
    if (!Array.isArray(rss.channel)) {
      const { $: _a, ...children } = rss;
      rss.channel = [children];
    }
    rss.channel = objects(rss.channel);
    for (const c of rss.channel as Obj[]) if (c.item !== undefined) c.item = objects(c.item);
    result.rss = rss;
  } else if ('rdf:RDF' in result) {
    const rdf = isObj(result['rdf:RDF']) ? result['rdf:RDF'] : {};
    rdf.channel = Array.isArray(rdf.channel) ? objects(rdf.channel) : [{}];
    if (rdf.item !== undefined) rdf.item = objects(rdf.item);
    result['rdf:RDF'] = rdf;
  }
  return result;
}

/** the listed elements of one tree node, under the keys we read (whole element lists, as xml2js made them) */
function pick(node: Obj, fields: ReadonlyMap<string, string>): Obj {
  const out: Obj = {};
  // a node has a handful of children: walking them beats looking up each of the ~20 fields we might want
  for (const from in node) {
    const to = fields.get(from);
    if (to === undefined) continue;
    const value = node[from];
    if (value === undefined) continue;
    // a value whose `_` is text is read as that text (only ever true of an attribute map with "_"), as rss-parser did
    out[to] = isObj(value) && typeof value._ === 'string' ? value._ : value;
  }
  return out;
}

/** feed-level elements and items, as `{ 'raw:title': […], …, items: [{ 'raw:title': […], … }] }` */
function feedOf(channel: Obj, items: unknown): Obj {
  const feed = pick(channel, FEED_FIELDS);
  feed.items = Array.isArray(items) ? (items as Obj[]).map((item) => pick(item, ITEM_FIELDS)) : [];
  return feed;
}

/** the reader for a parsed document by its root (as rss-parser 3 chose it), with rss-parser's errors for what it cannot read */
function readTree(result: unknown): Obj {
  if (!result) throw new Error('Unable to parse XML.');
  const tree = result as Obj;
  if (tree.feed) {
    const feed = tree.feed as Obj;
    return feedOf(feed, feed.entry);
  }
  const rss = tree.rss as Obj | undefined;
  const version = rss && isObj(rss.$) && typeof rss.$.version === 'string' ? rss.$.version : '';
  if (rss && /^2/.test(version)) return feedOf((rss.channel as Obj[])[0], (rss.channel as Obj[])[0].item);
  const rdf = tree['rdf:RDF'] as Obj | undefined;
  if (rdf) return feedOf((rdf.channel as Obj[])[0], rdf.item);
  if (rss && /0\.9/.test(version)) return feedOf((rss.channel as Obj[])[0], (rss.channel as Obj[])[0].item);
  throw new Error('Feed not recognized as RSS 1 or 2.');
}

const STOP = new Error('parse stopped at the first XML error');

// Parsers are reused (xml2js resets itself on every parseString, and parsing is synchronous), one per prefix.
const parsers = new Map<string, xml2js.Parser>();

function parserFor(stripPrefix: string): xml2js.Parser {
  let parser = parsers.get(stripPrefix);
  if (!parser) {
    if (parsers.size > 20) parsers.clear(); // prefixes come from documents: keep the cache small
    parser = makeParser(stripPrefix);
    parsers.set(stripPrefix, parser);
  }
  return parser;
}

/** xml2js with its default options (arrays for every element, text in `_`, attributes in `$`) and our renaming */
function makeParser(stripPrefix: string): xml2js.Parser {
  const prefix = stripPrefix ? `${stripPrefix}:` : '';
  const tagNameProcessors = [prefix ? (name: string) => renameTagCached(name.startsWith(prefix) ? name.slice(prefix.length) : name) : renameTagCached];
  return new xml2js.Parser({ tagNameProcessors });
}

/**
 * Parse feed XML into the raw elements we read. Synchronous: xml2js calls back before parseString returns.
 * Throws sax's error (with "Line:"/"Column:") for malformed XML, or readTree's message for a tree it cannot read.
 */
export function parseFeedXml(xml: string, stripPrefix: string): Obj {
  let outcome: { err: unknown; result: unknown } | undefined;
  try {
    parserFor(stripPrefix).parseString(xml, (err: unknown, result: unknown) => {
      outcome = { err, result };
      // On the first XML error, STOP is thrown: sax would otherwise go on scanning the rest of the document, building
      // an Error for every bad character (seconds on a hostile megabyte). It unwinds through sax and xml2js to here.
      if (err) throw STOP;
    });
  } catch (e) {
    if (e !== STOP && !outcome) throw e;
  }
  if (!outcome) throw new Error('Unable to parse XML.');
  if (outcome.err) throw outcome.err;
  return readTree(reshape(outcome.result));
}
