// Untitled items (RSS and JSON Feed allow them) get their first sentence as a headline; so do items whose title is
// made only of characters drawn blank (Hangul fillers, the blank Braille pattern), which would be an invisible headline.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cleanFeedItems } from '../../src/clean/index.js';
import { buildServedFeeds, rssItem, rssOf } from '../helpers/served-feeds.js';

describe('untitled items', () => {
  it('take their first sentence, cut at a word, as the title', () => {
    const [out] = cleanFeedItems([
      {
        title: '',
        html: '<p>Finland will open a second repair hub for Ukrainian armoured vehicles near the Russian border next spring, its defence ministry said on Tuesday in Helsinki. The hub will employ 300 people.</p>',
      },
    ]);
    expect(out.title.length).toBeLessThanOrEqual(111);
    expect(out.title).toMatch(/^Finland will open a second repair hub/);
    expect(out.title).toMatch(/…$/);
    expect(out.text).toContain('The hub will employ 300 people.');
    expect(out.lead).not.toBe(out.title);
  });

  it('keep a short first sentence whole', () => {
    const [out] = cleanFeedItems([{ title: '   ', html: 'Kyiv lifts the curfew for New Year. Details follow.' }]);
    expect(out.title).toBe('Kyiv lifts the curfew for New Year.');
  });
});

describe('items whose title shows nothing', () => {
  it('are headed by their first sentence in the email, like untitled ones', async () => {
    const blank = '\u3164\u3164 \u2800 \u200b';
    const rss = rssOf('Wire', rssItem(1, blank, '<p>Kyiv lifts the curfew for New Year, the city said. Details follow on Monday.</p>'));
    const { run, folder } = await buildServedFeeds({ Wire: rss }, { keywords: ['curfew'] });
    expect(run.code, run.stderr).toBe(0);
    const { document } = parseHTML(readFileSync(path.join(folder!, 'digest.html'), 'utf8'));
    expect([...document.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Kyiv lifts the curfew for New Year, the city said.']);
    expect(readFileSync(path.join(folder!, 'digest.txt'), 'utf8')).not.toContain('\u3164');
  }, 120_000);
});
