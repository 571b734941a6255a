// A digest workspace on disk with two invented feeds, feeds/wire.xml (RSS 2.0) and feeds/brief.atom (Atom), and a
// config that reads them and sorts their stories into two themed sections (arms, talks) and `other`. The desk and
// editor tests each bring their own items and settings.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { escapeHtml } from '../../src/text/escape.js';

export interface FeedItem {
  /** guid (RSS) or id (Atom) */
  id: string;
  title: string;
  link: string;
  /** ISO 8601 */
  date: string;
  body: string;
}

export function rssFeed(items: FeedItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>https://wire.test/</link><description>invented</description>
${items
  .map(
    (i) => `<item><guid isPermaLink="false">${i.id}</guid><title>${escapeHtml(i.title)}</title><link>${i.link}</link>
<pubDate>${new Date(i.date).toUTCString()}</pubDate><description>${escapeHtml(i.body)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function atomFeed(items: FeedItem[], updated: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test Brief</title><id>tag:brief.test,2026:feed</id>
<updated>${updated}</updated><link href="https://brief.test/"/>
${items
  .map(
    (i) => `<entry><id>${i.id}</id><title>${escapeHtml(i.title)}</title><link href="${i.link}"/><updated>${i.date}</updated>
<summary>${escapeHtml(i.body)}</summary></entry>`,
  )
  .join('\n')}
</feed>`;
}

export interface TwoFeedSettings {
  title: string;
  /** scope.exclude terms, if any */
  exclude?: string[];
  /** keywords of the arms section (the talks section's are fixed) */
  armsKeywords: string[];
  /** the lines under `email:`, each indented two spaces */
  email: string;
  /** more YAML after the rest */
  extra?: string;
}

/** The config of a two-feed workspace (state in `state/`). */
export function twoFeedConfig(s: TwoFeedSettings): string {
  return `title: ${s.title}
timezone: Europe/Kyiv
window: 7d
scope:
  include: [Ukraine, Kyiv, Kremlin, Russia]
${s.exclude ? `  exclude: [${s.exclude.join(', ')}]\n` : ''}feeds:
  - name: Test Wire
    id: wire
    path: feeds/wire.xml
  - name: Test Brief
    id: brief
    path: feeds/brief.atom
themes:
  - id: arms
    title: Weapons & strikes
    description: Weapons deliveries and strikes.
    keywords: [${s.armsKeywords.join(', ')}]
  - id: talks
    title: Talks & diplomacy
    description: Ceasefire talks, envoys and prisoner exchanges.
    keywords: [ceasefire, talks, envoy, prisoner exchange]
other: Other news
email:
${s.email}state: state
${s.extra ?? ''}`;
}

export interface TwoFeedWorkspace {
  dir: string;
  configFile: string;
  outDir: string;
  stateDir: string;
  /** rewrite feeds/wire.xml with these items */
  writeWire(items: FeedItem[]): void;
  remove(): void;
}

/** A fresh temp folder (name starting `prefix`) with both feeds written; the caller writes the config. */
export function makeTwoFeedWorkspace(prefix: string, wire: FeedItem[], brief: { items: FeedItem[]; updated: string }): TwoFeedWorkspace {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  mkdirSync(path.join(dir, 'feeds'));
  const writeWire = (items: FeedItem[]) => writeFileSync(path.join(dir, 'feeds/wire.xml'), rssFeed(items));
  writeWire(wire);
  writeFileSync(path.join(dir, 'feeds/brief.atom'), atomFeed(brief.items, brief.updated));
  return {
    dir,
    configFile: path.join(dir, 'digest.config.yaml'),
    outDir: path.join(dir, 'out'),
    stateDir: path.join(dir, 'state'),
    writeWire,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
