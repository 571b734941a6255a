// An undated item is placed by when it was first seen, remembered under its key. A feed of one undated item under a
// constant guid (its home page) gives a new article under that key every week: the new article is first seen when it
// appears, not when the article before it was, or it falls before the window and is lost.
import { describe, expect, it } from 'vitest';
import { itemsIn, rssDoc, sentThenNext } from './two-editions.js';

const strike = { title: 'Port workers strike over unpaid wages in Odesa', text: 'Dock workers in Odesa stopped work over three months of unpaid wages, their union said.' };
const rail = { title: 'Rail line to Kharkiv reopens after repairs', text: 'Trains ran again between Kyiv and Kharkiv after three weeks of repairs to a bridge, the railway said.' };

describe('an undated item under a reused guid', () => {
  it('is first seen when it appears, so the next week\'s article under the same guid is in the next edition', async () => {
    const { first, second } = await sentThenNext(
      { alert: rssDoc('alert', [{ guid: 'https://alert.example/', link: 'https://alert.example/2026/strike', ...strike }]) },
      { alert: rssDoc('alert', [{ guid: 'https://alert.example/', link: 'https://alert.example/2026/rail', ...rail }]) },
    );
    expect(itemsIn(first)).toEqual([`alert|${strike.title}`]);
    expect(itemsIn(second)).toEqual([`alert|${rail.title}`]);
  }, 240_000);
});
