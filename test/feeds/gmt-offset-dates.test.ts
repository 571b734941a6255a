// Some generators write an RFC 822 date's offset after "GMT" or "UTC" ("Mon, 23 Nov 2026 08:30:00 GMT+0200",
// "… UTC+3"). The offset counts: read as plain GMT, such an item moved hours later, out of the edition whose window
// it was published in (or into the one after it).
import { describe, expect, it } from 'vitest';
import { buildServedFeeds, rssOf } from '../helpers/served-feeds.js';

const item = (n: number, title: string, date: string) =>
  `<item><title>${title}</title><link>https://kyiv.example/${n}</link><guid>k${n}</guid><pubDate>${date}</pubDate><description>${title}, officials said on Monday morning.</description></item>`;

describe('RFC 822 dates with an offset after GMT or UTC', () => {
  it('are read at their offset, so an item published before the edition closed is in it', async () => {
    // the edition closes at 07:00 UTC; each item went out before that, in its own zone
    const feed = rssOf(
      'Kyiv',
      item(1, 'Missiles hit Kyiv power station', 'Mon, 23 Nov 2026 08:30:00 GMT+0200') +
        item(2, 'Missiles reach Odesa port', 'Mon, 23 Nov 2026 09:45:00 UTC+3') +
        item(3, 'Missiles shot down over Lviv', 'Mon, 23 Nov 2026 08:50:00 GMT+02:00'),
    );
    const built = await buildServedFeeds({ Kyiv: feed }, { keywords: ['missiles'], now: '2026-11-23T07:00:00Z' });
    expect(built.run.code, built.run.stderr).toBe(0);
    const items = built.edition!.sections.flatMap((s) => s.stories.flatMap((st) => st.items));
    const published = Object.fromEntries(items.map((it) => [it.guid, it.published]));
    expect(published).toEqual({ k1: '2026-11-23T06:30:00.000Z', k2: '2026-11-23T06:45:00.000Z', k3: '2026-11-23T06:50:00.000Z' });
    expect(built.edition!.excluded.filter((e) => e.reason === 'outside-window')).toEqual([]);
  }, 120_000);
});
