// rss-parser, set up for our reading of the feed: it parses the XML (via xml2js) and finds the channel and items;
// we keep the raw elements it copies for us (customFields with keepArray) and read them ourselves.
import Parser from 'rss-parser';

// Elements renamed while parsing: date elements get one name whatever their prefix (atom:updated, a10:updated,
// dcterms:modified…), and rss-parser no longer sees Atom <published>/<updated>, whose bad values make it throw.
const DATE_LOCALS = new Set(['published', 'updated', 'issued', 'modified', 'created']);
// Body elements are renamed too: rss-parser would otherwise strip and decode every body into a "snippet" we never
// use (the largest part of its own work after XML parsing); we read the bodies ourselves.
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
  if (name === 'RDF' || name.endsWith(':RDF')) return 'rdf:RDF'; // rss-parser looks for this exact name
  const body = BODIES[name];
  if (body) return body;
  if (name === 'pubDate' || name === 'dc:date') return `rawdate-${name === 'pubDate' ? 'pubDate' : 'date'}`;
  const local = name.slice(name.indexOf(':') + 1);
  if (DATE_LOCALS.has(local)) return `rawdate-${local}`;
  return name;
}

export const DATE_FIELDS = ['pubDate', 'published', 'date', 'issued', 'created', 'updated', 'modified'].map((n) => `rawdate-${n}`);
const keep = (from: string, to = `raw:${from}`) => [from, to, { keepArray: true }];
const ITEM_FIELDS = [
  ...['title', 'dc:title', 'media:title', 'itunes:title', 'link', 'atom:link', 'guid', 'id', ...Object.values(BODIES), 'author', 'dc:creator', 'category', 'dc:subject'].map((f) => keep(f)),
  ...DATE_FIELDS.map((f) => keep(f)),
  keep('$', 'raw:attrs'),
];
const FEED_FIELDS = ['title', 'dc:title', 'link', 'atom:link'].map((f) => keep(f)).concat([keep('$', 'raw:attrs')]);

export type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** element list as objects: an empty element is a string in xml2js, and on a string `x.link` is String.prototype.link */
function objects(list: unknown): Obj[] {
  if (!Array.isArray(list)) return [];
  return list.every(isObj) ? list : list.map((n) => (isObj(n) ? n : {}));
}

/** text-only <link> elements get an (empty) attribute map: rss-parser's Atom reader reads link.$.rel */
const hasAttrs = (n: unknown) => isObj(n) && isObj(n.$);

function linksWithAttrs(list: unknown): unknown {
  if (!Array.isArray(list) || list.every(hasAttrs)) return list;
  return list.map((n) => (hasAttrs(n) ? n : { _: typeof n === 'string' ? n : '', $: {} }));
}

/**
 * Reshape what xml2js produced into what rss-parser can read without throwing: <rss> gets a version it knows and a
 * <channel> (items written straight under <rss> move into it), RSS 1.0 gets a <channel>, empty entries/items become
 * objects. Done on the parsed tree, between xml2js and rss-parser's feed building.
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

const STOP = new Error('parse stopped at the first XML error');

// Parsers are reused (xml2js resets itself on every parseString, and parsing is synchronous), one per prefix.
const parsers = new Map<string, Parser>();

export function parserFor(stripPrefix: string): Parser {
  let parser = parsers.get(stripPrefix);
  if (!parser) {
    if (parsers.size > 20) parsers.clear(); // prefixes come from documents: keep the cache small
    parser = makeParser(stripPrefix);
    parsers.set(stripPrefix, parser);
  }
  return parser;
}

function makeParser(stripPrefix: string): Parser {
  const prefix = stripPrefix ? `${stripPrefix}:` : '';
  const tagNameProcessors = [(name: string) => renameTagCached(prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name)];
  const options = { xml2js: { tagNameProcessors }, customFields: { item: ITEM_FIELDS, feed: FEED_FIELDS } };
  const parser = new Parser(options as unknown as Parser.ParserOptions<Obj, Obj>);
  // rss-parser keeps its xml2js parser in `xmlParser` and builds the feed in the callback; slip reshape() in between.
  // (rss-parser 3.x; the tests on empty entries, bare <rss> and RDF without <channel> fail if this stops working.)
  const xmlParser = (parser as unknown as { xmlParser: { parseString(xml: string, cb: (err: unknown, result: unknown) => void): void } }).xmlParser;
  // On the first XML error, the error is passed on and then STOP thrown: sax would otherwise go on scanning the rest
  // of the document, building an Error for every bad character (seconds on a hostile megabyte). The throw unwinds
  // through xml2js into rss-parser's promise executor, which has already been rejected with the real error.
  const parseString = xmlParser.parseString.bind(xmlParser);
  xmlParser.parseString = (xml, cb) =>
    parseString(xml, (err, result) => {
      if (!err) return cb(null, reshape(result));
      cb(err, result);
      throw STOP;
    });
  return parser;
}
