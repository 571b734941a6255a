// A story the clustering joined from items of different sections (one shared name) is split before sections
// are chosen, each part in its own section; a real story with an item told from another angle stays whole.
import { describe, expect, it } from 'vitest';
import type { ThemeConfig } from '../../src/types.js';
import { themeStories } from '../../src/theme/index.js';
import { cluster, THEMES } from './items.js';

const GENERAL: ThemeConfig[] = [
  {
    id: 'world',
    title: 'World news',
    description: 'International affairs, conflicts, governments and elections around the world.',
    keywords: ['government', 'president', 'minister', 'election', 'war', 'troops', 'police', 'killed', 'bomb', 'attack'],
  },
  {
    id: 'sports',
    title: 'Sports',
    description: 'Games, teams, players, scores and tournaments.',
    keywords: ['game', 'team', 'player', 'season', 'coach', 'win', 'league', 'cup', 'match', 'tennis', 'final'],
  },
];

/** section id → the titles of its stories' items, one list per story */
function sections(result: ReturnType<typeof themeStories>): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const { cluster: c, decision } of result) (out[decision.themeId ?? 'other'] ??= []).push(c.items.map((i) => i.title));
  return out;
}

describe('stories that mix sections', () => {
  it('splits a tennis result from a bombing that share only the city', () => {
    const joined = cluster(
      { feed: 'wire', title: 'Safin wins tennis final at Paris Masters', text: 'Marat Safin beat Radek Stepanek in the match for the title.' },
      { feed: 'wire', title: 'Bomb attack kills three police officers in Paris', text: 'The bomb went off near a police station, the government said.' },
    );
    const result = themeStories([joined], GENERAL);
    expect(sections(result)).toEqual({
      sports: [['Safin wins tennis final at Paris Masters']],
      world: [['Bomb attack kills three police officers in Paris']],
    });
    // every item is still told, once
    expect(result.flatMap((s) => s.cluster.items.map((i) => i.key)).sort()).toEqual(joined.items.map((i) => i.key).sort());
  });

  it('keeps a peace-talks story whole when one report is about the strikes that prompted the talks', () => {
    const story = cluster(
      { feed: 'one', title: 'Ceasefire talks open in Geneva after weekend strikes', text: 'Envoys of both sides met for peace talks on a ceasefire.' },
      { feed: 'two', title: 'Envoys meet in Geneva for ceasefire talks', text: 'The mediation is led by Switzerland, the envoy said.' },
      { feed: 'three', title: 'Weekend strikes with missiles and drones before Geneva talks', text: 'Missiles and drones hit the power grid; air defence shot down most drones.' },
    );
    const result = themeStories([story], THEMES);
    expect(result).toHaveLength(1);
    expect(result[0].cluster.items).toHaveLength(3);
    expect(result[0].decision.themeId).toBe('talks');
  });

  it('keeps a story whole when its items disagree only weakly', () => {
    const story = cluster(
      { feed: 'one', title: 'Government approves budget for the football league', text: 'The minister said the money goes to the league.' },
      { feed: 'two', title: 'New stadium rules for the league season' },
    );
    expect(themeStories([story], GENERAL)).toHaveLength(1);
  });

  it('decides like assignThemes when nothing is split, and every story of no theme evidence still comes back', () => {
    const result = themeStories([cluster({ title: 'Heavy rain expected across the north' }), cluster({ title: 'Team wins the cup final' })], GENERAL);
    expect(result.map((s) => s.decision.themeId)).toEqual([null, 'sports']);
  });
});
