// Themes of a digest about one subject (the war in Ukraine), worded as a user would, shared by the theme tests
// that need one.
import type { ThemeConfig } from '../../src/types.js';

export const WAR_THEMES: ThemeConfig[] = [
  { id: 'fighting', title: 'Fighting & strikes', description: 'The war on the ground and in the air: Russian missile and drone attacks on Ukrainian towns, Ukrainian strikes inside Russia, battles along the front.',
    keywords: ['front line', 'offensive', 'missile', 'drone', 'shelling', 'troops', 'killed', 'air defence', 'strike', 'artillery'] },
  { id: 'talks', title: 'Talks & diplomacy', description: 'Efforts to end the war: negotiations, envoys and summits, prisoner swaps, sanctions and pressure on Moscow.',
    keywords: ['peace talks', 'negotiations', 'ceasefire', 'envoy', 'summit', 'sanctions', 'prisoner exchange', 'foreign minister', 'mediation', 'diplomats'] },
  { id: 'money', title: 'Money & energy', description: 'How Ukraine pays for the war and keeps the lights on: budgets, loans and grants, the power grid, gas and exports.',
    keywords: ['budget', 'loan', 'grant', 'power grid', 'electricity', 'gas', 'exports', 'economy', 'debt', 'inflation'] },
  { id: 'politics', title: 'Politics & law', description: "Who governs Ukraine and how: parliament's votes and laws, ministers and appointments, corruption cases and courts.",
    keywords: ['parliament', 'bill', 'vote', 'law', 'minister', 'cabinet', 'corruption', 'court', 'election', 'reform'] },
];
