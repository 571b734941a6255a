// An item dated days, months or years ahead (a year typed wrong, an event's date given as the item's) was left out as
// outside the window every week until that date came, and then went out, stale, in an edition long after it was
// news. A date more than a day ahead of the build is no date to place an item by: it is placed by when it was first
// seen, as an undated item is, the report says why, and the week after it is already sent, not new again.
import { describe, expect, it } from 'vitest';
import { alreadySent, itemsIn, rssDoc, sentThenNext, WEEK_1, WEEK_2 } from './two-editions.js';

const typo = { guid: 'h-1', link: 'https://harbour.example/talks', title: 'Envoys reopen grain corridor talks in Istanbul', text: 'Ukrainian and Turkish envoys reopened talks in Istanbul about the grain corridor, with UN mediators present.' };
const strike = { guid: 'h-2', link: 'https://harbour.example/strike', date: WEEK_1, title: 'Port workers strike over unpaid wages in Odesa', text: 'Dock workers in Odesa stopped work over three months of unpaid wages, their union said.' };
const rail = { guid: 'h-3', link: 'https://harbour.example/rail', date: WEEK_2, title: 'Rail line to Kharkiv reopens after repairs', text: 'Trains ran again between Kyiv and Kharkiv after three weeks of repairs to a bridge, the railway said.' };

describe('items dated in the future', () => {
  it('are placed by when they were first seen, and not sent again the week after', async () => {
    const ahead = 'Wed, 18 Nov 2099 09:00:00 +0000';
    const { first, second } = await sentThenNext(
      { harbour: rssDoc('harbour', [{ ...typo, date: ahead }, strike]) },
      { harbour: rssDoc('harbour', [{ ...typo, date: ahead }, strike, rail]) },
    );
    expect(itemsIn(first)).toEqual([`harbour|${typo.title}`, `harbour|${strike.title}`]);
    const shown = first.sections.flatMap((s) => s.stories.flatMap((st) => st.items)).find((it) => it.guid === 'h-1')!;
    expect(shown.published).toBe('');
    expect(first.feeds[0].unreadableDates).toEqual([{ guid: 'h-1', reason: 'date 2099-11-18T09:00:00.000Z is in the future' }]);
    expect(itemsIn(second)).toEqual([`harbour|${rail.title}`]);
    expect(alreadySent(second)).toEqual([]);
    expect(second.excluded.map((e) => `${e.guid} ${e.reason}`).sort()).toEqual(['h-1 outside-window', 'h-2 outside-window']);
  }, 240_000);
});
