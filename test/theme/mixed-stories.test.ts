// A story the clustering joined from items of different sections (one shared name) is split before sections
// are chosen, each part in its own section; a real story with an item told from another angle stays whole.
import { describe, expect, it } from 'vitest';
import type { ThemeConfig } from '../../src/types.js';
import { themeStories } from '../../src/theme/index.js';
import { cluster, THEMES, type ItemSpec } from './items.js';

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

  // Another outlet's analysis of the envoy's visit: a question for a headline, a scene with drones for an
  // opening, so its own evidence leans to the strikes; but its opening names the envoy, Putin and the Kremlin.
  const envoyTalks: ItemSpec[] = [
    { feed: 'one', title: 'U.S. envoy holds four hours of ceasefire talks with Putin', text: 'Special envoy Daniel Marsh met Vladimir Putin in the Kremlin for ceasefire negotiations.' },
    { feed: 'two', title: 'Envoy Marsh meets Putin on peace talks', text: 'Daniel Marsh and Vladimir Putin spoke for four hours in the Kremlin about a ceasefire.' },
    { feed: 'three', title: 'White House envoy sees Putin as ceasefire push resumes', text: 'The envoy carried a ceasefire proposal to the Kremlin, the White House said.' },
  ];

  it('keeps another outlet’s report on the event whose headline shares one word but whose opening tells the event', () => {
    const analysis = {
      feed: 'four',
      title: 'What did Marsh bring back from Moscow?',
      text: 'Overnight drones and missiles lit up the sky over Kyiv as Daniel Marsh sat with Vladimir Putin in the Kremlin. Air defence shot down most of the drones.',
    };
    const result = themeStories([cluster(...envoyTalks, analysis)], THEMES);
    expect(sections(result)).toEqual({ talks: [[...envoyTalks.map((s) => s.title), analysis.title]] });
  });

  it('still splits off an item of another outlet that shares only a name with the story, in its opening too', () => {
    const stray = {
      feed: 'four',
      title: 'Drones and missiles hit Kharkiv overnight',
      text: 'Air defence shot down most of the drones over Kharkiv, where Marsh, a local official, counted the damage.',
    };
    const result = themeStories([cluster(...envoyTalks, stray)], THEMES);
    expect(sections(result)).toEqual({ talks: [envoyTalks.map((s) => s.title)], arms: [[stray.title]] });
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
