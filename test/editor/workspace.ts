// A small digest workspace on disk for the editor tests: a config, two invented feeds (RSS and Atom)
// and a state folder. The feeds are made so that every kind of outcome shows up in one edition:
// stories, a duplicate (same link in both feeds), out of scope, outside the window.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { escapeHtml } from '../../src/text/escape.js';

export const NOW = '2026-11-23T07:00:00+02:00';
/** a week later: the second edition */
export const NOW_2 = '2026-11-30T07:00:00+02:00';
export const ID = '2026-11-23';
export const ID_2 = '2026-11-30';

export const MISSILES_TITLE = 'Ukraine receives first long-range missiles under new allied package';
export const DUPLICATE_TITLE = 'Allies hand over long-range missiles to Ukraine';
export const TRICKY_TITLE = 'Kremlin calls "Geneva" ceasefire talks <draft> & nothing more';

export interface Workspace {
  dir: string;
  configFile: string;
  outDir: string;
  stateDir: string;
  writeConfig(title?: string): void;
  remove(): void;
}

function rss(items: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>https://wire.test/</link><description>invented</description>
${items}
</channel></rss>`;
}

function rssItem(guid: string, title: string, link: string, date: string, body: string): string {
  return `<item><guid isPermaLink="false">${guid}</guid><title>${escapeHtml(title)}</title><link>${link}</link>
<pubDate>${new Date(date).toUTCString()}</pubDate><description>${escapeHtml(body)}</description></item>`;
}

const WIRE = rss(
  [
    rssItem('w-1', MISSILES_TITLE, 'https://wire.test/a/missiles', '2026-11-20T09:00:00Z',
      'Ukraine has received the first long-range missiles promised by its allies, the defence ministry in Kyiv said. The missiles can reach targets far behind the front line.'),
    rssItem('w-2', 'Kyiv club wins the football derby in extra time', 'https://wire.test/a/derby', '2026-11-21T19:00:00Z',
      'A late goal decided the Kyiv football derby in front of a full stadium in Ukraine.'),
    rssItem('w-3', 'Ukraine and Russia exchange prisoners of war after talks', 'https://wire.test/a/old-swap', '2026-11-02T10:00:00Z',
      'Ukraine and Russia swapped prisoners of war after weeks of talks with a mediator.'),
    rssItem('w-4', TRICKY_TITLE, 'https://wire.test/a/geneva', '2026-11-22T08:00:00Z',
      'The Kremlin said the ceasefire talks proposed for Geneva were a draft and nothing more, according to a statement read in Moscow about Russia and Ukraine.'),
    rssItem('w-5', 'Ukraine envoy meets mediators to prepare prisoner exchange talks', 'https://wire.test/a/envoy', '2026-11-27T08:00:00Z',
      'An envoy from Kyiv met mediators to prepare talks on a new prisoner exchange between Ukraine and Russia.'),
  ].join('\n'),
);

const BRIEF = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test Brief</title><id>tag:brief.test,2026:feed</id>
<updated>2026-11-28T12:00:00Z</updated><link href="https://brief.test/"/>
<entry><id>tag:brief.test,2026:b-1</id><title>${DUPLICATE_TITLE}</title>
<link href="https://wire.test/a/missiles"/><updated>2026-11-20T15:00:00Z</updated>
<summary>Allies handed long-range missiles to Ukraine this week, the ministry in Kyiv said, a copy of the wire report.</summary></entry>
<entry><id>tag:brief.test,2026:b-2</id><title>New smartphone goes on sale with a folding screen</title>
<link href="https://brief.test/tech/phone"/><updated>2026-11-19T10:00:00Z</updated>
<summary>A phone maker started selling a folding phone with a larger battery.</summary></entry>
<entry><id>tag:brief.test,2026:b-3</id><title>Ukraine budget for 2027 passes first reading in parliament</title>
<link href="https://brief.test/economy/budget"/><updated>2026-11-28T12:00:00Z</updated>
<summary>Lawmakers in Kyiv approved the Ukraine budget for next year in a first reading.</summary></entry>
</feed>`;

/** The footer partial of a custom template folder, with a line that tests can change. */
export function footerTemplate(marker: string): string {
  return `<mj-section css-class="rd-page" padding="16px 0 32px"><mj-column>
<mj-text css-class="rd-muted" font-size="13px" padding="0 24px 10px"><p>${marker}</p>
<p>You get {{title}} because %%EMAIL%% subscribed. <a href="%%UNSUBSCRIBE_URL%%">Unsubscribe</a> · <a href="%%PREFERENCES_URL%%">Sections</a> · <a href="%%WEB_URL%%">View in browser</a></p></mj-text>
</mj-column></mj-section>`;
}

export const FOOTER_FILE = 'templates/partials/footer.mjml';

/** `customTemplates`: a template folder overriding only the footer (the rest falls back to the built-in ones). */
export function makeWorkspace(opts: { customTemplates?: boolean } = {}): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-editor-'));
  if (opts.customTemplates) {
    mkdirSync(path.join(dir, 'templates/partials'), { recursive: true });
    writeFileSync(path.join(dir, FOOTER_FILE), footerTemplate('Footer version one'));
  }
  const configFile = path.join(dir, 'digest.config.yaml');
  mkdirSync(path.join(dir, 'feeds'));
  writeFileSync(path.join(dir, 'feeds/wire.xml'), WIRE);
  writeFileSync(path.join(dir, 'feeds/brief.atom'), BRIEF);
  const writeConfig = (title = 'Editor Watch') =>
    writeFileSync(
      configFile,
      `title: ${title}
timezone: Europe/Kyiv
window: 7d
scope:
  include: [Ukraine, Kyiv, Kremlin, Russia]
  exclude: [football]
feeds:
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
    keywords: [missile, long-range]
  - id: talks
    title: Talks & diplomacy
    description: Ceasefire talks, envoys and prisoner exchanges.
    keywords: [ceasefire, talks, envoy, prisoner exchange]
other: Other news
email:
  from: "Editor Watch <digest@digest.test>"
  subject: "{title} · {date}: {lead}"
  baseUrl: https://digest.test
state: state
${opts.customTemplates ? 'templates: templates\n' : ''}`,
    );
  writeConfig();
  const remove = () => rmSync(dir, { recursive: true, force: true });
  return { dir, configFile, outDir: path.join(dir, 'out'), stateDir: path.join(dir, 'state'), writeConfig, remove };
}
