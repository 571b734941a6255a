// One short paragraph repeated a hundred thousand times (a broken template's loop): the caption check read the run of
// copies below each paragraph again from every one of them (a megabyte took about a minute an item); through the CLI,
// whose run would be stopped at its timeout.
import { describe, expect, it, vi } from 'vitest';
import { buildServedFeeds, rssItem, rssOf } from '../helpers/served-feeds.js';

vi.setConfig({ testTimeout: 180_000 });

describe('a paragraph repeated throughout a feed item', () => {
  it('six items of a megabyte of it still make an edition, with every item read', async () => {
    const repeated = (line: string) => `<p>Grid repairs went on.</p>${`<p>${line}</p>`.repeat(Math.ceil(1_000_000 / (line.length + 7)))}`;
    const lines = ['Kyiv', 'Photo: Kyiv', 'Lviv, 20 November 2026', 'Odesa', 'Read more', 'Kharkiv'];
    const bodies = [...lines.map(repeated), '<p>A budget vote on the grid repairs passed late on Friday, officials said.</p>'];
    const titles = [
      'Missile strike cuts the grid in Lviv',
      'Drone attack on a port in Odesa',
      'Shelling hits a school in Kharkiv',
      'Rail link to Poland reopens',
      'Wheat exports rise in October',
      'Museum reopens after repairs',
      'Parliament passes the grid repair budget',
    ];
    const rss = rssOf('Wire', bodies.map((b, i) => rssItem(i + 1, titles[i], b)).join(''));
    const { run, edition } = await buildServedFeeds({ Wire: rss }, { keywords: ['missile', 'grid', 'drone', 'shelling'], maxSize: '16MB', timeoutMs: 170_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/ from 7 items .*\(0 items left out; 1\/1 feeds ok\)/);
    const summaries = new Map(edition!.sections.flatMap((s) => s.stories).map((s) => [s.title, s.summary]));
    expect(summaries.get(titles[6])).toBe('A budget vote on the grid repairs passed late on Friday, officials said.');
  });
});
