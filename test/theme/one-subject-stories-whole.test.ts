// In a digest about one subject (the war themes, alike in meaning) a story's bare headlines are never split
// between sections: one of them leaning towards another section of the same subject says one word's worth, and
// the strays of unrelated news the split is for hardly occur there. A digest of distinct subjects still splits.
import { describe, expect, it } from 'vitest';
import type { ThemeConfig } from '../../src/types.js';
import { themeStories } from '../../src/theme/index.js';
import { cluster } from './items.js';
import { WAR_THEMES } from './war-themes.js';

const GENERAL: ThemeConfig[] = [
  { id: 'world', title: 'World news', description: 'International affairs, conflicts, governments and elections around the world.',
    keywords: ['government', 'president', 'minister', 'election', 'war', 'troops', 'police', 'killed', 'bomb', 'attack'] },
  { id: 'sports', title: 'Sports', description: 'Games, teams, players, scores and tournaments.',
    keywords: ['game', 'team', 'player', 'season', 'coach', 'win', 'league', 'cup', 'match', 'tennis', 'final'] },
];

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

  it('still splits a joined tennis result from a bombing in a digest of distinct subjects', () => {
    const joined = cluster(
      { feed: 'wire', title: 'Safin wins tennis final at Paris Masters' },
      { feed: 'wire', title: 'Bomb attack kills three police officers in Paris' },
    );
    const result = themeStories([joined], GENERAL);
    expect(result.map((s) => [s.decision.themeId, s.cluster.items.map((i) => i.title)])).toEqual([
      ['sports', ['Safin wins tennis final at Paris Masters']],
      ['world', ['Bomb attack kills three police officers in Paris']],
    ]);
  });
});
