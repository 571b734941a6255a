// In a digest about one subject (the war themes, alike in meaning) a story's bare headlines are never split
// between sections: one of them leaning towards another section of the same subject says one word's worth, and
// the strays of unrelated news the split is for hardly occur there. A digest of distinct subjects still splits.
import { describe, expect, it } from 'vitest';
import { themeStories } from '../../src/theme/index.js';
import { cluster } from './items.js';
import { TOPIC_THEMES } from './topic-themes.js';
import { WAR_THEMES } from './war-themes.js';

/** One event told in three bare headlines; the third speaks of soldiers at the front, not of the vote. */
const payVote = () =>
  cluster(
    { feed: 'ticker', title: 'Parliament votes higher pay in new law' },
    { feed: 'brief', title: 'Lawmakers back pay rise bill in parliament vote' },
    { feed: 'wire', title: 'Troops on the front line to get 70,000 hryvnias a month after shelling losses' },
  );

describe('a story of one subject is not split between its sections', () => {
  it('keeps the three headlines of the pay vote together, in one section', () => {
    const result = themeStories([payVote()], WAR_THEMES);
    expect(result).toHaveLength(1);
    expect(result[0].cluster.items.map((i) => i.feed).sort()).toEqual(['brief', 'ticker', 'wire']);
    expect(result[0].decision.themeId).toBe('politics');
  });

  it('still splits a story of a digest of distinct subjects whose headlines share only a city', () => {
    const joined = cluster(
      { feed: 'wire', title: 'Safin wins tennis final at Paris Masters' },
      { feed: 'wire', title: 'Paris bank shares slump after profit warning' },
    );
    const result = themeStories([joined], TOPIC_THEMES);
    expect(result.map((s) => [s.decision.themeId, s.cluster.items.map((i) => i.title)])).toEqual([
      ['sport', ['Safin wins tennis final at Paris Masters']],
      ['business', ['Paris bank shares slump after profit warning']],
    ]);
  });
});
