// The first-seen record (state/first-seen.json) over a busy digest's year: every build reads and writes all of it, and
// it keeps each item 400 days after the item left every feed, so what it keeps an item is what a build pays. It was
// the item's key, link and title in full (some 370 bytes an item: 200 MB and 40 s of each build after a year of 50
// feeds × 30 items a day); the record left by that version still reads.
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOffline } from '../helpers/cli.js';
import { rss } from './weeks-served.js';

function digest(dir: string, feeds: string[]): string {
  const cfg = path.join(dir, 'digest.config.yaml');
  writeFileSync(
    cfg,
    [
      'title: Daily Watch',
      'timezone: Europe/Kyiv',
      'window: 7d',
      'feeds:',
      ...feeds.flatMap((id) => [`  - name: ${id}`, `    id: ${id}`, `    path: ${id}.xml`]),
      'themes:',
      '  - id: talks',
      '    title: Talks',
      '    keywords: [talks]',
      'state: state',
      '',
    ].join('\n'),
  );
  return cfg;
}

describe('the first-seen record', () => {
  it('keeps an item in some 100 bytes, however long its id, link and title', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-first-seen-size-'));
    const feeds = ['courier', 'harbour', 'quay'];
    for (const id of feeds) {
      const items = Array.from({ length: 60 }, (_, n) => {
        const slug = `ukrainian-and-turkish-envoys-reopen-talks-on-the-black-sea-grain-corridor-in-istanbul-${n}`;
        return {
          guid: `https://www.${id}.example/world/europe/2026/11/20/${slug}`,
          link: `https://www.${id}.example/world/europe/2026/11/20/${slug}?utm_source=rss&utm_medium=feed`,
          date: 'Fri, 20 Nov 2026 09:00:00 +0000',
          title: `Ukrainian and Turkish envoys reopen talks on the Black Sea grain corridor in Istanbul, part ${n}`,
          text: `Ukrainian and Turkish envoys reopened talks in Istanbul on Tuesday about reviving the Black Sea grain corridor, round ${n}. United Nations mediators were present at the table for the first time since the summer. A second round is planned for December in Geneva, the Turkish foreign ministry said.`,
        };
      });
      writeFileSync(path.join(dir, `${id}.xml`), rss(id, items));
    }
    const { result } = await buildOffline(digest(dir, feeds), '2026-11-23T07:00:00+02:00', path.join(dir, 'out'));
    expect(result.code, result.stderr).toBe(0);
    const size = statSync(path.join(dir, 'state', 'first-seen.json')).size;
    expect(size / 180).toBeLessThan(110);
  }, 240_000);

  it('reads the record an earlier version wrote: an undated item keeps its first sighting, an article under a new guid its own', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-first-seen-old-'));
    mkdirSync(path.join(dir, 'state'));
    const link = 'https://harbour.example/2026/11/odesa-berth';
    const title = 'Odesa port reopens berth after drone damage';
    writeFileSync(
      path.join(dir, 'state', 'first-seen.json'),
      JSON.stringify({
        'harbour:u-1': '2026-11-02T05:00:00.000Z',
        'harbour:cms1-7': { at: '2026-11-03T05:00:00.000Z', link, title, opening: null },
      }),
    );
    writeFileSync(
      path.join(dir, 'harbour.xml'),
      rss('harbour', [
        { guid: 'u-1', link: 'https://harbour.example/2026/11/heating', title: 'Kyiv opens heating points before talks on power', text: 'The city opened heating points ahead of winter blackouts.' },
        // the archive republished by a new CMS: a new guid, a fresh date
        { guid: 'cms2-7', link, date: 'Fri, 20 Nov 2026 09:00:00 +0000', title, text: 'Engineers restored the damaged berth in Odesa and the first grain ship loaded there on Tuesday after talks.' },
      ]),
    );
    const { result, edition } = await buildOffline(digest(dir, ['harbour']), '2026-11-23T07:00:00+02:00', path.join(dir, 'out'));
    expect(result.code, result.stderr).toBe(0);
    const outside = Object.fromEntries(edition!.excluded.filter((e) => e.reason === 'outside-window').map((e) => [e.guid, e.detail]));
    expect(outside['u-1']).toMatch(/^undated, first seen 2026-11-02T05:00:00.000Z, window /);
    expect(outside['cms2-7']).toMatch(/^published 2026-11-20T09:00:00.000Z, first seen 2026-11-03T05:00:00.000Z, window /);
    // written again in the present form
    expect(JSON.parse(readFileSync(path.join(dir, 'state', 'first-seen.json'), 'utf8')).version).toBe(2);
  }, 240_000);
});
