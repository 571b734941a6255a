// An invented general week of one-line teasers in a business digest of four themes (invented outlets, companies and
// places), for tests that build such a week through the CLI: the reports a test is about, among unrelated ones.
import type { EvalSet, SetItem } from '../eval/set-format.js';

export const TEASER_OUTLETS = ['Ledgerline', 'Morning Bourse', 'Capitol Wire', 'The Weekly Quarto'];

/** [title, teaser] of reports that are each an event of their own and share little with anything else */
export const UNRELATED_TEASERS: [string, string][] = [
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

/** A time in the week (2–7 March 2027) for the k-th report, spread over days and hours. */
export function weekTime(k: number): string {
  return `2027-03-${String(2 + (k % 6)).padStart(2, '0')}T${String(6 + (k % 12)).padStart(2, '0')}:00:00Z`;
}

/** Items of the week: [title, teaser, event] rows, each from the next outlet, at `time(k)` (weekTime by default). */
export function teaserItems(prefix: string, rows: [string, string, string | null][], time: (k: number) => string = weekTime): SetItem[] {
  return rows.map(([title, text, event], k) => ({
    id: `${prefix}-${k}`,
    outlet: TEASER_OUTLETS[k % TEASER_OUTLETS.length],
    title,
    text,
    url: `https://example.org/${prefix}-${k}`,
    published: time(k),
    event,
    theme: null,
  }));
}

/** The week's set: its items (each outlet one of TEASER_OUTLETS) in the digest "The Week in Business". */
export function teaserWeek(name: string, items: SetItem[]): EvalSet {
  return {
    meta: {
      name,
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
    feedIds: new Map(TEASER_OUTLETS.map((o, k) => [o, `outlet-${k}`])),
  };
}
