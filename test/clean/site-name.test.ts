// Headlines that end with the site's name ("… - Reuters", "… | The Kyiv Independent"), as many feeds write them
// and as Google News ends each item with its publisher's (also given as the item's <source>). The name is cut:
// it is no part of the headline, and as a word every item of the feed shared it pulled them together. An
// aggregator's item is told by the publisher it names, so a story lists the outlets that reported it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutSiteName } from '../../src/clean/index.js';
import { escapeHtml } from '../../src/text/escape.js';
import { buildOffline } from '../helpers/cli.js';

describe('withoutSiteName', () => {
  it('cuts the feed’s own name or the item’s source after a separator', () => {
    expect(withoutSiteName('Drones hit Kyiv overnight - Reuters', ['Reuters'])).toBe('Drones hit Kyiv overnight');
    expect(withoutSiteName('Drones hit Kyiv overnight - Reuters', ['"ukraine" - Google News'], 'Reuters')).toBe('Drones hit Kyiv overnight');
    expect(withoutSiteName('Drones hit Kyiv | The Kyiv Independent', ['Kyiv Independent'])).toBe('Drones hit Kyiv');
    expect(withoutSiteName('Drones hit Kyiv — BBC News', ['BBC News - World'])).toBe('Drones hit Kyiv');
  });

  it('leaves every other ending, and a title that is only the name', () => {
    expect(withoutSiteName('Inflation rises - report', ['Reuters'])).toBe('Inflation rises - report');
    expect(withoutSiteName('Ukraine war live: drones hit Kyiv – as it happened', ['The Guardian'])).toBe('Ukraine war live: drones hit Kyiv – as it happened');
    expect(withoutSiteName('Reuters', ['Reuters'])).toBe('Reuters');
    expect(withoutSiteName('Kyiv - Reuters', [], null)).toBe('Kyiv - Reuters');
  });
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-site-name-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Entry {
  title: string;
  source?: string;
  at: string;
  body: string;
}

function rss(title: string, entries: Entry[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${escapeHtml(title)}</title><link>https://example.test/</link><description>invented</description>
${entries
  .map(
    (e, k) => `<item><guid isPermaLink="false">${k}</guid><title>${escapeHtml(e.title)}</title><link>https://example.test/${encodeURIComponent(title)}/${k}</link>
<pubDate>${new Date(e.at).toUTCString()}</pubDate><description>${escapeHtml(e.body)}</description>${e.source ? `<source url="https://${e.source.toLowerCase().replace(/\W+/g, '')}.test">${escapeHtml(e.source)}</source>` : ''}</item>`,
  )
  .join('\n')}
</channel></rss>`;
}

describe('a build from feeds that sign their headlines', () => {
  it('shows the headlines without the names, and the story by its event, not by its feed', async () => {
    mkdirSync(path.join(dir, 'feeds'));
    // an aggregator's search feed: each headline ends with its publisher, also given as <source>
    writeFileSync(
      path.join(dir, 'feeds/news.xml'),
      rss('"ukraine grain" - Google News', [
        { title: 'Ukraine resumes grain exports through Odesa ports - Reuters', source: 'Reuters', at: '2026-03-03T08:00:00Z', body: '' },
        { title: 'Grain ships leave Odesa as exports restart - BBC News', source: 'BBC News', at: '2026-03-03T09:00:00Z', body: '' },
        { title: 'Poland and Ukraine sign deal on rail freight - Reuters', source: 'Reuters', at: '2026-03-03T10:00:00Z', body: '' },
        { title: 'Zelensky names new defence minister - Reuters', source: 'Reuters', at: '2026-03-03T11:00:00Z', body: '' },
      ]),
    );
    // a site that signs each headline with its name
    writeFileSync(
      path.join(dir, 'feeds/site.xml'),
      rss('The Kyiv Herald', [
        { title: 'First grain convoy in weeks sails from Odesa | The Kyiv Herald', at: '2026-03-03T09:30:00Z', body: '' },
        { title: 'Kyiv metro stations reopen after repairs | The Kyiv Herald', at: '2026-03-03T12:00:00Z', body: '' },
      ]),
    );
    writeFileSync(
      path.join(dir, 'digest.config.yaml'),
      `title: Grain Watch
timezone: UTC
window: 7d
feeds:
  - name: Grain search
    id: news
    path: feeds/news.xml
  - name: Kyiv Herald
    id: site
    path: feeds/site.xml
themes:
  - id: trade
    title: Trade
    description: Exports, ports and shipping.
    keywords: [grain, exports, ports, ships, freight]
other: Other news
email:
  from: "Grain Watch <digest@example.org>"
  baseUrl: https://digest.example.org
  address: "1 Example Street"
state: state
`,
    );
    const { result, edition } = await buildOffline(path.join(dir, 'digest.config.yaml'), '2026-03-04T07:00:00Z', path.join(dir, 'out'));
    expect(result.stderr).toBe('');
    expect(edition).not.toBeNull();
    const stories = edition!.sections.flatMap((s) => s.stories);
    const titles = stories.flatMap((s) => [s.title, ...s.items.map((i) => i.title)]);
    expect(titles.length).toBe(stories.length + 6);
    for (const t of titles) expect(t, t).not.toMatch(/(?:Reuters|BBC News|Kyiv Herald)$/);
    const storyOf = (start: string) => stories.findIndex((s) => s.items.some((i) => i.title.startsWith(start)));
    const grain = ['Ukraine resumes grain exports', 'Grain ships leave Odesa', 'First grain convoy'].map(storyOf);
    expect(new Set(grain).size, 'the three reports of the restart are one story').toBe(1);
    expect(grain[0]).toBeGreaterThanOrEqual(0);
    expect(storyOf('Poland and Ukraine sign deal')).not.toBe(grain[0]);
    expect(storyOf('Zelensky names new defence minister')).not.toBe(storyOf('Poland and Ukraine sign deal'));
    // the aggregator's items are told by their publishers, not by the search feed that gathered them
    expect([...stories[grain[0]].sources].sort()).toEqual(['BBC News', 'Kyiv Herald', 'Reuters']);
    expect(stories[storyOf('Poland and Ukraine sign deal')].sources).toEqual(['Reuters']);
    expect(stories.flatMap((s) => s.sources)).not.toContain('Grain search');
  }, 120_000);
});
