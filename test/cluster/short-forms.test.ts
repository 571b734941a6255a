// A short form and the name it stands for are one name: "IAEA" and "International Atomic Energy Agency", "ECB" and
// "the European Central Bank". The edition says which is which: some item writes the short form, some item spells
// out a name whose initials are its letters (src/cluster/short-forms.ts). Headlines and events are invented; the week
// around them is the fixture weeks'.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { newsItem, otherNews } from './other-news.js';

let n = 0;
function headline(outlet: string, title: string, published: string): Item {
  return newsItem(outlet, `${outlet}-${++n}`, title, published, '');
}

const WATCHDOG = [
  headline('herald', 'IAEA head warns drones endanger reactors', '2026-09-04T09:00:00Z'),
  headline('courier', 'International Atomic Energy Agency chief sounds alarm over strikes near plants', '2026-09-04T10:30:00Z'),
];
const BANK = [
  headline('wire', 'ECB keeps borrowing costs steady as inflation cools', '2026-09-05T12:15:00Z'),
  headline('gazette', 'Rates on hold at the European Central Bank', '2026-09-05T13:00:00Z'),
];

describe('a short form and the name it stands for', () => {
  const { clusters } = clusterItems([...otherNews(), ...WATCHDOG, ...BANK]);
  const storyOf = (i: Item) => clusters.findIndex((c) => c.items.some((x) => x.key === i.key));

  it('"IAEA" and "International Atomic Energy Agency": the two reports are one story', () => {
    expect(storyOf(WATCHDOG[0])).toBe(storyOf(WATCHDOG[1]));
  });

  it('"ECB" and "the European Central Bank": the two reports are one story', () => {
    expect(storyOf(BANK[0])).toBe(storyOf(BANK[1]));
  });

  it('and the two events stay apart', () => {
    expect(storyOf(WATCHDOG[0])).not.toBe(storyOf(BANK[0]));
  });
});
