// Ukrainian feeds in KOI8-U, the Cyrillic encoding with і, ї, є and ґ, which KOI8-R has not: where KOI8-U has those
// letters, KOI8-R has box-drawing characters. A Ukrainian site's feed without a charset, or whose CMS labels it KOI8-R,
// read as KOI8-R turned "Київ" into "Ки╖в" in the email.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildServedFeeds } from '../helpers/served-feeds.js';

const item = (n: number, title: string) =>
  `<item><title>${title}</title><link>https://koi.example/${n}</link><guid>k${n}</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description>${title}. Про це повідомили у міській адміністрації.</description></item>`;

const feed = (declaration: string, title: string, n: number) =>
  iconv.encode(`<?xml version="1.0"${declaration}?><rss version="2.0"><channel><title>Новини</title><link>https://koi.example/</link>${item(n, title)}</channel></rss>`, 'koi8-u');

describe('Ukrainian feeds in KOI8-U', () => {
  it('keep і, ї, є and ґ, with no charset given and when labelled KOI8-R', async () => {
    const unlabelled = 'Ракети влучили в Київ: уламки впали біля ґанку їдальні';
    const labelledR = 'Ракети збили над Ізюмом: Євросоюз обіцяє їм допомогу';
    const built = await buildServedFeeds(
      {
        Unlabelled: { body: feed('', unlabelled, 1), contentType: 'application/rss+xml' },
        Labelled: { body: feed(' encoding="koi8-r"', labelledR, 2), contentType: 'application/rss+xml' },
      },
      { keywords: ['ракети'] },
    );
    expect(built.run.code, built.run.stderr).toBe(0);
    const titles = built.edition!.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((it) => it.title))).sort();
    expect(titles).toEqual([labelledR, unlabelled].sort());
    expect(built.run.stdout + built.run.stderr).not.toMatch(/[╖╕╓╜]/);
  }, 120_000);
});
