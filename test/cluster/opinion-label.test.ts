// An opinion piece's label ("Opinion | ") is the outlet's filing, not a word of the piece's subject. Read as a word, it
// is one that every opinion piece of the outlet shares: beside one shared country it made two of an outlet's columns
// on unrelated subjects look like one event, in a sparse week of business news where one shared word lifts a pair far
// over the edition's background (a real week's "Opinion | Hit Iran in Its Shadow Bank Accounts" and "Opinion | Iran's
// Line on the Protests and Trump"). The columns, the outlet and their texts are invented.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import { withoutOpinionLabel } from '../../src/text/opinion.js';
import type { Item } from '../../src/types.js';
import { businessDay } from './business-day.js';
import { newsItem } from './other-news.js';
import { backgroundWeek } from './sample.js';

const OUTLETS = ['harbour-times', 'the-exchange', 'daily-market', 'northern-post'];
const otherBusiness = (): Item[] =>
  businessDay
    .slice(0, 24)
    .map((title, k) => newsItem(OUTLETS[k % OUTLETS.length], `b${k}`, title, `2026-03-0${2 + (k % 5)}T${String(8 + (k % 10)).padStart(2, '0')}:00:00Z`, ''));

/** one outlet's columns of the week, two on each of three countries, each pair on two unrelated subjects */
const COLUMNS: [string, string, string][] = [
  ['Opinion | Norway’s Wealth Fund Should Stop Chasing Tech', '2026-03-03T09:00:00Z', 'The fund’s managers have grown too fond of a handful of American giants.'],
  ['Opinion | Norway Is Right to Guard Its Fishing Grounds', '2026-03-04T09:00:00Z', 'The quarrel with Brussels over cod quotas is worth having.'],
  ['Opinion | Brazil’s Central Bank Deserves More Credit', '2026-03-03T12:00:00Z', 'Its governor kept his nerve when the currency slid.'],
  ['Opinion | Brazil’s Rainforest Deal Is a Fig Leaf', '2026-03-05T12:00:00Z', 'The pledge to stop clearing land has no money behind it.'],
  ['Opinion | Japan’s Savers Are Finally Waking Up', '2026-03-04T15:00:00Z', 'Households are moving cash out of bank deposits and into shares.'],
  ['Opinion | Japan Needs a Plan for Its Empty Villages', '2026-03-06T15:00:00Z', 'A million homes stand abandoned in the countryside.'],
];
const columns = (): Item[] => COLUMNS.map(([title, published, text], k) => newsItem('the-ledger', `o${k}`, title, published, text));

describe('an opinion piece’s label', () => {
  it('does not make two columns of one outlet on unrelated subjects one story', () => {
    const pieces = columns();
    const { clusters } = clusterItems([...otherBusiness(), ...backgroundWeek(), ...pieces]);
    const storyOf = (i: Item) => clusters.findIndex((c) => c.items.some((x) => x.key === i.key));
    // the wealth fund's tech shares and the cod quotas share Norway and, before, the label
    expect(storyOf(pieces[0])).not.toBe(storyOf(pieces[1]));
    expect(storyOf(pieces[2])).not.toBe(storyOf(pieces[3]));
    expect(storyOf(pieces[4])).not.toBe(storyOf(pieces[5]));
    // the stories still show the headlines as the outlet wrote them
    expect(clusters[storyOf(pieces[0])].items.map((i) => i.title)).toContain(COLUMNS[0][0]);
  });

  it('is read off the headline only when it names the piece’s kind', () => {
    expect(withoutOpinionLabel('Opinion | Japan’s Savers Are Finally Waking Up')).toBe('Japan’s Savers Are Finally Waking Up');
    expect(withoutOpinionLabel('COMMENT: The budget is a gamble')).toBe('The budget is a gamble');
    expect(withoutOpinionLabel('Opinion polls show Labour ahead')).toBe('Opinion polls show Labour ahead');
    expect(withoutOpinionLabel('Opinion |')).toBe('Opinion |');
  });
});
