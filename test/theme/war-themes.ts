// Themes of a digest about one subject (the war in Ukraine), worded as a user would, and a week of stories in them,
// shared by the theme tests that need one.
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

/** A week of the war in those themes: each story's headline and text. */
export const WAR_WEEK: [string, string][] = [
  ['Missile strike on Dnipro kills four', 'A Russian missile hit a residential block in Dnipro overnight, killing four people and wounding eleven, the regional governor said.'],
  ['Drone attack sets Odesa port ablaze', 'Russian drones struck grain warehouses in the port of Odesa before dawn, starting a fire that burned for six hours.'],
  ['Ukrainian troops hold the line near Pokrovsk', 'Ukrainian units repelled three assaults east of Pokrovsk on Tuesday, the general staff said, as Russian shelling of the town continued.'],
  ['Air defence downs 40 drones over Kyiv', 'Air defence shot down 40 of 46 drones launched at the capital overnight; falling debris damaged two houses in the suburbs.'],
  ['Ukraine strikes refinery deep inside Russia', 'Long-range Ukrainian drones hit an oil refinery in the Saratov region, a source in the security service said, halting one of its units.'],
  ['Artillery duel along the Dnipro river', 'Russian and Ukrainian artillery exchanged fire across the river near Kherson for a third day, with shells landing in villages on both banks.'],
  ['Glide bombs on Kharkiv wound nine', 'Russian aircraft dropped guided bombs on Kharkiv on Sunday afternoon, wounding nine people and damaging a hospital.'],
  ['Envoys meet in Istanbul for prisoner exchange talks', 'Negotiators from both sides met in Istanbul to agree the next prisoner exchange, the Turkish foreign minister said.'],
  ['Parliament passes wartime budget', "Lawmakers approved next year's budget on Thursday, with most spending going to defence and the rest covered by loans and grants."],
  ['Grid operator warns of winter blackouts', 'The national grid operator said power cuts are likely this winter after attacks on substations, and asked households to save electricity.'],
  ['Minister dismissed over procurement scandal', 'Parliament voted to dismiss the deputy defence minister after anti-corruption detectives searched his office over overpriced contracts.'],
];
