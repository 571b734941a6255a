// The Atom feed (RFC 4287) of published editions: one entry per edition, linking to its archive page.
import type { Edition } from '../../types.js';
import { escapeHtml } from '../../text/escape.js';
import { storyCount } from './editions.js';

export interface AtomEntry {
  edition: Edition;
  /** absolute URL of the edition's web page */
  url: string;
  /** entry title (the email's subject) */
  title: string;
  /** when it went out (or was built, for unsent ones) */
  updated: string;
}

export interface AtomFeed {
  title: string;
  /** absolute URL of the archive list (also the feed's id) */
  archiveUrl: string;
  /** absolute URL of the feed itself */
  selfUrl: string;
  entries: AtomEntry[];
  /** used when there are no entries */
  emptyUpdated: string;
}

/** XML text and attribute escaping (same five characters as HTML). */
const xml = escapeHtml;

function isoUtc(value: string): string {
  const t = Date.parse(value);
  return Number.isNaN(t) ? new Date(0).toISOString() : new Date(t).toISOString();
}

export function atomFeed(feed: AtomFeed): string {
  const updated = feed.entries.length
    ? feed.entries.map((e) => isoUtc(e.updated)).sort().at(-1)!
    : isoUtc(feed.emptyUpdated);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xml(feed.title)}</title>
  <id>${xml(feed.archiveUrl)}</id>
  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.archiveUrl)}"/>
  <updated>${updated}</updated>
  <author><name>${xml(feed.title)}</name></author>
${feed.entries.map(entry).join('\n')}
</feed>
`;
}

function entry(e: AtomEntry): string {
  const ed = e.edition;
  const n = storyCount(ed);
  const summary = `${n} ${n === 1 ? 'story' : 'stories'}: ${ed.sections.flatMap((s) => s.stories.map((st) => st.title)).join(' · ')}`;
  // content is HTML carried as escaped text (type="html"); each headline links to its story, as in the email, so a
  // feed reader can open the news itself
  const headline = (st: Edition['sections'][number]['stories'][number]) =>
    st.url && /^https?:\/\//i.test(st.url) ? `<a href="${escapeHtml(st.url)}">${escapeHtml(st.title)}</a>` : escapeHtml(st.title);
  const content = ed.sections
    .map((s) => `<h2>${escapeHtml(s.title)}</h2><ul>${s.stories.map((st) => `<li>${headline(st)}</li>`).join('')}</ul>`)
    .join('');
  return `  <entry>
    <title>${xml(e.title)}</title>
    <id>${xml(e.url)}</id>
    <link rel="alternate" type="text/html" href="${xml(e.url)}"/>
    <published>${isoUtc(ed.edition.end)}</published>
    <updated>${isoUtc(e.updated)}</updated>
    <summary type="text">${xml(summary)}</summary>
    <content type="html">${xml(content)}</content>
  </entry>`;
}
