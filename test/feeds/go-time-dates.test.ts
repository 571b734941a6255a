// Hugo and other Go programs print a date left unformatted as Go's time.String() does: "2026-11-20 10:00:00 +0200
// EET", the offset followed by the zone's name (and, for a time read from the clock, "m=+0.01"). A template writing
// {{ .Date }} in <pubDate> dates every item so; unread, each was undated, placed by when first seen, and a new feed's
// months of posts came out as this week's news.
import { describe, expect, it } from 'vitest';
import { buildServedFeeds, rssOf } from '../helpers/served-feeds.js';

const item = (n: number, title: string, date: string) =>
  `<item><title>${title}</title><link>https://hugo.example/${n}</link><guid>h${n}</guid><pubDate>${date}</pubDate><description>${title}, officials said.</description></item>`;

describe("dates as Go's time.String() prints them", () => {
  it('are read at their offset, so only this week is in the edition', async () => {
    const feed = rssOf(
      'Hugo',
      item(1, 'Missiles strike Kyiv power station', '2026-11-20 10:00:00 +0200 EET') +
        item(2, 'Missiles shot down over Odesa', '2026-11-21 09:30:00.123456789 +0000 UTC') +
        item(3, 'Missiles reach Lviv depot', '2026-11-22 18:05:00 +0200 EET m=+0.012345678') +
        item(4, 'Missiles old story from September', '2026-09-01 10:00:00 +0300 EEST'),
    );
    const built = await buildServedFeeds({ Hugo: feed }, { keywords: ['missiles'], now: '2026-11-23T07:00:00Z' });
    expect(built.run.code, built.run.stderr).toBe(0);
    const items = built.edition!.sections.flatMap((s) => s.stories.flatMap((st) => st.items));
    expect(Object.fromEntries(items.map((it) => [it.guid, it.published]))).toEqual({
      h1: '2026-11-20T08:00:00.000Z',
      h2: '2026-11-21T09:30:00.123Z',
      h3: '2026-11-22T16:05:00.000Z',
    });
    expect(built.edition!.feeds[0].unreadableDates).toBeUndefined();
  }, 120_000);
});
