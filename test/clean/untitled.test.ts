// Untitled items (RSS and JSON Feed allow them) get their first sentence as a headline.
import { describe, expect, it } from 'vitest';
import { cleanFeedItems } from '../../src/clean/index.js';

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
