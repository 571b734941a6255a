// "US" and "UK" are too short for the gazetteer (two-letter words collide with ordinary ones), but written in
// capitals they name the country, and must meet "the United States", "American", "Britain" and "British":
// reports that call one country differently share it as a name. Before, "US" was a name of its own, so a
// report naming only the US shared no name with one naming the United States, and the names factor kept
// them apart.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { backgroundWeek, item } from './sample.js';

const groupsOf = (items: Item[]) => clusterItems(items).clusters.map((c) => c.items.map((i) => i.key).sort());
const together = (groups: string[][], items: Item[]) => groups.some((g) => items.every((i) => g.includes(i.key)));
const apart = (groups: string[][], a: Item[], b: Item[]) =>
  !groups.some((g) => a.some((i) => g.includes(i.key)) && b.some((i) => g.includes(i.key)));

describe('a country written as its abbreviation', () => {
  it('"US" meets "United States": one story', () => {
    const envoy = [
      item({ feed: 'wire', title: 'US envoy arrives for ceasefire talks', published: '2026-03-05T08:00:00Z',
        text: 'A US envoy arrived on Thursday for two days of ceasefire talks.' }),
      item({ feed: 'daily', title: 'United States envoy lands in Kyiv for truce talks', published: '2026-03-05T10:00:00Z',
        text: 'The United States special envoy landed in Kyiv for truce talks with President Volodymyr Zelensky and his chief of staff, officials said.' }),
    ];
    expect(together(groupsOf([...envoy, ...backgroundWeek()]), envoy)).toBe(true);
  });

  it('"UK" meets "British": one story', () => {
    const minister = [
      item({ feed: 'wire', title: 'UK minister arrives for ceasefire talks', published: '2026-03-05T08:00:00Z',
        text: 'A UK minister arrived on Thursday for two days of ceasefire talks.' }),
      item({ feed: 'daily', title: 'British minister lands for truce talks', published: '2026-03-05T10:00:00Z',
        text: 'The British foreign minister landed in Kyiv for truce talks with President Volodymyr Zelensky and his chief of staff, officials said.' }),
    ];
    expect(together(groupsOf([...minister, ...backgroundWeek()]), minister)).toBe(true);
  });

  it('two countries stay two: a US envoy and a UK minister each arriving are two reports, as two governments each sending air defence are', () => {
    const envoy = [
      item({ feed: 'wire', guid: 'us', title: 'US envoy arrives for ceasefire talks', published: '2026-03-05T08:00:00Z',
        text: 'A US envoy arrived on Thursday for two days of ceasefire talks.' }),
      item({ feed: 'daily', guid: 'usa', title: 'United States envoy lands for truce talks', published: '2026-03-05T10:00:00Z',
        text: 'The United States special envoy landed in Kyiv for truce talks with President Volodymyr Zelensky and his chief of staff, officials said.' }),
    ];
    const minister = [
      item({ feed: 'wire', guid: 'uk', title: 'UK minister arrives for ceasefire talks', published: '2026-03-05T09:00:00Z',
        text: 'A UK minister arrived on Thursday for two days of ceasefire talks.' }),
      item({ feed: 'daily', guid: 'gb', title: 'British minister lands for truce talks', published: '2026-03-05T11:00:00Z',
        text: 'The British foreign minister landed in Kyiv for truce talks with President Volodymyr Zelensky and his chief of staff, officials said.' }),
    ];
    const groups = groupsOf([...envoy, ...minister, ...backgroundWeek()]);
    expect(together(groups, envoy)).toBe(true);
    expect(together(groups, minister)).toBe(true);
    expect(apart(groups, envoy, minister)).toBe(true);
  });
});
