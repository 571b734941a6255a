// A podcast's items often carry their words only in <itunes:summary> (or <itunes:subtitle>), and a YouTube channel's
// feed only in <media:group><media:description>: no <description>, no <content>. Those were not read, and each such
// item came out with no text: a story of a bare headline, its summary empty. They are the item's text when it has no
// body of its own; a body, when there is one, still wins.
import { describe, expect, it } from 'vitest';
import { buildServedFeeds, type ServedBytes } from '../helpers/served-feeds.js';

const podcast = `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Harvest Hour</title><link>https://pod.example/</link>
<item><title>Grain corridor episode</title><enclosure url="https://pod.example/ep1.mp3" length="1" type="audio/mpeg"/><guid>ep1</guid><link>https://pod.example/ep1</link><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><itunes:summary>Farmers in Odesa explain how grain ships leave port under the new corridor rules.</itunes:summary></item>
<item><title>Grain prices episode</title><guid>ep2</guid><link>https://pod.example/ep2</link><pubDate>Fri, 20 Nov 2026 11:00:00 GMT</pubDate><description>Traders in Kyiv say grain prices rose for a third week.</description><itunes:summary>Short blurb that is not the text.</itunes:summary></item>
</channel></rss>`;

const video = `<?xml version="1.0" encoding="UTF-8"?><feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom"><id>yt:channel:x</id><title>Field Reports</title>
<entry><id>yt:video:abc</id><title>Grain silos rebuilt in Mykolaiv</title><link rel="alternate" href="https://www.youtube.com/watch?v=abc"/><published>2026-11-20T12:00:00+00:00</published>
<media:group><media:title>Grain silos rebuilt in Mykolaiv</media:title><media:thumbnail url="https://i.ytimg.com/vi/abc/hq.jpg" width="480" height="360"/><media:description>Builders in Mykolaiv finished two grain silos that a strike destroyed in the spring.</media:description></media:group></entry>
</feed>`;

const atom: ServedBytes = { body: Buffer.from(video), contentType: 'application/atom+xml' };

describe('podcast and video items with no body of their own', () => {
  it('are read with their iTunes or Media RSS words as their text', async () => {
    const built = await buildServedFeeds({ Harvest: podcast, Field: atom }, { keywords: ['grain'] });
    expect(built.run.code, built.run.stderr).toBe(0);
    const summaries = Object.fromEntries(built.edition!.sections.flatMap((s) => s.stories.map((st) => [st.title, st.summary])));
    expect(summaries['Grain corridor episode']).toBe('Farmers in Odesa explain how grain ships leave port under the new corridor rules.');
    expect(summaries['Grain silos rebuilt in Mykolaiv']).toBe('Builders in Mykolaiv finished two grain silos that a strike destroyed in the spring.');
    // a body of its own wins over the podcast's blurb
    expect(summaries['Grain prices episode']).toBe('Traders in Kyiv say grain prices rose for a third week.');
  }, 120_000);
});
