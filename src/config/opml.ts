// OPML import: read the feeds an OPML file lists and add the new ones to the config file,
// editing the YAML document (not re-serialising data) so the user's comments and layout survive.
import { decodeHTML } from 'entities';
import { DOMParser } from 'linkedom';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { UserError } from '../errors.js';
import { schemas } from './schema.js';
import type { DigestConfig } from '../types.js';
import { slug } from '../text/slug.js';

export interface OpmlFeed {
  name: string;
  url: string;
}

export interface OpmlRead {
  feeds: OpmlFeed[];
  /** one line per outline left out, naming it and what was expected */
  skipped: string[];
}

/** The feeds an OPML file lists. An outline whose URL is not http(s) is left out and named in `skipped`; the rest are read. */
export function parseOpml(text: string, file: string): OpmlRead {
  if (!/<opml[\s>]/i.test(text)) throw new UserError(`${file}: not an OPML file (expected an <opml> document)`, 2);
  const doc = new DOMParser().parseFromString(htmlEntitiesAsXml(text), 'text/xml');
  const feeds: OpmlFeed[] = [];
  const skipped: string[] = [];
  let n = 0;
  for (const el of Array.from(doc.querySelectorAll('outline')) as Element[]) {
    n++;
    const raw = attr(el, 'xmlUrl');
    if (raw === null) continue; // a folder
    const url = raw.trim();
    // a config name is one line: line breaks and control characters folded to spaces
    const label = [attr(el, 'title'), attr(el, 'text')].map((v) => (v ?? '').replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim()).find(Boolean) ?? '';
    const checked = schemas().httpUrl.safeParse(url);
    if (!checked.success) {
      skipped.push(`${file}: outline ${n}${label ? ` ${JSON.stringify(label.length > 60 ? `${label.slice(0, 57)}…` : label)}` : ''} skipped: ${checked.error.issues[0]?.message ?? 'expected an http(s) URL'}`);
      continue;
    }
    feeds.push({ name: label || new URL(url).hostname, url });
  }
  return { feeds, skipped };
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * HTML's named entities (&eacute;, &nbsp;) are not XML, yet exporters write them into names, and the XML reader left
 * them as they are ("Caf&eacute;"): each becomes the character reference HTML means. "&amp;eacute;" stays literal.
 */
function htmlEntitiesAsXml(text: string): string {
  return text.replace(/&([A-Za-z][A-Za-z0-9]{1,31});/g, (ref, name: string) => {
    if (XML_ENTITIES.has(name)) return ref;
    const meant = decodeHTML(ref);
    return meant === ref ? ref : Array.from(meant, (c) => `&#${c.codePointAt(0)};`).join('');
  });
}

/**
 * An attribute's value as the file means it. linkedom's getAttribute on an XML document re-escapes
 * & < > (returns "a &amp; b"); the attribute node's value is the parsed text. The name is matched in any case:
 * exporters write xmlUrl, xmlurl and xmlURL, and an outline whose feed URL went unseen was taken for a folder.
 */
function attr(el: Element, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const a of Array.from(el.attributes)) if (a.name.toLowerCase() === wanted) return a.value;
  return null;
}

export function addFeedsToConfig(source: string, found: OpmlFeed[], config: DigestConfig): { text: string; added: OpmlFeed[]; skipped: number } {
  const doc = parseDocument(source);
  const seq = isMap(doc.contents) ? doc.contents.get('feeds', true) : null;
  if (!isSeq(seq)) throw new UserError(`${config.configPath}: feeds: expected a list to add to`, 2);
  const known = new Set(config.feeds.map((f) => normalise(f.url ?? '')));
  const ids = new Set(config.feeds.map((f) => f.id));
  const names = new Set(config.feeds.map((f) => f.name));
  const added: OpmlFeed[] = [];
  const entries: Record<string, string>[] = [];
  let skipped = 0;
  for (const f of found) {
    const key = normalise(f.url);
    if (known.has(key)) {
      skipped++;
      continue;
    }
    known.add(key);
    let name = f.name;
    for (let n = 2; names.has(name); n++) name = `${f.name} (${n})`;
    names.add(name);
    // A derived id could clash with an existing one: give such a feed an explicit unique id.
    const base = slug(name) || 'feed';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    entries.push(id === base ? { name, url: f.url } : { name, id, url: f.url });
    added.push({ name, url: f.url });
  }
  if (entries.length === 0) return { text: source, added, skipped };
  // A block list gets the new entries as text after its last item, so the rest of the file stays
  // byte for byte as the user wrote it; a flow list ([…]) is re-written by the YAML library.
  const end = seq.range?.[1];
  if (seq.flow || end === undefined) {
    for (const e of entries) seq.add(doc.createNode(e));
    return { text: doc.toString(), added, skipped };
  }
  const lineStart = source.lastIndexOf('\n', seq.range![0] - 1) + 1;
  const indent = ' '.repeat(seq.range![0] - lineStart);
  const text = entries
    .map((e) => Object.entries(e).map(([k, v], i) => `${i === 0 ? `${indent}- ` : `${indent}  `}${k}: ${stringify(v, { lineWidth: 0 }).trimEnd()}`).join('\n'))
    .join('\n');
  const before = source.slice(0, end).replace(/\s+$/, '');
  const after = source.slice(before.length);
  return { text: `${before}\n${text}${after.startsWith('\n') ? '' : '\n'}${after}`, added, skipped };
}

function normalise(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

