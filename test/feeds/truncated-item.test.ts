// A feed file cut off part-way (its generator stopped mid-write, and the server sends what it wrote, whole as far as
// HTTP knows) is read from what it has, as repaired; but the item it stops inside is unfinished: a headline cut
// mid-word ("Ceasefire talks re"), no link, no id, a text cut mid-sentence. It went out in the email as a story;
// it is left out, and the complete items before it are read.
import { describe, expect, it } from 'vitest';
import { buildServedFeeds, rssOf } from '../helpers/served-feeds.js';

const item = (n: number, title: string, text: string) =>
  `<item><title>${title}</title><link>https://cut.example/${n}</link><guid>c${n}</guid><pubDate>Fri, 20 Nov 2026 1${n}:00:00 GMT</pubDate><description>${text}</description></item>`;

const whole = rssOf(
  'Cut',
  item(1, 'Missiles strike Kyiv power station', 'Missiles struck a power station in Kyiv overnight, officials said.') +
    item(2, 'Missiles and ceasefire talks resume in Geneva', 'Negotiators returned to Geneva on Friday for a new round of talks on missiles.'),
);
const cutAt = (marker: string) => whole.slice(0, whole.indexOf(marker) + marker.length);

describe('a feed whose document stops inside an item', () => {
  for (const [where, marker] of [
    ['in its headline', 'Missiles and ceasefire talks re'],
    ['in its text', 'Negotiators returned to Gen'],
    ['in a tag', '<guid>c2</guid><pubD'],
  ] as const) {
    it(`leaves out the item it stops ${where}, and reads the items before it`, async () => {
      const built = await buildServedFeeds({ Cut: cutAt(marker) }, { keywords: ['missiles'] });
      expect(built.run.code, built.run.stderr).toBe(0);
      expect(built.edition!.sections.flatMap((s) => s.stories.map((st) => st.title))).toEqual(['Missiles strike Kyiv power station']);
      expect(built.edition!.feeds[0]).toMatchObject({ status: 'ok', repaired: ['truncated document', 'unfinished last item left out'] });
    }, 120_000);
  }

  it('keeps every item when it stops after the last one', async () => {
    const built = await buildServedFeeds({ Cut: cutAt('</item><item>').replace(/<item>$/, '') + item(2, 'Missiles and ceasefire talks resume in Geneva', 'Negotiators met.') }, { keywords: ['missiles'] });
    expect(built.run.code, built.run.stderr).toBe(0);
    expect(built.edition!.sections.flatMap((s) => s.stories.map((st) => st.title)).sort()).toEqual(['Missiles and ceasefire talks resume in Geneva', 'Missiles strike Kyiv power station']);
    expect(built.edition!.feeds[0].repaired).toEqual(['truncated document']);
  }, 120_000);
});
