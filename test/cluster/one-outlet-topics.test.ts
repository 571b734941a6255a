// An outlet tells an event once. Two small stories that one and the same outlet told alone, in an edition of several
// outlets, are two events of one topic, not two fragments of one event, and the whole-story pass
// (src/cluster/story-merge.ts) no longer joins them. In a real week of business feeds that pass had joined a reader's
// "followed topic" feed's own reports of one regulator or one market (rules for one kind of lender and a fine for
// insider dealing; a sell-off and a takeover): its joins put 34 wrong pairs of reports in one story for 5 right ones. Here one outlet alone tells four decisions
// of a markets regulator in a week of other business news; the regulator, its decisions and the outlets are invented.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { businessDay } from './business-day.js';
import { newsItem } from './other-news.js';
import { backgroundWeek } from './sample.js';

/** a line of text for each of the business day's headlines, told by four outlets over the week */
const REPORTS = [
  'Shoppers spent more on garden furniture and clothing in March, the statistics office said.',
  'The recall covers trucks built over two years; no injuries have been reported.',
  'The two carriers will stop selling seats on each other’s flights from June.',
  'Exports and factory orders have weakened since the autumn, a policymaker said in a speech.',
  'Buses and trains carried more passengers than in any year since records began.',
  'The chain said storms kept diners at home and cut its quarterly profit.',
  'Shareholders re-elected the board after a months-long campaign by a hedge fund.',
  'Weaker building activity has cut demand for the metal used in wiring and pipes.',
  'Refineries are buying less crude as maintenance season begins.',
  'Cheaper handsets drove sales in Africa and South-East Asia.',
  'The brewer will pay shareholders more after beer sales rose in cold weather.',
  'A wave of new container ships has pushed freight prices down on routes to Asia.',
  'Mills produced less steel as construction slowed.',
  'Tourists from the mainland bought more watches and jewellery in the city.',
  'Cigarettes will leave its shelves by the end of the year.',
  'The carrier cut the monthly price of plans for four or more lines.',
  'Farmers blocked roads with tractors to demand a minimum price.',
  'Dry weather in Brazil and Vietnam has cut the harvest outlook.',
  'The company cancelled three sailings while it inspects the ship.',
];
const OUTLETS = ['harbour-times', 'the-exchange', 'daily-market', 'northern-post'];
const otherBusiness = (): Item[] =>
  REPORTS.map((text, k) =>
    newsItem(OUTLETS[k % OUTLETS.length], `b${k}`, businessDay[k], `2026-03-0${2 + (k % 5)}T${String(8 + (k % 10)).padStart(2, '0')}:00:00Z`, text),
  );

/** the outlet's four stories of the week, each told twice: headline, time, text */
const WEEK = {
  listings: [
    ['Finora chief says London must win back listings', '2026-03-04T11:00:00Z', 'The head of the regulator told bankers that simpler listing rules and faster approvals would bring companies back to the exchange.'],
    ['Finora promises faster approvals for companies listing in London', '2026-03-04T16:00:00Z', 'Its chief executive said the regulator would approve a prospectus within two weeks and drop rules that drove companies to New York.'],
  ],
  mortgages: [
    ['Finora eases mortgage rules to help first-time buyers', '2026-03-05T12:00:00Z', 'The regulator will let lenders offer bigger loans to first-time buyers with small deposits.'],
    ['Lenders welcome Finora move on small-deposit mortgages', '2026-03-05T17:00:00Z', 'Banks said they would offer loans of up to five times income to buyers with a five percent deposit once the regulator changes its rules.'],
  ],
  advice: [
    ['Finora plans cheaper investment help for savers', '2026-03-05T15:00:00Z', 'The regulator wants banks and platforms to offer simpler guidance to savers who hold too much cash.'],
    ['Savers with idle cash to get simpler guidance under Finora plan', '2026-03-05T20:00:00Z', 'Platforms could nudge customers with large cash balances towards funds without giving full advice, the regulator proposed.'],
  ],
  shorts: [
    ['Finora names hedge funds betting against London-listed shares', '2026-03-05T18:00:00Z', 'The regulator will publish the short positions of funds that bet against shares listed in London.'],
    ['Hedge funds fight Finora plan to reveal short positions', '2026-03-06T08:00:00Z', 'Funds warned that naming every short seller would drive trading away from London.'],
  ],
};
let n = 0;
const [LISTINGS, MORTGAGES, ADVICE, SHORTS] = Object.values(WEEK).map((reports) =>
  reports.map(([title, published, text]) => newsItem('meridian', `m${n++}`, title, published, text)),
);

describe('one outlet’s own reports of one regulator’s week', () => {
  it('are not made one story by the whole-story pass', () => {
    const { clusters } = clusterItems([...otherBusiness(), ...backgroundWeek(), ...LISTINGS, ...MORTGAGES, ...ADVICE, ...SHORTS]);
    const storyOf = (i: Item) => clusters.findIndex((c) => c.items.some((x) => x.key === i.key));
    for (const event of [LISTINGS, MORTGAGES, ADVICE, SHORTS]) expect(new Set(event.map(storyOf)).size).toBe(1);
    // the listings and the mortgage rules, the short positions and the savers' guidance: never one story
    expect(storyOf(LISTINGS[0])).not.toBe(storyOf(MORTGAGES[0]));
    expect(storyOf(SHORTS[0])).not.toBe(storyOf(ADVICE[0]));
  });
});
