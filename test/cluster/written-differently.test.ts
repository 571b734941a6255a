// One thing written differently by different outlets, in bare headlines that share little else. Headlines, outlets
// and events are invented; the week around them is the fixture weeks' (other-news.ts). Each case fails on the code
// before its rule.
//
// - An amount with its scale spelled out or as a letter: "$3.5 trillion", "$3.5T", "3.5tn", "40 bln". "3.5t" was a
//   term of its own beside "3.5", and the names factor read it as a different amount (src/cluster/tokenize.ts).
// - A short form and the name it stands for: "IAEA" and "International Atomic Energy Agency", "ECB" and "the
//   European Central Bank"; the edition says which is which (src/cluster/short-forms.ts).
// - A name with and without its diacritics: "Łódź" and "Lodz", "Erdoğan" and "Erdogan" (src/text/fold.ts).
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { newsItem, otherNews } from './other-news.js';

let n = 0;
function headline(outlet: string, title: string, published: string): Item {
  return newsItem(outlet, `${outlet}-${++n}`, title, published, '');
}

const CASES: Record<string, Item[]> = {
  '"$3.5T" and "3.5 trillion": the reports of one vote': [
    headline('herald', 'Velmar senate passes $3.5T spending plan', '2026-09-04T14:00:00Z'),
    headline('courier', 'Koren wins vote on 3.5 trillion crown blueprint', '2026-09-04T15:00:00Z'),
    headline('wire', 'Senators back 3.5 trillion package after all-night session', '2026-09-04T16:30:00Z'),
  ],
  '"IAEA" and "International Atomic Energy Agency"': [
    headline('herald', 'IAEA head warns drones endanger reactors', '2026-09-04T09:00:00Z'),
    headline('courier', 'International Atomic Energy Agency chief sounds alarm over strikes near plants', '2026-09-04T10:30:00Z'),
  ],
  '"ECB" and "the European Central Bank"': [
    headline('wire', 'ECB keeps borrowing costs steady as inflation cools', '2026-09-05T12:15:00Z'),
    headline('gazette', 'Rates on hold at the European Central Bank', '2026-09-05T13:00:00Z'),
  ],
  '"Łódź" and "Lodz"': [
    headline('herald', 'Fire guts historic mill in Łódź', '2026-09-06T09:00:00Z'),
    headline('courier', 'Lodz blaze destroys 19th-century factory', '2026-09-06T10:30:00Z'),
  ],
  '"Erdoğan" and "Erdogan"': [
    headline('wire', 'Erdoğan offers to mediate on grain shipments', '2026-09-06T12:15:00Z'),
    headline('gazette', 'Erdogan steps in as go-between over blocked cargoes', '2026-09-06T13:00:00Z'),
  ],
};

describe('one thing written differently', () => {
  const events = Object.values(CASES);
  const { clusters } = clusterItems([...otherNews(), ...events.flat()]);
  const storyOf = (i: Item) => clusters.findIndex((c) => c.items.some((x) => x.key === i.key));

  for (const [name, reports] of Object.entries(CASES)) {
    it(`${name}: one story`, () => {
      expect(new Set(reports.map(storyOf)).size).toBe(1);
    });
  }

  it('and the five events stay five stories', () => {
    expect(new Set(events.map((reports) => storyOf(reports[0]))).size).toBe(events.length);
  });
});
