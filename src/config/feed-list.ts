// The config's feed list, edited as text: feeds added after the last entry and removed with their own lines, so the
// rest of the user's file (comments, blank lines, spacing) stays byte for byte as written. `digest feeds import`,
// `feeds add`, `feeds remove` and `digest init` all write feeds through here.
import { isMap, isSeq, parseDocument, stringify, type Document, type YAMLSeq } from 'yaml';
import { UserError } from '../errors.js';
import type { DigestConfig, FeedConfig } from '../types.js';
import { nameId, slug } from '../text/slug.js';

export interface NewFeed {
  name: string;
  url: string;
  /** a comment written on the line above the entry (why it was not checked, say) */
  note?: string;
}

/** An entry as written: `id` only when the one derived from the name would clash. */
export interface FeedEntry extends NewFeed {
  id?: string;
}

/**
 * The key two addresses of one feed share: scheme (http or https), host case, a default port, a fragment and
 * trailing slashes make no difference. Compared after redirects by callers that know where an address leads.
 */
export function feedUrlKey(url: string): string {
  const text = url.trim();
  if (!URL.canParse(text)) return text.replace(/\/+$/, '').toLowerCase();
  const u = new URL(text);
  u.hash = '';
  const port = u.port && !['80', '443'].includes(u.port) ? `:${u.port}` : '';
  return `//${u.hostname}${port}${u.pathname.replace(/\/+$/, '')}${u.search}`.toLowerCase();
}

/** The config's feed whose url is any of `urls` (as feedUrlKey compares them), with its index; null when none. */
export function feedWithUrl(feeds: readonly FeedConfig[], urls: readonly (string | null | undefined)[], knownAs: (f: FeedConfig) => string[] = (f) => [f.url ?? '']): { index: number; feed: FeedConfig } | null {
  const wanted = new Set(urls.filter((u): u is string => !!u).map(feedUrlKey));
  const index = feeds.findIndex((f) => f.url && knownAs(f).some((u) => wanted.has(feedUrlKey(u))));
  return index < 0 ? null : { index, feed: feeds[index] };
}

/**
 * The entries to write for `found`, after the feeds already listed: a feed already there (or twice in `found`) is
 * left out and counted; a name already taken gets " (2)"; an id derived from a name that would clash is written.
 */
export function newEntries(found: readonly NewFeed[], existing: readonly Pick<FeedConfig, 'id' | 'name' | 'url'>[]): { entries: FeedEntry[]; skipped: number } {
  const known = new Set(existing.map((f) => feedUrlKey(f.url ?? '')));
  const ids = new Set(existing.map((f) => f.id));
  const names = new Set(existing.map((f) => f.name));
  const entries: FeedEntry[] = [];
  let skipped = 0;
  for (const f of found) {
    const key = feedUrlKey(f.url);
    if (known.has(key)) {
      skipped++;
      continue;
    }
    known.add(key);
    let name = f.name;
    for (let n = 2; names.has(name); n++) name = `${f.name} (${n})`;
    names.add(name);
    // A derived id could clash with an existing one: give such a feed an explicit unique id. A name that gives no id,
    // not even transliterated (Greek, Arabic), derives only its place in the list ("feed-4"), which changes when a feed
    // above it is removed: such a feed is given an explicit id from its address's host, which stays.
    const derived = nameId(name);
    const base = derived || slug(hostOf(f.url)) || 'feed';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    entries.push({ ...f, name, ...(id === derived ? {} : { id }) });
  }
  return { entries, skipped };
}

/** Entries as block-list lines at `indent` (the column of their "-"), each note as a comment above its entry. */
export function entryLines(entries: readonly FeedEntry[], indent: string): string {
  return entries
    .map((e) => {
      const fields = [['name', e.name], ...(e.id ? [['id', e.id]] : []), ['url', e.url]];
      const lines = fields.map(([k, v], i) => `${indent}${i === 0 ? '- ' : '  '}${k}: ${stringify(v, { lineWidth: 0 }).trimEnd()}`);
      return [...(e.note ? [`${indent}# ${e.note.replace(/\s+/g, ' ')}`] : []), ...lines].join('\n');
    })
    .join('\n');
}

function feedSeq(doc: Document, config: DigestConfig): YAMLSeq {
  const seq = isMap(doc.contents) ? doc.contents.get('feeds', true) : null;
  if (!isSeq(seq)) throw new UserError(`${config.configPath}: feeds: expected a list to add to`, 2);
  return seq;
}

export function addFeedsToConfig(source: string, found: NewFeed[], config: DigestConfig): { text: string; added: FeedEntry[]; skipped: number } {
  const doc = parseDocument(source);
  const seq = feedSeq(doc, config);
  const { entries, skipped } = newEntries(found, config.feeds);
  if (entries.length === 0) return { text: source, added: entries, skipped };
  // A block list gets the new entries as text after its last item, so the rest of the file stays
  // byte for byte as the user wrote it; a flow list ([…]) is re-written by the YAML library.
  const end = seq.range?.[1];
  if (seq.flow || end === undefined) {
    for (const e of entries) seq.add(doc.createNode(e.id ? { name: e.name, id: e.id, url: e.url } : { name: e.name, url: e.url }));
    return { text: doc.toString(), added: entries, skipped };
  }
  const lineStart = source.lastIndexOf('\n', seq.range![0] - 1) + 1;
  const text = entryLines(entries, ' '.repeat(seq.range![0] - lineStart));
  const before = source.slice(0, end).replace(/\s+$/, '');
  const after = source.slice(before.length);
  return { text: `${before}\n${text}${after.startsWith('\n') ? '' : '\n'}${after}`, added: entries, skipped };
}

/**
 * The config without feeds[index]: in a block list its lines go, with the comment lines right above it (they
 * describe it) and nothing else; a flow list ([…]) is re-written by the YAML library.
 */
export function removeFeedFromConfig(source: string, index: number, config: DigestConfig): string {
  const doc = parseDocument(source);
  const seq = feedSeq(doc, config);
  const item = seq.items[index] as { range?: [number, number, number] } | undefined;
  if (!item?.range) throw new UserError(`${config.configPath}: feeds[${index}]: not found in the file`, 2);
  if (seq.flow) {
    seq.delete(index);
    return doc.toString();
  }
  // from the "-" line back over the comments directly above it, to the end of its last line
  let start = source.lastIndexOf('\n', item.range[0] - 1) + 1;
  for (;;) {
    const prev = source.lastIndexOf('\n', start - 2) + 1;
    if (start === 0 || !/^[ \t]*#/.test(source.slice(prev, start - 1))) break;
    start = prev;
  }
  const lineEnd = source.indexOf('\n', Math.max(item.range[1] - 1, start));
  return source.slice(0, start) + (lineEnd < 0 ? '' : source.slice(lineEnd + 1));
}

/** an address's host without "www.", "" when it is not a URL */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
