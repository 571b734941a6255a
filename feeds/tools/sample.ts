// Reads the bundled sample feeds and their answer key (labels.json) into plain records, with
// independent parsers (rss-parser, sax), so checks of the sample do not depend on Roundup's own parser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHTML } from 'entities';
import iconv from 'iconv-lite';
import Parser from 'rss-parser';
import { parse as parseYaml } from 'yaml';

export const FEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CONFIG_PATH = path.join(FEEDS_DIR, 'example.config.yaml');
export const LABELS_PATH = path.join(FEEDS_DIR, 'labels.json');
/** the clock of the sample edition (`npm start`) */
export const SAMPLE_NOW = '2026-11-23T07:00:00+02:00';

export type Expect = 'in' | 'outside-window' | 'out-of-scope' | 'duplicate';
export type ThemeLabel = 'arms' | 'talks' | 'home' | 'other' | null;
export interface Label {
  event: string | null;
  expect: Expect;
  theme: ThemeLabel;
}
/** key: `${feedId}:${guid}` */
export type Labels = Record<string, Label>;

export interface SampleFeedRef {
  id: string;
  name: string;
  /** absolute path */
  file: string;
}

export interface SampleItem {
  feed: string;
  guid: string;
  link: string;
  title: string;
  /** date as written in the feed */
  dateText: string;
  /** ISO 8601 UTC */
  published: string;
  /** the body as the feed gives it (HTML or plain text) */
  body: string;
}

export function loadLabels(): Labels {
  return JSON.parse(readFileSync(LABELS_PATH, 'utf8')) as Labels;
}

export function sampleFeeds(): SampleFeedRef[] {
  const config = parseYaml(readFileSync(CONFIG_PATH, 'utf8')) as { feeds: { id: string; name: string; path: string }[] };
  return config.feeds.map((f) => ({ id: f.id, name: f.name, file: path.resolve(FEEDS_DIR, f.path) }));
}

/** The XML declaration's encoding, read from the raw bytes (it is ASCII in every encoding we ship). */
export function declaredEncoding(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 200).toString('latin1');
  return /^<\?xml[^>]*\bencoding=["']([^"']+)["']/.exec(head)?.[1] ?? null;
}

/** Text of a feed file, decoded as its XML declaration says (UTF-8 when it says nothing). */
export function readFeedText(file: string): string {
  const bytes = readFileSync(file);
  const encoding = file.endsWith('.json') ? 'utf-8' : (declaredEncoding(bytes) ?? 'utf-8');
  return iconv.decode(bytes, encoding);
}

interface SaxParser {
  onerror: (err: Error) => void;
  write(text: string): SaxParser;
  close(): SaxParser;
}
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean, opts?: object): SaxParser };

/** null when the XML is well-formed, else the parser's first complaint. */
export function wellFormednessError(xml: string): string | null {
  const parser = sax.parser(true, { xmlns: true });
  let first: string | null = null;
  parser.onerror = (err) => {
    first ??= err.message.replace(/\s+/g, ' ').trim();
    throw err; // sax keeps going after an error unless told to stop
  };
  try {
    parser.write(xml).close();
  } catch {
    // reported through `first`
  }
  return first;
}

interface JsonFeedItem {
  id: string;
  url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  date_published?: string;
}

/** Every item of one sample feed, read with rss-parser (XML) or JSON.parse (JSON Feed). */
export async function readSampleItems(feed: SampleFeedRef): Promise<SampleItem[]> {
  const text = readFeedText(feed.file);
  if (feed.file.endsWith('.json')) {
    const json = JSON.parse(text) as { items: JsonFeedItem[] };
    return json.items.map((it) => ({
      feed: feed.id,
      guid: it.id,
      link: it.url ?? '',
      title: it.title ?? '',
      dateText: it.date_published ?? '',
      published: new Date(it.date_published ?? NaN).toISOString(),
      body: it.content_html ?? it.content_text ?? '',
    }));
  }
  type Extra = { id?: string; 'rdf:about'?: string; 'dc:date'?: string; 'content:encoded'?: string; description?: string };
  const parser = new Parser<object, Extra>({ customFields: { item: ['id', 'content:encoded', 'description'] } });
  // rss-parser trusts the declaration; the text is already decoded, so declare what it now is
  const parsed = await parser.parseString(text.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-8"?>'));
  return parsed.items.map((it) => ({
    feed: feed.id,
    guid: it.guid ?? it.id ?? it['rdf:about'] ?? '', // RSS 1.0 items are named by rdf:about
    link: it.link ?? '',
    title: it.title ?? '',
    dateText: it.pubDate ?? it['dc:date'] ?? '',
    published: new Date(it.isoDate ?? it.pubDate ?? it['dc:date'] ?? NaN).toISOString(),
    body: it['content:encoded'] ?? it.content ?? it.description ?? '',
  }));
}

export async function readAllSampleItems(): Promise<SampleItem[]> {
  const lists = await Promise.all(sampleFeeds().map(readSampleItems));
  return lists.flat();
}

export const keyOf = (item: { feed: string; guid: string }) => `${item.feed}:${item.guid}`;

// ---------- body text, for size checks ----------

// Lines that are page furniture in the sample feeds (share/follow lines, bylines, "Read more" …).
const FURNITURE_LINE =
  /^(share( this( article)?)?:|follow |sign up|read more|related:|more from |reporting by|by [A-Z]|updated \d|читайте також|фото:|republished|policy notes is published|we will update|the post .* appeared first on)/i;

/** The article's own words: tags, teaser blocks and furniture lines removed, entities decoded. */
export function coreText(body: string): string {
  const html = body.replace(/<div class="more-from">[\s\S]*?<\/div>|<figure>[\s\S]*?<\/figure>/g, '');
  const text = decodeHTML(html.replace(/<\/(p|li|h\d|div)>|<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ' '));
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '' && !FURNITURE_LINE.test(line))
    .join('\n');
}

export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}’'.,-]*/gu) ?? []).length;
}
