// What the parser had to repair to read a feed (`ParsedFeed.repaired`, shown with the feed's status): each kind of
// fault named once, and nothing for XML that is valid, however unusual (Atom xhtml, declared entities, CDATA markup).
import { describe, expect, it } from 'vitest';
import { parseFeedBody } from '../../src/parse/index.js';

async function repairedOf(xml: string): Promise<string[] | undefined> {
  const out = await parseFeedBody(Buffer.from(xml, 'utf8'), { baseUrl: 'https://watch.example/feed.xml' });
  if (!out.ok) throw new Error(`expected a feed, got: ${out.error}`);
  return out.feed.repaired;
}

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://watch.example/</link>${items}</channel></rss>`;

describe('repairs a feed needed', () => {
  it('name each kind of fault once ("&", "<", HTML entities, control characters, tags left open, a cut), and none in valid XML', async () => {
    // valid XML, however unusual (CDATA markup, escaped markup, Atom xhtml, entities the document declares), needs none
    expect(await repairedOf(rss('<item><title><![CDATA[Talks <em>again</em> & more]]></title><description>&lt;p&gt;x &amp;amp; y&lt;/p&gt;</description><guid>1</guid></item>'))).toBeUndefined();
    expect(
      await repairedOf(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><entry><id>urn:1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Talks <b>resume</b><br/></div></title><updated>2026-11-20T10:00:00Z</updated></entry></feed>',
      ),
    ).toBeUndefined();
    expect(await repairedOf('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY org "Watch">]><rss version="2.0"><channel><title>&org;</title><item><title>Hi &org;</title><guid>1</guid></item></channel></rss>')).toBeUndefined();
    // faults, each named once
    expect(await repairedOf(rss('<item><title>Arms & men & more</title><description>1 < 2</description><guid>1</guid></item>'))).toEqual(['unescaped "&"', 'unescaped "<"']);
    expect(await repairedOf(rss('<item><title>A&nbsp;B&mdash;C&nbsp;D</title><guid>1</guid></item>'))).toEqual(['HTML entity &nbsp; &mdash;']);
    expect(await repairedOf(rss('<item><title>Bell\u0007 rings</title><guid>1</guid></item>'))).toEqual(['control characters']);
    expect(await repairedOf(rss('<item><title>Tanks <b>roll <i>on</title><guid>1</guid></item>'))).toEqual(['unclosed <b> <i>']);
    expect(await repairedOf(rss('<item><title>Tanks roll</b> on</title><guid>1</guid></item>'))).toEqual(['stray </b>']);
    expect(await repairedOf(rss('<item><title>x</title><guid>1</guid><foo><bar></foo></item>'))).toEqual(['unclosed <bar>']);
    expect(await repairedOf(rss('<item><title>Cut</title><guid>1</guid></item>').replace(/<\/channel><\/rss>$/, ''))).toEqual(['truncated document']);
  });

  it('reads a feed that PHP printed a notice before, as HTML markup, and says so', async () => {
    const notice = '<br />\n<b>Warning</b>:  Undefined array key "lang" in <b>/var/www/feed.php</b> on line <b>12</b><br />\n';
    const out = await parseFeedBody(Buffer.from(notice + rss('<item><title>Talks resume</title><guid>1</guid></item>')), { baseUrl: 'https://watch.example/feed.xml' });
    expect(out.ok && out.feed.items.map((i) => i.title)).toEqual(['Talks resume']);
    expect(out.ok && out.feed.repaired).toEqual(['text before the XML']);
    // an HTML page is still an HTML page, and a feed that quotes an XML declaration in its text is read from its start
    expect(await parseFeedBody(Buffer.from('<!DOCTYPE html><html><body><pre>&lt;?xml</pre></body></html>'), {})).toEqual({ ok: false, error: 'not a feed (HTML page)' });
    expect(await repairedOf(rss('<item><title>Sample</title><description><![CDATA[<?xml version="1.0"?><rss/>]]></description><guid>1</guid></item>'))).toBeUndefined();
  });
});
