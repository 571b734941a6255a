// A feed served as a gzip file that was cut off (a pre-compressed copy being rewritten, a cache that kept part of it)
// while HTTP calls the answer whole: unpacking stopped at the missing end and the whole feed failed ("body could not
// be decompressed"), where the same document sent cut off but uncompressed is read up to its last complete item.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildServedFeeds, rssOf } from '../helpers/served-feeds.js';

const item = (n: number, title: string, text: string) =>
  `<item><title>${title}</title><link>https://gz.example/${n}</link><guid>z${n}</guid><pubDate>Fri, 20 Nov 2026 1${n}:00:00 GMT</pubDate><description>${text}</description></item>`;
// text that does not compress away, so that the first half of the gzip file holds the first item whole
const noise = (seed: string) => Array.from({ length: 200 }, (_, i) => createHash('sha256').update(`${seed}${i}`).digest('hex')).join(' ');

describe('a gzip-compressed feed cut off part-way', () => {
  it('is read up to its last complete item, as repaired', async () => {
    const feed = rssOf('Gz', item(1, 'Missiles strike Kyiv power station', 'Missiles struck a power station in Kyiv overnight, officials said.') + item(2, 'Missiles and a long archive', noise('a')));
    const packed = gzipSync(Buffer.from(feed));
    const cut = packed.subarray(0, Math.floor(packed.length * 0.6));
    const built = await buildServedFeeds(
      {
        // sent with Content-Encoding: gzip, and as a .xml.gz file without it (unpacked by its magic bytes)
        Labelled: { body: cut, contentType: 'application/rss+xml', encoding: 'gzip' },
        File: { body: cut, contentType: 'application/gzip' },
      },
      { keywords: ['missiles'] },
    );
    expect(built.run.code, built.run.stderr).toBe(0);
    // one story: the two feeds give the same article, the second as a duplicate of the first
    expect(built.edition!.sections.flatMap((s) => s.stories.map((st) => st.title))).toEqual(['Missiles strike Kyiv power station']);
    for (const f of built.edition!.feeds) expect(f).toMatchObject({ status: 'ok', items: 1, repaired: ['truncated document', 'unfinished last item left out'] });
  }, 120_000);
});
