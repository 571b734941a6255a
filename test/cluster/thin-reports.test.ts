// Reports with text that share little are two events: through the real CLI, a general week of one-line teasers
// (invented outlets and companies), where most reports name nobody and share no word with the rest. There the
// edition's background hardly spreads, and one word two teasers happen to share lifted them over the threshold:
// "How low can the pound go?" and "A low supply of eggs keeps breakfast prices high" were one story, and so were two
// reports that name one company and nothing else of each other. Stories are drawn more strictly than sections
// (src/pipeline/strict-stories.ts): such a pair counts THIN_SHARE of its shared words (src/cluster/similarity.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from './stories-by-title.js';
import type { EvalSet, SetItem } from '../eval/set-format.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-thin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OUTLETS = ['Ledgerline', 'Morning Bourse', 'Capitol Wire', 'The Weekly Quarto'];

/** [title, teaser] per report; each is an event of its own unless a pair below says otherwise */
const WEEK: [string, string][] = [
  ['How low can the pound go?', 'Will traders keep dumping sterling this spring?'],
  ['A low supply of eggs keeps breakfast prices high', 'Laying flocks are at their smallest in a decade, and shops are rationing cartons.'],
  ['Veltro shuts down its podcast app', 'Veltro tells listeners to move their shows elsewhere by June.'],
  ['Regulators fine Veltro over hotel search rankings', 'Veltro must pay after a two-year inquiry into how rival booking sites were shown.'],
  ['Hallcrest raises its dividend after a strong winter quarter', 'The brewer said beer sales beat forecasts in every region.'],
  ['Brewer Hallcrest lifts payout as winter beer sales beat forecasts', 'Hallcrest will pay shareholders 12 cents more a share after its best winter.'],
  ['Is the office market finally turning?', 'Landlords report more viewings than at any point since the pandemic.'],
  ['The quiet revival of vinyl pressing plants', 'Small factories are running night shifts to meet demand.'],
  ['Pension funds rethink their bets on private credit', 'Trustees worry about how hard it is to sell out in a hurry.'],
  ['Why shipping insurers are nervous', 'Premiums for cargo on long routes have doubled since autumn.'],
  ['Teachers vote to strike over pay in Dunmore province', 'Schools could close for three days next month.'],
  ['Storm floods the harbour district of Calvessa', 'Ferries were cancelled and hundreds of homes lost power.'],
  ['Parliament of Ostrava Minor passes a budget after all-night session', 'Finance minister Rela Quint called it a budget of restraint.'],
  ['Robot lawn mowers are the garden craze of the year', 'Sales have tripled, and so have complaints about hedgehogs.'],
  ['Chipmaker Torvane delays its new factory', 'The plant will open a year late because of a shortage of cleanroom engineers.'],
  ['Should you fix your mortgage now?', 'Brokers are split on whether rates have peaked.'],
  ['Wheat harvest set for a record in the northern plains', 'Farmers expect yields a fifth above last year.'],
  ['Museum returns looted bronzes to their temple', 'The handover ends a dispute that lasted forty years.'],
  ['Satellite start-up Orbisca raises a second round', 'Investors put in money to build twelve more weather satellites.'],
  ['Court blocks the merger of two regional grocers', 'Judges said shoppers in rural towns would pay more.'],
  ['Airline Skyvane adds routes to the islands', 'Flights start in May, twice a week from the capital.'],
  ['The hidden cost of free returns', 'Retailers are quietly charging for parcels sent back.'],
  ['Election in Marrovia goes to a run-off', 'Neither candidate won half of the vote on Sunday.'],
  ['Coffee chains battle over breakfast sandwiches', 'A price war has broken out in the morning rush.'],
  ['Why pharmacists are leaving the high street', 'Closures have doubled as contracts fail to cover costs.'],
  ['Budget carrier cuts its fares for the summer', 'Seats on short routes will cost less than a train ticket.'],
  ['Volcano on Isla Serrano erupts again', 'Ash closed the island airport for a second day.'],
  ['Fund managers pile into emerging market bonds', 'Inflows reached their highest level in three years.'],
  ['Vertical farms struggle to turn a profit', 'Energy bills have sunk several of the biggest growers.'],
  ['Carmaker Dovrel recalls vans over faulty brakes', 'Owners of 40,000 vehicles will be told to book a repair.'],
  ['What the bond market is telling us', 'Long yields are rising even as short ones fall.'],
  ['Town halls run short of money for road repairs', 'Potholes are left unfilled for months.'],
];

/** Pairs that share only common words or one name: two events each. */
const APART: [string, string][] = [
  ['How low can the pound go?', 'A low supply of eggs keeps breakfast prices high'],
  ['Veltro shuts down its podcast app', 'Regulators fine Veltro over hotel search rankings'],
];
/** Two reports of one event that share a name and more: one story. */
const TOGETHER: [string, string] = ['Hallcrest raises its dividend after a strong winter quarter', 'Brewer Hallcrest lifts payout as winter beer sales beat forecasts'];

function generalWeek(): EvalSet {
  const items: SetItem[] = WEEK.map(([title, text], k) => ({
    id: `thin-${k}`,
    outlet: OUTLETS[k % OUTLETS.length],
    title,
    text,
    url: `https://example.org/thin-${k}`,
    published: `2027-03-${String(2 + (k % 6)).padStart(2, '0')}T${String(6 + (k % 12)).padStart(2, '0')}:00:00Z`,
    event: TOGETHER.includes(title) ? 'hallcrest' : null,
    theme: null,
  }));
  return {
    meta: {
      name: 'thin',
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

describe('reports with text that share little are two events', () => {
  it.each(APART)('"%s" and "%s" are two stories', (a, b) => {
    expect(storyOf.get(a)).toBeDefined();
    expect(storyOf.get(b)).toBeDefined();
    expect(storyOf.get(a)).not.toBe(storyOf.get(b));
  });

  it('two reports that share a name and more words are one story', () => {
    expect(storyOf.get(TOGETHER[0])).toBeDefined();
    expect(storyOf.get(TOGETHER[0])).toBe(storyOf.get(TOGETHER[1]));
  });
});
