// Feeds written by shell scripts and C programs date their items as `date` and asctime() print them: "Fri Nov 20
// 10:00:00 UTC 2026", "Fri Nov 20 10:00:00 2026" (the time before the year). Unread, every such date made its item
// undated, placed by when it was first seen: a new feed's whole archive, months of it, came out as this week's news.
import { describe, expect, it } from 'vitest';
import { buildServedFeeds, rssOf } from '../helpers/served-feeds.js';

const item = (n: number, title: string, date: string) =>
  `<item><title>${title}</title><link>https://script.example/${n}</link><guid>s${n}</guid><pubDate>${date}</pubDate><description>${title}, officials said.</description></item>`;

describe('dates as `date` and asctime() print them', () => {
  it('are read, so only this week is in the edition, each item at its time', async () => {
    const feed = rssOf(
      'Script',
      item(1, 'Missiles strike Kyiv power station', 'Fri Nov 20 10:00:00 UTC 2026') +
        item(2, 'Missiles shot down over Odesa', 'Sat Nov 21 09:30:00 EET 2026') +
        item(3, 'Missiles reach Lviv depot', 'Sun Nov 22 18:05:00 2026') +
        item(4, 'Missiles old story from September', 'Tue Sep  1 10:00:00 UTC 2026') +
        item(5, 'Missiles older story from August', 'Mon Aug  3 10:00:00 2026'),
    );
    const built = await buildServedFeeds({ Script: feed }, { keywords: ['missiles'], now: '2026-11-23T07:00:00Z' });
    expect(built.run.code, built.run.stderr).toBe(0);
    const items = built.edition!.sections.flatMap((s) => s.stories.flatMap((st) => st.items));
    expect(Object.fromEntries(items.map((it) => [it.guid, it.published]))).toEqual({
      s1: '2026-11-20T10:00:00.000Z',
      s2: '2026-11-21T07:30:00.000Z',
      s3: '2026-11-22T18:05:00.000Z',
    });
    expect(built.edition!.feeds[0].unreadableDates).toBeUndefined();
  }, 120_000);
});
