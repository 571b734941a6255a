// Outlets write one amount with its scale spelled out or as a letter: "$3.5 trillion", "$3.5T", "3.5tn", "€40bn",
// "40 billion". A headline gives the amount and little else, so two reports that write it differently shared
// nothing that marks the event: "3.5t" was a term of its own beside "3.5", and beside the other reports'
// amounts the names factor read it as a different amount. Now "T", "B", "bln", "mln" and "trn" are read like
// "bn" and "tn" were. Headlines, outlets and the country are invented; the week around them is the fixture weeks'.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { newsItem, otherNews } from './other-news.js';

let n = 0;
function headline(outlet: string, title: string, published: string): Item {
  return newsItem(outlet, `${outlet}-${++n}`, title, published, '');
}

const PLAN = [
  headline('herald', 'Velmar senate passes $3.5T spending plan', '2026-09-04T14:00:00Z'),
  headline('courier', 'Koren wins vote on 3.5 trillion crown blueprint', '2026-09-04T15:00:00Z'),
  headline('wire', 'Senators back 3.5 trillion package after all-night session', '2026-09-04T16:30:00Z'),
];

describe('an amount written with a scale letter', () => {
  it('"$3.5T" and "3.5 trillion": the reports of one vote are one story', () => {
    const { clusters } = clusterItems([...otherNews(), ...PLAN]);
    const storyOf = (i: Item) => clusters.findIndex((c) => c.items.some((x) => x.key === i.key));
    expect(new Set(PLAN.map(storyOf)).size).toBe(1);
  });
});
