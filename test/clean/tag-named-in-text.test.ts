// A feed's text that names a tag, escaped as it must be (`say "&lt;script&gt;" tags are…`, `the &lt;style&gt;
// element`), reads as markup once decoded; the cleaner's second round, meant for markup a feed escaped twice, read it
// so, and the element ran to the end of its paragraph: the summary was `Honey producers in Sumy say "` or nothing.
// The text is kept, the tag it names taken out; markup escaped twice is still read as markup (no tag debris), and
// prose comparing numbers ("3 &lt; 5") keeps its signs.
import { describe, expect, it } from 'vitest';
import { buildServedFeeds, rssOf } from '../helpers/served-feeds.js';

const item = (n: number, title: string, description: string) =>
  `<item><title>${title}</title><link>https://tags.example/${n}</link><guid>t${n}</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description>${description}</description></item>`;

describe('a feed text that names a tag', () => {
  it('keeps the rest of its paragraph, while markup escaped twice still reads as text without tags', async () => {
    const built = await buildServedFeeds(
      {
        Honey: rssOf('Honey', item(1, 'Honey producers count hives', '<![CDATA[<p>Honey producers in Sumy say "&lt;script&gt;" tags are a web thing, and that 3 &lt; 5 hives survived the winter.</p>]]>')),
        Style: rssOf('Style', item(2, 'Honey website redesigned', '<![CDATA[<p>The &lt;style&gt; element of the honey cooperative site was rewritten, and orders doubled in December.</p>]]>')),
        Twice: rssOf('Twice', item(3, 'Honey exports to Poland rise', '&amp;lt;p&amp;gt;Honey exports to &amp;lt;b&amp;gt;Poland&amp;lt;/b&amp;gt; rose by a third, traders said.&amp;lt;/p&amp;gt;&amp;lt;script&amp;gt;track()&amp;lt;/script&amp;gt;')),
      },
      { keywords: ['honey'] },
    );
    expect(built.run.code, built.run.stderr).toBe(0);
    const summaries = Object.fromEntries(built.edition!.sections.flatMap((s) => s.stories.map((st) => [st.title, st.summary])));
    expect(summaries['Honey producers count hives']).toMatch(/^Honey producers in Sumy say .* tags are a web thing, and that 3 < 5 hives survived the winter\.$/);
    expect(summaries['Honey website redesigned']).toBe('The element of the honey cooperative site was rewritten, and orders doubled in December.');
    expect(summaries['Honey exports to Poland rise']).toBe('Honey exports to Poland rose by a third, traders said.');
  }, 120_000);
});
