// HTML nested absurdly deep (a hostile feed: ~1 MB of nested <b>) is read in one pass, tags dropped and entities
// decoded, instead of by the HTML parser whose cost grows with the depth; HTML of an article's depth reads as before.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cleanFeedItems } from '../../src/clean/index.js';
import { buildServedFeeds, rssItem, rssOf } from '../helpers/served-feeds.js';

vi.setConfig({ testTimeout: 180_000 });

const text = (html: string) => cleanFeedItems([{ title: 'T', html }])[0].text;
const SENTENCE = 'Officials at AT&amp;T said a missile strike cut the power grid overnight &#8212; repairs will take weeks.';
const CLEAN = 'Officials at AT&T said a missile strike cut the power grid overnight — repairs will take weeks.';

describe('deeply nested HTML', () => {
  it('an item of 140,000 nested tags in a feed comes out as clean text, beside the other items', async () => {
    const depth = 140_000;
    const deep = `${'<b>'.repeat(depth)}<script>alert("x")</script>${SENTENCE}${'</b>'.repeat(depth)}`;
    const title = (n: number) => `Missile strike ${n} cuts the grid in town ${n}`;
    const rss = rssOf('Wire', rssItem(1, title(1), deep) + rssItem(2, title(2), '<p>A budget vote on the grid repairs passed late on Friday, officials said.</p>'));
    const { run, folder, edition } = await buildServedFeeds({ Wire: rss }, { keywords: ['missile', 'grid'], timeoutMs: 170_000 });
    expect(run.code, run.stderr).toBe(0);
    const stories = edition!.sections.flatMap((s) => s.stories);
    expect(stories.find((s) => s.title === title(1))?.summary).toBe(CLEAN);
    expect(stories.find((s) => s.title === title(2))?.summary).toBe('A budget vote on the grid repairs passed late on Friday, officials said.');
    expect(readFileSync(path.join(folder!, 'digest.html'), 'utf8')).not.toContain('alert');
  });

  it('reads 3,000 nested tables as lines of clean text, and an article of ordinary depth as before', () => {
    const tables = `${'<table><tr><td>'.repeat(1000)}<style>p{}</style>${SENTENCE}${'</td></tr></table>'.repeat(1000)}<p>Second paragraph.</p>`;
    expect(text(tables)).toBe(`${CLEAN}\n\nSecond paragraph.`);
    const list = `${'<ul><li>'.repeat(40)}${SENTENCE}${'</li></ul>'.repeat(40)}`;
    expect(text(list)).toBe(`${'• '.repeat(40)}${CLEAN}`);
  });

  it('counts a tag left open inside another tag, as an HTML parser opens it', () => {
    // "<b <!-- …" opens a <b> whose attributes run on to the next ">": 3,000 of them nest 3,000 deep
    const lines = text(Array.from({ length: 3000 }, (_, i) => `<p>Kyiv &amp; Lviv ${i} <b <!-- `).join('')).split('\n\n');
    expect(lines).toHaveLength(3000);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^Kyiv & Lviv ${i}\\b[^<>]*$`)));
  });
});
