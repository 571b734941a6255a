// OPML import: read the feeds an OPML file lists (./feed-list.ts adds the new ones to the config file).
import { decodeHTML } from 'entities';
import { DOMParser } from 'linkedom';
import { UserError } from '../errors.js';
import { schemas } from './schema.js';
import type { NewFeed } from './feed-list.js';

export type OpmlFeed = NewFeed;

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
