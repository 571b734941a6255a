import { describe, expect, it } from 'vitest';
import { parseFeedBody, type ParseOutcome } from '../../src/parse/index.js';
import type { ParsedFeed } from '../../src/types.js';

async function parse(xml: string, baseUrl: string | null = 'https://watch.example/feeds/main.xml', contentType?: string): Promise<ParseOutcome> {
  return parseFeedBody(Buffer.from(xml, 'utf8'), { baseUrl, contentType });
}

async function feedOf(xml: string, baseUrl?: string | null): Promise<ParsedFeed> {
  const out = await parse(xml, baseUrl);
  if (!out.ok) throw new Error(`expected a feed, got: ${out.error}`);
  return out.feed;
}

describe('RSS', () => {
  it('reads RSS 2.0 with CDATA, content:encoded, author and categories', async () => {
    const out = await parse(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Diplomacy Watch wire</title><link>https://watch.example/</link>
<item>
  <title><![CDATA[Envoys meet in Istanbul <em>again</em>]]></title>
  <link>https://watch.example/news/istanbul-talks</link>
  <guid isPermaLink="false">wire-1001</guid>
  <pubDate>Mon, 03 Jun 2024 09:15:00 +0300</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>Full text of the <b>talks</b> story.</p>]]></content:encoded>
  <dc:creator>Olena Writer</dc:creator>
  <category>Diplomacy</category><category domain="x">Ukraine</category>
</item></channel></rss>`);
    expect(out.ok && out.format).toBe('rss');
    if (!out.ok) return;
    expect(out.feed.title).toBe('Diplomacy Watch wire');
    expect(out.feed.link).toBe('https://watch.example/');
    expect(out.feed.items).toEqual([
      {
        guid: 'wire-1001',
        link: 'https://watch.example/news/istanbul-talks',
        title: 'Envoys meet in Istanbul again',
        published: '2024-06-03T06:15:00.000Z',
        html: '<p>Full text of the <b>talks</b> story.</p>',
        author: 'Olena Writer',
        categories: ['Diplomacy', 'Ukraine'],
      },
    ]);
  });

  it('reads RSS 0.91 and RSS without a version attribute', async () => {
    for (const root of ['<rss version="0.91">', '<rss>']) {
      const feed = await feedOf(`${root}<channel><title>Old wire</title><link>https://old.example/</link>
<item><title>Kyiv asks for more air defence</title><link>https://old.example/1</link></item></channel></rss>`);
      expect(feed.items.map((i) => i.title)).toEqual(['Kyiv asks for more air defence']);
    }
  });

  it('reads RSS 1.0 (RDF) with dc:date and rdf:about as the id', async () => {
    const out = await parse(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF wire</title><link>https://rdf.example/</link></channel>
<item rdf:about="https://rdf.example/story/7"><title>Sanctions package agreed</title><link>https://rdf.example/story/7</link>
<dc:date>2024-06-04T12:00:00+02:00</dc:date></item>
</rdf:RDF>`);
    expect(out.ok && out.format).toBe('rdf');
    if (!out.ok) return;
    expect(out.feed.items[0]).toMatchObject({ guid: 'https://rdf.example/story/7', title: 'Sanctions package agreed', published: '2024-06-04T10:00:00.000Z' });
  });

  it('decodes entities and double-escaped titles to plain text', async () => {
    const feed = await feedOf(`<rss version="2.0"><channel><title>Q&amp;A desk</title>
<item><title>Talks &amp;amp; truce: &amp;quot;progress&amp;quot;</title><link>https://q.example/1</link></item>
<item><title>&lt;b&gt;Bold&lt;/b&gt; claim &#8211; denied&nbsp;today</title><link>https://q.example/2</link></item>
</channel></rss>`);
    expect(feed.title).toBe('Q&A desk');
    expect(feed.items.map((i) => i.title)).toEqual(['Talks & truce: "progress"', 'Bold claim – denied today']);
  });

  it('resolves relative item links against the channel link', async () => {
    const feed = await feedOf(`<rss version="2.0"><channel><title>t</title><link>https://site.example/news/</link>
<item><title>a</title><link>/2024/06/briefing</link></item>
<item><title>b</title><link>follow-up</link></item></channel></rss>`);
    expect(feed.items.map((i) => i.link)).toEqual(['https://site.example/2024/06/briefing', 'https://site.example/news/follow-up']);
  });

  it('lets an explicit xml:base win over the channel link', async () => {
    const feed = await feedOf(`<rss version="2.0" xml:base="https://static.example/en/"><channel><title>t</title><link>https://site.example/</link>
<item><title>a</title><link>story-1</link></item></channel></rss>`);
    expect(feed.items[0].link).toBe('https://static.example/en/story-1');
  });

  it('reads shapes rss-parser alone rejects: items straight under <rss>, RDF without <channel>, empty entries', async () => {
    const bare = await feedOf(`<rss><item><title>Loose item</title><link>https://l.example/1</link></item></rss>`);
    expect(bare.items.map((i) => i.title)).toEqual(['Loose item']);
    const rdf = await feedOf(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<item rdf:about="https://r.example/1"><title>Channel-less</title><link>https://r.example/1</link></item></rdf:RDF>`);
    expect(rdf.items.map((i) => i.title)).toEqual(['Channel-less']);
    const atom = await feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>E</title><link>https://e.example/</link>
<entry>
</entry><entry><title>Real</title><link href="https://e.example/2"/></entry></feed>`);
    expect(atom.items.map((i) => [i.title, i.invalid ?? null])).toEqual([['', 'no title and no link'], ['Real', null]]);
  });

  it('uses a permalink guid as the link when there is no <link>', async () => {
    const feed = await feedOf(`<rss version="2.0"><channel><title>t</title>
<item><title>a</title><guid>https://g.example/story/1</guid></item>
<item><title>b</title><guid isPermaLink="false">https://g.example/story/2</guid></item></channel></rss>`);
    expect(feed.items.map((i) => i.link)).toEqual(['https://g.example/story/1', null]);
  });

  it('makes no link of an id that is not an address (a bare number, a slug, an Atom id), only of a path or a URL', async () => {
    const feed = await feedOf(`<rss version="2.0"><channel><title>t</title><link>https://g.example/</link>
<item><title>a</title><guid>12345</guid></item>
<item><title>b</title><guid>post-7</guid></item>
<item><title>c</title><guid>/story/3</guid></item>
<item><title>d</title><guid>//g.example/story/4</guid></item></channel></rss>`);
    expect(feed.items.map((i) => [i.guid, i.link])).toEqual([
      ['12345', null],
      ['post-7', null],
      ['/story/3', 'https://g.example/story/3'],
      ['//g.example/story/4', 'https://g.example/story/4'],
    ]);
    const atom = await feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>e</title><id>x1</id><link href=""/><updated>2024-06-03T10:00:00Z</updated></entry></feed>`);
    expect(atom.items.map((i) => [i.guid, i.link])).toEqual([['x1', null]]);
  });
});

describe('one bad item does not reject the feed', () => {
  it('reads a bad date as no date, marks a title-less, link-less item invalid and keeps the rest', async () => {
    const out = await parse(`<rss version="2.0"><channel><title>Mixed</title><link>https://m.example/</link>
<item><title>Good one</title><link>https://m.example/1</link><pubDate>Tue, 04 Jun 2024 08:00:00 GMT</pubDate></item>
<item><title>Impossible day</title><link>https://m.example/2</link><pubDate>31/02/2024</pubDate></item>
<item><description>Only a body</description></item>
<item><title>No date at all</title><link>https://m.example/4</link></item>
<item><title>Atom-style date in RSS</title><link>https://m.example/5</link><pubDate>2024-06-05T07:30:00+03:00</pubDate></item>
</channel></rss>`);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const items = out.feed.items;
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({ published: '2024-06-04T08:00:00.000Z' });
    expect(items[0].invalid).toBeUndefined();
    // an unreadable date is no date (the item is placed by when first seen), and says why
    expect(items[1].invalid).toBeUndefined();
    expect(items[1]).toMatchObject({ published: null, unreadableDate: 'date "31/02/2024" is not a valid date' });
    expect(items[2].invalid).toBe('no title and no link');
    expect(items[3]).toMatchObject({ published: null, title: 'No date at all' });
    expect(items[3].invalid).toBeUndefined();
    expect(items[3].unreadableDate).toBeUndefined();
    expect(items[4].published).toBe('2024-06-05T04:30:00.000Z');
  });

  it("reads a language's zero date (Unix 0, Go's and .NET's year 1, MySQL's 0000-00-00) as no date, not as 1970 or invalid", async () => {
    const dates = ['Thu, 01 Jan 1970 00:00:00 GMT', '1970-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '0001-01-01T00:00:00', '0000-00-00 00:00:00', '0'];
    const feed = await feedOf(`<rss version="2.0"><channel><title>Zero</title><link>https://z.example/</link>
${dates.map((d, i) => `<item><title>Item ${i}</title><link>https://z.example/${i}</link><pubDate>${d}</pubDate></item>`).join('\n')}
<item><title>Dated</title><link>https://z.example/d</link><pubDate>Thu, 01 Jan 1970 00:00:01 GMT</pubDate></item></channel></rss>`);
    expect(feed.items.map((i) => [i.published, i.invalid ?? null])).toEqual([...dates.map(() => [null, null]), ['1970-01-01T00:00:01.000Z', null]]);
  });

  it('keeps the feed when an Atom entry has an unparseable date', async () => {
    const feed = await feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>x</title><id>urn:1</id><link href="https://a.example/1"/><updated>yesterday</updated></entry>
<entry><title>y</title><id>urn:2</id><link href="https://a.example/2"/><updated>2024-06-03T10:00:00Z</updated></entry></feed>`);
    expect(feed.items.map((i) => [i.invalid ?? null, i.unreadableDate ?? null, i.published])).toEqual([
      [null, 'date "yesterday" is not a valid date', null],
      [null, null, '2024-06-03T10:00:00.000Z'],
    ]);
  });
});

describe('Atom', () => {
  it('reads Atom 1.0: text types, alternate link, published over updated, author', async () => {
    const out = await parse(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title type="html">Front &amp;amp; centre</title>
<link rel="self" href="https://atom.example/feed.atom"/><link href="https://atom.example/"/>
<entry>
  <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Long-range <b>missiles</b> debate</div></title>
  <id>tag:atom.example,2024:1</id>
  <link rel="enclosure" href="https://atom.example/a.mp3"/>
  <link rel="alternate" type="text/html" href="https://atom.example/missiles"/>
  <published>2024-06-02T10:00:00+02:00</published><updated>2024-06-03T00:00:00Z</updated>
  <author><name>Desk</name></author>
  <summary>Short.</summary>
  <content type="html">&lt;p&gt;Long body&lt;/p&gt;</content>
  <category term="arms"/>
</entry></feed>`);
    expect(out.ok && out.format).toBe('atom');
    if (!out.ok) return;
    expect(out.feed.title).toBe('Front & centre');
    expect(out.feed.link).toBe('https://atom.example/');
    expect(out.feed.items[0]).toEqual({
      guid: 'tag:atom.example,2024:1',
      link: 'https://atom.example/missiles',
      title: 'Long-range missiles debate',
      published: '2024-06-02T08:00:00.000Z',
      html: '<p>Long body</p>',
      author: 'Desk',
      categories: ['arms'],
    });
  });

  it('reads Atom 0.3 (issued/modified, base64 content mode)', async () => {
    const body = Buffer.from('<p>Encoded body</p>').toString('base64');
    const feed = await feedOf(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
<link rel="alternate" type="text/html" href="https://old-atom.example/"/>
<entry><title>Drone strike on refinery</title><link rel="alternate" type="text/html" href="https://old-atom.example/1"/>
<id>urn:old:1</id><issued>2024-06-01T05:00:00Z</issued><modified>2024-06-01T06:00:00Z</modified>
<content type="text/html" mode="base64">${body}</content></entry></feed>`);
    expect(feed.items[0]).toMatchObject({ title: 'Drone strike on refinery', published: '2024-06-01T05:00:00.000Z', html: '<p>Encoded body</p>' });
  });

  it('resolves relative links against nested xml:base', async () => {
    const feed = await feedOf(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example/root/"><title>B</title>
<link href="index.html"/>
<entry xml:base="section/"><title>one</title><id>1</id><link href="story-1"/></entry>
<entry><title>two</title><id>2</id><link xml:base="/other/" href="story-2"/></entry>
<entry xml:base="https://elsewhere.example/x/"><title>three</title><id>3</id><link href="../y/story-3"/></entry>
</feed>`,
      'https://cdn.example/feed.atom',
    );
    expect(feed.link).toBe('https://base.example/root/index.html');
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://base.example/root/section/story-1',
      'https://base.example/other/story-2',
      'https://elsewhere.example/y/story-3',
    ]);
  });

  it('resolves relative links against the document URL without xml:base', async () => {
    const feed = await feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>B</title>
<entry><title>one</title><id>1</id><link href="../posts/1"/></entry></feed>`, 'https://doc.example/feeds/all.atom');
    expect(feed.items[0].link).toBe('https://doc.example/posts/1');
  });
});

describe('JSON Feed', () => {
  for (const version of ['1', '1.1']) {
    it(`reads JSON Feed ${version}`, async () => {
      const doc = {
        version: `https://jsonfeed.org/version/${version}`,
        title: 'JSON desk',
        home_page_url: 'https://json.example/',
        items: [
          { id: 'j1', url: '/posts/ceasefire', title: 'Ceasefire proposal &amp; reply', content_html: '<p>Body</p>', date_published: '2024-06-03T09:00:00+03:00', authors: [{ name: 'Ana' }], tags: ['truce'] },
          { id: 'j2', content_text: 'No title, but a link', external_url: 'https://other.example/x', date_modified: 'not a date' },
        ],
      };
      const out = await parse(JSON.stringify(doc), null, 'application/feed+json');
      expect(out.ok && out.format).toBe('json');
      if (!out.ok) return;
      expect(out.feed.title).toBe('JSON desk');
      expect(out.feed.items[0]).toEqual({
        guid: 'j1', link: 'https://json.example/posts/ceasefire', title: 'Ceasefire proposal & reply', published: '2024-06-03T06:00:00.000Z',
        html: '<p>Body</p>', author: 'Ana', categories: ['truce'],
      });
      expect(out.feed.items[1]).toMatchObject({ title: '', link: 'https://other.example/x', html: '<p>No title, but a link</p>', published: null, unreadableDate: 'date "not a date" is not a valid date' });
      expect(out.feed.items[1].invalid).toBeUndefined();
    });
  }

  it('reads fields of the wrong type as absent, and never makes a link of a number', async () => {
    const doc = {
      version: 'https://jsonfeed.org/version/1.1',
      home_page_url: 42,
      items: [
        { id: 7, url: 12345, external_url: 'https://other.example/real', title: 'Numbered', content_text: 'Body.', date_published: '2024-06-03T09:00:00Z' },
        { id: 'j2', url: { href: 'https://x.example/' }, title: ['not', 'text'], content_html: 5, tags: 'truce', authors: 'Ana' },
      ],
    };
    const out = await parse(JSON.stringify(doc), 'https://json.example/feed.json', 'application/feed+json');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.feed.link).toBeNull();
    expect(out.feed.items.map((i) => [i.guid, i.link, i.title])).toEqual([
      ['7', 'https://other.example/real', 'Numbered'],
      ['j2', null, ''],
    ]);
    expect(out.feed.items[1]).toMatchObject({ categories: [], author: null, invalid: 'no title and no link' });
  });

  it('rejects a JSON Feed whose items are not a list, with one line', async () => {
    const feed = (items: unknown) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items });
    expect(await parse(feed({ a: 1 }))).toEqual({ ok: false, error: 'items: expected a list, got an object' });
    expect(await parse(feed('[]'))).toEqual({ ok: false, error: 'items: expected a list, got a string' });
    expect(await parse(feed(null))).toEqual({ ok: false, error: 'items: expected a list, got null' });
    expect(await parse(feed(undefined))).toEqual({ ok: false, error: 'items: expected a list, got nothing' });
    const empty = await parse(feed([]));
    expect(empty.ok && empty.feed.items).toEqual([]);
  });

  it('rejects JSON that is not a feed, and broken JSON, with one line', async () => {
    expect(await parse('{"hello": "world"}')).toEqual({ ok: false, error: 'not a feed (JSON document without a JSON Feed "version" or "items")' });
    const broken = await parse('{"version": "https://jsonfeed.org/version/1.1", "items": [');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/^malformed JSON: [^\n]+$/);
  });
});

describe('damaged XML', () => {
  it('keeps the items of a truncated download', async () => {
    const feed = await feedOf(`<rss version="2.0"><channel><title>Cut</title>
<item><title>First complete item</title><link>https://cut.example/1</link></item>
<item><title>Second, cut off</title><link>https://cut.example/2</link></item></chan`);
    expect(feed.items.map((i) => i.title)).toEqual(['First complete item', 'Second, cut off']);
  });

  it('reads HTML entities, bare ampersands and stray "<" that strict XML refuses', async () => {
    const feed = await feedOf(`<rss version="2.0"><channel><title>Press &eacute;dition</title>
<item><title>Prices &lt; 5% & falling &mdash; 3 < 4</title><link>https://amp.example/?a=1&b=2</link></item></channel></rss>`);
    expect(feed.title).toBe('Press édition');
    expect(feed.items[0]).toMatchObject({ title: 'Prices < 5% & falling — 3 < 4', link: 'https://amp.example/?a=1&b=2' });
  });

  it('keeps inline XHTML in order', async () => {
    const feed = await feedOf(`<rss version="2.0"><channel><title>t</title>
<item><title>x</title><link>https://o.example/</link><description>Before <b>bold</b> after <i>it</i>.</description></item></channel></rss>`);
    expect(feed.items[0].html).toBe('Before <b>bold</b> after <i>it</i>.');
  });
});

describe('not a feed', () => {
  it('names the feed an HTML page advertises', async () => {
    const html = `<!DOCTYPE html><html><head><title>Site</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="stylesheet" href="/s.css"></head><body>Hi</body></html>`;
    expect(await parse(html, 'https://x.example/news/')).toEqual({ ok: false, error: 'not a feed (HTML page; it advertises https://x.example/feed.xml)' });
    expect(await parse('<html><body>nothing</body></html>', 'https://x.example/')).toEqual({ ok: false, error: 'not a feed (HTML page)' });
    // without a page URL only absolute hrefs can be named
    const noBase = '<html><head><link rel="alternate" type="application/atom+xml" href="https://x.example/a.atom"><link rel="alternate" type="application/rss+xml" href="/rel.xml"></head></html>';
    expect(await parse(noBase, null)).toEqual({ ok: false, error: 'not a feed (HTML page; it advertises https://x.example/a.atom)' });
  });

  it('gives one clear line for empty bodies, broken XML, OPML and plain text', async () => {
    expect(await parse('')).toEqual({ ok: false, error: 'empty body' });
    expect(await parse('   \n ')).toEqual({ ok: false, error: 'empty body' });
    expect(await parse('<opml version="2.0"><body/></opml>')).toEqual({ ok: false, error: 'not a feed (OPML subscription list; add the feeds it lists instead)' });
    const broken = await parse('<rss version="2.0"><channel><title lang=en>x</title></channel></rss>');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/^malformed XML: .+ at line \d+, column \d+$/);
    expect(await parseFeedBody(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), {})).toEqual({ ok: false, error: 'not a feed (binary data)' });
    const text = await parse('Service temporarily unavailable');
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.error).toBe('not a feed (plain text starting "Service temporarily unavailable")');
  });
});
