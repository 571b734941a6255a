// A CMS that wraps an item's HTML in CDATA without looking inside it: HTML that holds a CDATA section of its own (an
// editor's paste, an embed) ends the outer section at the inner "]]>". The inner "<![CDATA[" then stayed in the item's
// HTML, where an HTML reader takes it for a comment running to the end: the rest of the article was lost, and with it
// the story's summary.
import { describe, expect, it } from 'vitest';
import { buildServedFeeds, rssOf } from '../helpers/served-feeds.js';

const item = (n: number, title: string, html: string) =>
  `<item><title>${title}</title><link>https://nested.example/${n}</link><guid>n${n}</guid><pubDate>Fri, 20 Nov 2026 1${n}:00:00 GMT</pubDate><description><![CDATA[${html}]]></description></item>`;

describe('an item whose HTML holds a CDATA section inside the CDATA around it', () => {
  it('keeps all its text: the summary reads it, and the feed says what was repaired', async () => {
    const feed = rssOf(
      'Nested',
      item(1, 'Missiles hit Kharkiv fuel depot', '<p>A fuel depot in Kharkiv burned for hours after the strike, <![CDATA[regional officials]]> said on Friday.</p><p>Firefighters from three districts worked through the night to contain the blaze.</p>') +
        item(2, 'Missiles strike Odesa port', '<p>Missiles struck the port of Odesa overnight.</p><p>Three grain ships were damaged, the navy said.</p>'),
    );
    const built = await buildServedFeeds({ Nested: feed }, { keywords: ['missiles'] });
    expect(built.run.code, built.run.stderr).toBe(0);
    const stories = built.edition!.sections.flatMap((s) => s.stories);
    const kharkiv = stories.find((st) => st.title === 'Missiles hit Kharkiv fuel depot');
    expect(kharkiv?.summary).toContain('regional officials said on Friday');
    expect(kharkiv?.summary).not.toMatch(/CDATA|\]\]>/);
    expect(built.edition!.feeds[0].repaired).toEqual(['nested CDATA']);
  }, 120_000);
});
