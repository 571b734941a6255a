// A day of headline-only feeds, as a news aggregator reads them: one story many outlets tell names its
// subject in a few rare words, and each headline picks some of them ("Mt. Gox", "MtGox", "bitcoin").
// Headlines that share no word with most of the story but say its other rare word meet it through the
// edition's own headlines, where those words keep company; a headline of another event that uses one of
// them (a bitcoin cash machine opening the same day) does not follow.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { item } from './sample.js';
import { businessDay } from './business-day.js';

let clock = Date.parse('2026-03-10T08:00:00Z');
let outlet = 0;
/** One bare headline from an outlet of its own, a few minutes after the previous one. */
function headline(title: string): Item {
  clock += 4 * 60_000;
  outlet++;
  return item({ feed: `outlet-${outlet}`, title, published: new Date(clock).toISOString() });
}

// Unrelated news of the same day: the background every pair is read against.
const otherNews = [
  ...businessDay,
  'Pizza chain seeks bankruptcy protection for the second time',
  'Hedge fund manager doubles down on short bet against nutrition firm',
  'Track worker killed by commuter train in the Bronx',
  'Video game launch draws long queues at midnight openings',
  'Bond market shrugs off the first corporate default in Shanghai',
  'Banana merger creates the largest fruit supplier in the world',
  'Solar panel maker sells its farms to repay creditors',
  'Insurer lobbies to open the southern province to foreign firms',
  'Toy retailer offers half price on new console games',
  'Startup raises $40 million to build delivery drones',
];

// One story: the collapse of a bitcoin exchange, told by twelve outlets.
const exchangeCollapse = [
  'Mt. Gox files for bankruptcy protection in the United States',
  'Bitcoin exchange Mt. Gox seeks court protection from creditors',
  'Hackers claim Mt. Gox still holds missing bitcoins',
  "Mt. Gox chief's blog hijacked as bitcoin losses mount",
  'Bitcoin traders count their losses after Mt. Gox filing',
  'Mt. Gox bitcoin vault was emptied over years, report says',
  'Angry bitcoin customers picket Mt. Gox offices',
  'Why the Mt. Gox fiasco will not kill bitcoin',
  // share no word with most of the above: only the story's other rare word, or the name written together
  'MtGox faced 150,000 attacks per second before going dark',
  'Is bitcoin legal? Lawmakers weigh rules for digital money',
  'Mt. Gox customers sue in Chicago',
];

// The same rare word, another event the same day: a bitcoin cash machine opens in London.
const cashMachine = [
  "London gets the UK's first bitcoin cash machine",
  'Bitcoin ATM opens in a Shoreditch coffee shop',
  'Britons can now swap pounds for bitcoin at a machine in east London',
  'First British bitcoin machine draws curious crowds',
];

function edition() {
  clock = Date.parse('2026-03-10T08:00:00Z');
  outlet = 0;
  const items = [...otherNews, ...exchangeCollapse, ...cashMachine].map(headline);
  const storyOf = new Map<string, number>();
  clusterItems(items).clusters.forEach((c, i) => c.items.forEach((it) => storyOf.set(it.title, i)));
  return storyOf;
}

describe('bare headlines of one story meet through the words its headlines keep together', () => {
  const storyOf = edition();

  it('every outlet that told the exchange collapse is one story, those sharing no word with most of it included', () => {
    const stories = new Set(exchangeCollapse.map((t) => storyOf.get(t)));
    expect(stories.size).toBe(1);
  });

  it('the collapse story holds nothing else of the day', () => {
    const story = storyOf.get(exchangeCollapse[0]);
    const members = [...storyOf].filter(([, s]) => s === story).map(([t]) => t);
    expect(members.sort()).toEqual([...exchangeCollapse].sort());
  });

  it('the cash machine opening, the same rare word and another event, does not join it', () => {
    const collapse = storyOf.get(exchangeCollapse[0]);
    for (const t of cashMachine) expect(storyOf.get(t)).not.toBe(collapse);
  });
});
