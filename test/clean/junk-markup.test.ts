// Tag-like junk is read in one pass: "<b " with no ">" after it, "<!--" with no "-->", long runs of "<". Each of these
// was searched again from every "<" (a megabyte took minutes); through the CLI, whose run would be stopped at its timeout.
import { describe, expect, it, vi } from 'vitest';
import { buildServedFeeds, rssItem, rssOf } from '../helpers/served-feeds.js';

vi.setConfig({ testTimeout: 180_000 });

const megabyte = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));

describe('tag-like junk in a feed item', () => {
  it('a megabyte of it in each of three items still makes an edition, with every item read', async () => {
    const bodies = [
      `Grid repairs went on. ${megabyte('Kyiv <b ')}`,
      `Grid repairs went on. <p>Missile strike news.</p> ${megabyte('Kyiv <!-- ')}`,
      `Grid repairs went on. ${megabyte(`Kyiv ${'<'.repeat(40)}`)}`,
      '<p>A budget vote on the grid repairs passed late on Friday, officials said.</p>',
    ];
    const titles = ['Missile strike cuts the grid in Lviv', 'Drone attack on a port in Odesa', 'Shelling hits a school in Kharkiv', 'Parliament passes the grid repair budget'];
    const rss = rssOf('Wire', bodies.map((b, i) => rssItem(i + 1, titles[i], b)).join(''));
    const { run, edition } = await buildServedFeeds({ Wire: rss }, { keywords: ['missile', 'grid', 'drone', 'shelling'], maxSize: '16MB', timeoutMs: 170_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/ from 4 items .*\(0 items left out; 1\/1 feeds ok\)/);
    const summaries = new Map(edition!.sections.flatMap((s) => s.stories).map((s) => [s.title, s.summary]));
    expect(summaries.get(titles[0])).toMatch(/^Kyiv b Kyiv b Kyiv b/);
    expect(summaries.get(titles[3])).toBe('A budget vote on the grid repairs passed late on Friday, officials said.');
    for (const summary of summaries.values()) expect(summary).not.toContain('<');
  });
});
