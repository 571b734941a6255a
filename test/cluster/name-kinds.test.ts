// Two reports that name things of no common kind are silent on each other's names: through the real CLI, a general
// week of one-line teasers (invented outlets, bureaus and firms). One report of a jobs release names the bureau that
// published it, the other the country and its figures; they shared the event's words but no name, and the names
// factor (src/cluster/similarity.ts) scaled the pair down to its floor as if the names disagreed. Two reports that
// name things of one kind and name them differently (two countries' central banks) still disagree.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from './stories-by-title.js';
import type { EvalSet, SetItem } from '../eval/set-format.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-kinds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OUTLETS = ['Ledgerline', 'Morning Bourse', 'Capitol Wire', 'The Weekly Quarto'];

/** [title, teaser, event] per report; null: an event of its own */
const WEEK: [string, string, string | null][] = [
  ['Hiring slowed sharply last month, the statistics bureau says', 'Employers added far fewer jobs than economists had expected, according to figures the Tallis Bureau published on Friday.', 'jobs'],
  ['Canada added just 9,000 jobs last month, far below forecasts', 'Economists had expected hiring to pick up; the jobless rate rose to 7.1 percent.', 'jobs'],
  ['Norway’s central bank holds its key rate at 4.5 percent', 'Policymakers in Oslo said inflation was still too high to ease.', 'norway-rate'],
  ['Sweden’s central bank leaves its key rate unchanged as inflation nears target', 'Stockholm’s policymakers will wait for spring wage deals before cutting.', 'sweden-rate'],
  ['Is the office market finally turning?', 'Landlords report more viewings than at any point since the pandemic.', null],
  ['The quiet revival of vinyl pressing plants', 'Small factories are running night shifts to meet demand.', null],
  ['Pension funds rethink their bets on private credit', 'Trustees worry about how hard it is to sell out in a hurry.', null],
  ['Why shipping insurers are nervous', 'Premiums for cargo on long routes have doubled since autumn.', null],
  ['Teachers vote to strike over pay in Dunmore province', 'Schools could close for three days next month.', null],
  ['Storm floods the harbour district of Calvessa', 'Ferries were cancelled and hundreds of homes lost power.', null],
  ['Parliament of Ostrava Minor passes a budget after an all-night session', 'Finance minister Rela Quint called it a budget of restraint.', null],
  ['Robot lawn mowers are the garden craze of the year', 'Sales have tripled, and so have complaints about hedgehogs.', null],
  ['Chipmaker Torvane delays its new factory', 'The plant will open a year late because of a shortage of cleanroom engineers.', null],
  ['Should you fix your mortgage now?', 'Brokers are split on whether borrowing costs have peaked.', null],
  ['Wheat harvest set for a record in the northern plains', 'Farmers expect yields a fifth above last year.', null],
  ['Museum returns looted bronzes to their temple', 'The handover ends a dispute that lasted forty years.', null],
  ['Satellite start-up Orbisca raises a second round', 'Investors put in money to build twelve more weather satellites.', null],
  ['Court blocks the merger of two regional grocers', 'Judges said shoppers in rural towns would pay more.', null],
  ['Airline Skyvane adds routes to the islands', 'Flights start in May, twice a week from the capital.', null],
  ['The hidden cost of free returns', 'Retailers are quietly charging for parcels sent back.', null],
  ['Election in Marrovia goes to a run-off', 'Neither candidate won half of the vote on Sunday.', null],
  ['Coffee chains battle over breakfast sandwiches', 'A price war has broken out in the morning rush.', null],
  ['Why pharmacists are leaving the high street', 'Closures have doubled as contracts fail to cover costs.', null],
  ['Budget carrier cuts its fares for the summer', 'Seats on short routes will cost less than a train ticket.', null],
  ['Volcano on Isla Serrano erupts again', 'Ash closed the island airport for a second day.', null],
  ['Fund managers pile into emerging market bonds', 'Inflows reached their highest level in three years.', null],
  ['Vertical farms struggle to turn a profit', 'Energy bills have sunk several of the biggest growers.', null],
  ['Carmaker Dovrel recalls vans over faulty brakes', 'Owners of 40,000 vehicles will be told to book a repair.', null],
  ['What the bond market is telling us', 'Long yields are rising even as short ones fall.', null],
  ['Town halls run short of money for road repairs', 'Potholes are left unfilled for months.', null],
];

function generalWeek(): EvalSet {
  const items: SetItem[] = WEEK.map(([title, text, event], k) => ({
    id: `kinds-${k}`,
    outlet: OUTLETS[k % OUTLETS.length],
    title,
    text,
    url: `https://example.org/kinds-${k}`,
    // the four reports of the two releases and two rate decisions on one morning; the rest through the week
    published: k < 4 ? `2027-03-05T${String(7 + k).padStart(2, '0')}:00:00Z` : `2027-03-${String(2 + (k % 6)).padStart(2, '0')}T${String(6 + (k % 12)).padStart(2, '0')}:00:00Z`,
    event,
    theme: null,
  }));
  return {
    meta: {
      name: 'kinds',
      role: 'tuning',
      about: 'An invented general week of one-line teasers.',
      now: '2027-03-09T00:00:00Z',
      window: '7d',
      title: 'The Week in Business',
      themes: [
        { id: 'world', title: 'World & politics', description: 'Governments, elections, courts and disasters around the world.', keywords: ['government', 'election', 'parliament', 'court', 'minister', 'strike', 'storm', 'vote'] },
        { id: 'economy', title: 'Economy', description: 'Growth, prices, jobs, interest rates, budgets and currencies.', keywords: ['inflation', 'prices', 'interest rates', 'budget', 'currency', 'mortgage', 'jobs', 'harvest'] },
        { id: 'markets', title: 'Companies & markets', description: 'Company results, deals, funds, bonds and the people who run businesses.', keywords: ['shares', 'dividend', 'profit', 'merger', 'investors', 'bonds', 'funds', 'recall'] },
        { id: 'tech', title: 'Technology', description: 'Tech companies, apps, chips, satellites and science.', keywords: ['app', 'chips', 'software', 'satellite', 'robot', 'start-up', 'internet', 'data'] },
      ],
      other: 'Other news',
    },
    items,
    feedIds: new Map(OUTLETS.map((o, k) => [o, `outlet-${k}`])),
  };
}

let storyOf: Map<string, number>;

beforeAll(async () => {
  storyOf = await buildStories(generalWeek(), dir);
}, 120_000);

describe('names of no common kind are no disagreement', () => {
  it('a report naming the bureau and one naming the country and its figures are one story', () => {
    const [bureau, country] = [WEEK[0][0], WEEK[1][0]];
    expect(storyOf.get(bureau)).toBeDefined();
    expect(storyOf.get(bureau)).toBe(storyOf.get(country));
  });

  it('two countries’ central banks holding their rates are two stories', () => {
    const [norway, sweden] = [WEEK[2][0], WEEK[3][0]];
    expect(storyOf.get(norway)).toBeDefined();
    expect(storyOf.get(sweden)).toBeDefined();
    expect(storyOf.get(norway)).not.toBe(storyOf.get(sweden));
  });
});
