// An aggregator's day of bare headlines: a story many outlets told names its subject in a rare word most of
// its headlines hold ("Zorblax", a game's launch). A headline that names it beside other business (a toy
// chain's sale) is one more report of the launch, not of the sale. A name that two events of one kind share
// (two games of the same team in one week) belongs to neither: the other game's reports say it in their
// openings, so its headline stays with its own game.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { item } from './sample.js';
import { businessDay as otherNews } from './business-day.js';

let clock = 0;
let outlet = 0;
/** One item from an outlet of its own, a few minutes after the previous one (optionally with an opening). */
function report(title: string, lead = ''): Item {
  clock += 4 * 60_000;
  outlet++;
  return item({ feed: `outlet-${outlet}`, title, published: new Date(clock).toISOString(), ...(lead ? { text: lead, lead } : {}) });
}

// The launch of a video game, told by nine outlets, every headline naming it.
const launch = [
  'Zorblax launch draws midnight queues',
  'Midnight queues for the Zorblax launch',
  'Zorblax launch night: fans queue at midnight',
  'Zorblax launches at midnight to long queues',
  'Long midnight queues greet Zorblax launch',
  'Zorblax launch: shops open at midnight for queuing fans',
  'Fans queue past midnight for Zorblax launch',
  'Zorblax launch brings midnight queues to game shops',
  'Queues at midnight as Zorblax launch arrives',
  'Zorblax launch: the midnight queue in pictures',
];
// A toy chain's spring sale, told by three outlets.
const sale = [
  'Toy chain offers half price on console games',
  'Toy chain slashes console game prices for spring',
  'Half price console games at toy chain this week',
];
// Names the game beside the sale (and none of the sale's own words): the aggregator files it with the launch.
const saleWithLaunch = 'Toy chain adds Zorblax to its half price sale';

function edition(items: Item[]) {
  const storyOf = new Map<string, number>();
  clusterItems(items).clusters.forEach((c, i) => c.items.forEach((it) => storyOf.set(it.title, i)));
  return storyOf;
}

describe('a headline that names a large story in its own rare word joins it', () => {
  clock = Date.parse('2026-03-10T08:00:00Z');
  outlet = 0;
  const storyOf = edition([...otherNews, ...launch, ...sale, saleWithLaunch].map((t) => report(t)));

  it('the sale that names the game is with the launch', () => {
    expect(storyOf.get(saleWithLaunch)).toBe(storyOf.get(launch[0]));
  });

  it('the launch story is one story, and the sale without the game is not in it', () => {
    expect(new Set(launch.map((t) => storyOf.get(t))).size).toBe(1);
    for (const t of sale) expect(storyOf.get(t)).not.toBe(storyOf.get(launch[0]));
  });
});

describe('a name two events of one kind share moves no headline from one to the other', () => {
  clock = Date.parse('2026-03-10T08:00:00Z');
  outlet = 0;
  // Monday's game: every headline names the team
  const first = [
    'Qarvels beat Harbor City 20-13 to clinch a playoff berth',
    'Qarvels clinch playoff berth with win at Harbor City',
    'Late touchdown lifts Qarvels past Harbor City',
    'Qarvels edge Harbor City 20-13, reach the playoffs',
    'Qarvels top Harbor City to secure fifth seed',
    'Qarvels hold off Harbor City in 20-13 thriller',
    'Qarvels seal playoff place with 20-13 win',
    'Defence carries Qarvels to 20-13 win at Harbor City',
    'Qarvels grind out 20-13 win to make the playoffs',
    'Qarvels book playoff spot, beating Harbor City 20-13',
  ].map((t) => report(t));
  clock += 48 * 3_600_000;
  // Wednesday's game: headlines name the opponent, openings the team
  const second = [
    ['Rivertown stun the league leaders 31-24', 'Rivertown beat the Qarvels 31-24 on Wednesday night in front of a record crowd.'],
    ['Rivertown rally late for a 31-24 home win', 'A late rally gave Rivertown a 31-24 win over the Qarvels on Wednesday.'],
    ['Rivertown quarterback throws three touchdowns in 31-24 win', 'Rivertown quarterback threw three touchdowns as the Qarvels fell 31-24.'],
    ['Rivertown end losing run with 31-24 win', 'Rivertown ended a four-game losing run by beating the Qarvels 31-24.'],
  ].map(([t, lead]) => report(t, lead));
  const secondByName = report('Qarvels lose 31-24, their first defeat in six games', 'The Qarvels lost 31-24 at Rivertown on Wednesday, their first defeat in six games.');
  const storyOf = edition([...otherNews.map((t) => report(t)), ...first, ...second, secondByName]);

  it("the headline naming the team stays with Wednesday's game", () => {
    expect(storyOf.get(secondByName.title)).toBe(storyOf.get(second[0].title));
    expect(storyOf.get(secondByName.title)).not.toBe(storyOf.get(first[0].title));
  });
});

describe('a place is no story of its own', () => {
  clock = Date.parse('2026-03-10T08:00:00Z');
  outlet = 0;
  // a summit told by nine outlets, every headline naming the capital it is held in
  const summit = [
    'Sahel leaders gather in Ouagadougou for security summit',
    'Ouagadougou summit opens with call for regional force',
    'Ouagadougou talks: Sahel states pledge joint patrols',
    'Security summit in Ouagadougou ends with joint force deal',
    'Sahel summit in Ouagadougou agrees on border patrols',
    'Leaders sign patrol pact at Ouagadougou summit',
    'Ouagadougou summit: what the joint force will do',
    'Regional force takes shape at Ouagadougou meeting',
    'Ouagadougou summit leaders back joint Sahel force',
    'Joint force for the Sahel agreed at Ouagadougou summit',
  ];
  const elsewhere = report('Ouagadougou marathon draws record field', 'More than 9,000 runners lined up for the city marathon on Sunday morning.');
  const storyOf = edition([...otherNews.map((t) => report(t)), ...summit.map((t) => report(t)), elsewhere]);

  it("another event in the same capital stays out of the summit's story", () => {
    expect(storyOf.get(elsewhere.title)).not.toBe(storyOf.get(summit[0]));
  });
});

describe("a headline that names a smaller story's own word and none of its own story's leaves for it", () => {
  clock = Date.parse('2026-03-10T08:00:00Z');
  outlet = 0;
  // a crypto exchange's bankruptcy, told by fourteen outlets, every headline naming the exchange
  const exchange = [
    'Kryptavault seeks bankruptcy protection in US court',
    'Kryptavault exchange seeks US bankruptcy protection',
    'Bitcoin exchange Kryptavault seeks bankruptcy protection',
    'Kryptavault files for bankruptcy protection in the US',
    'Kryptavault seeks court protection during bankruptcy',
    'Kryptavault seeks US bankruptcy protection to halt lawsuit',
    'Kryptavault asks US court for bankruptcy protection',
    'Kryptavault seeks protection from creditors in US',
    'Kryptavault seeks bankruptcy protection after losing coins',
    'Kryptavault hit by hackers as it seeks bankruptcy protection',
    'Kryptavault seeks bankruptcy protection as customers wait',
    'Kryptavault seeks bankruptcy protection, hackers post data',
    'US bankruptcy filing for Kryptavault',
    'Kryptavault collapse: exchange seeks protection',
  ];
  // a pizza chain's second bankruptcy, told by nine outlets, every headline naming the chain
  const pizza = [
    'Pizzaroni files for bankruptcy again',
    'Pizza chain Pizzaroni files for Chapter 11 again',
    'Pizzaroni files second bankruptcy in three years',
    'Pizzaroni files for bankruptcy, its second in three years',
    'Pizza chain Pizzaroni goes bankrupt for second time',
    'Pizzaroni files for Chapter 11 reorganization again',
    'Mall pizza chain Pizzaroni files for bankruptcy',
    'Pizzaroni again files for Chapter 11',
    'Pizzaroni files for bankruptcy for the second time',
  ];
  const pizzaInExchangeWords = 'Pizzaroni again seeks to reorganize under bankruptcy protection';
  const storyOf = edition([...otherNews, ...exchange, ...pizza, pizzaInExchangeWords].map((t) => report(t)));

  it('the chain named in the words of the exchange story is with the chain', () => {
    expect(storyOf.get(pizzaInExchangeWords)).toBe(storyOf.get(pizza[0]));
    expect(storyOf.get(exchange[0])).not.toBe(storyOf.get(pizza[0]));
  });
});
