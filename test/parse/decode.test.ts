import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { gzipSync } from 'node:zlib';
import { decodeFeed, parseFeedBody } from '../../src/parse/index.js';

const UKRAINIAN = 'Зеленський обговорив з партнерами постачання ППО';
const RUSSIAN = 'Кремль отверг предложение о перемирии';
const CZECH = 'Příměří na Ukrajině: jednání v Ženevě';
const CURLY = 'Allies say “no” to the ‘ceasefire’ plan — for now';

function rss(title: string, encodingDecl: string | null): string {
  const decl = encodingDecl ? `<?xml version="1.0" encoding="${encodingDecl}"?>\n` : '';
  return `${decl}<rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link>
<item><title>${title}</title><link>https://news.example/a</link></item></channel></rss>`;
}

async function titlesOf(body: Buffer, contentType?: string) {
  const out = await parseFeedBody(body, { contentType, baseUrl: 'https://news.example/feed' });
  if (!out.ok) throw new Error(out.error);
  return [out.feed.title, ...out.feed.items.map((i) => i.title)];
}

describe('decodeFeed', () => {
  const labelled: [string, string][] = [
    ['windows-1251', UKRAINIAN],
    ['windows-1252', CURLY],
    ['iso-8859-2', CZECH],
    ['koi8-r', RUSSIAN],
  ];
  for (const [encoding, title] of labelled) {
    it(`reads ${encoding} from the XML declaration`, async () => {
      const body = iconv.encode(rss(title, encoding), encoding);
      expect(decodeFeed(body).text).toContain(title);
      expect(await titlesOf(body)).toEqual([title, title]);
    });
    it(`reads ${encoding} from the HTTP charset alone`, async () => {
      const body = iconv.encode(rss(title, null), encoding);
      expect(await titlesOf(body, `application/rss+xml; charset=${encoding}`)).toEqual([title, title]);
    });
  }

  it('reads UTF-16LE and UTF-16BE with a BOM', async () => {
    for (const enc of ['utf-16le', 'utf-16be']) {
      const bom = enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const body = Buffer.concat([Buffer.from(bom), iconv.encode(rss(UKRAINIAN, 'utf-16'), enc)]);
      expect(decodeFeed(body).encoding).toBe(enc);
      expect(await titlesOf(body)).toEqual([UKRAINIAN, UKRAINIAN]);
    }
  });

  it('reads UTF-16 without a BOM from the NUL pattern', () => {
    const body = iconv.encode(rss(RUSSIAN, 'utf-16'), 'utf-16be');
    expect(decodeFeed(body)).toMatchObject({ encoding: 'utf-16be' });
    expect(decodeFeed(body).text).toContain(RUSSIAN);
  });

  it('drops a UTF-8 BOM and lets it win over a contradicting label', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss(UKRAINIAN, 'windows-1251'))]);
    const decoded = decodeFeed(body, 'text/xml; charset=koi8-r');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith('<?xml')).toBe(true);
    expect(await titlesOf(body, 'text/xml; charset=koi8-r')).toEqual([UKRAINIAN, UKRAINIAN]);
  });

  it('lets the HTTP charset override the XML declaration', async () => {
    // declaration claims KOI8-R, server says windows-1251 (and the bytes are windows-1251)
    const body = iconv.encode(rss(UKRAINIAN, 'koi8-r'), 'windows-1251');
    expect(decodeFeed(body, 'application/rss+xml; charset="windows-1251"').encoding).toBe('windows-1251');
    expect(await titlesOf(body, 'application/rss+xml; charset="windows-1251"')).toEqual([UKRAINIAN, UKRAINIAN]);
    // and the other way round: the declaration alone would be believed
    expect(decodeFeed(iconv.encode(rss(RUSSIAN, 'koi8-r'), 'koi8-r')).text).toContain(RUSSIAN);
  });

  it("believes a declared legacy encoding over a server's default iso-8859-1 or us-ascii charset (no \"Çåëåíñüêèé\")", async () => {
    for (const [encoding, title] of [['windows-1251', UKRAINIAN], ['koi8-r', RUSSIAN], ['iso-8859-2', CZECH]]) {
      const body = iconv.encode(rss(title, encoding), encoding);
      for (const header of ['text/xml; charset=ISO-8859-1', 'application/rss+xml; charset=us-ascii', 'text/xml; charset=windows-1252']) {
        expect(await titlesOf(body, header)).toEqual([title, title]);
      }
    }
    // a declaration of windows-1252 or UTF-8 changes nothing: the header and the bytes decide, as before
    expect(await titlesOf(iconv.encode(rss(CURLY, 'utf-8'), 'windows-1252'), 'text/xml; charset=iso-8859-1')).toEqual([CURLY, CURLY]);
  });

  it('treats iso-8859-1 and us-ascii labels as windows-1252, like browsers', () => {
    const body = iconv.encode(rss(CURLY, 'iso-8859-1'), 'windows-1252');
    expect(decodeFeed(body).text).toContain(CURLY);
    expect(decodeFeed(body, 'text/xml; charset=us-ascii').text).toContain(CURLY);
  });

  it('does not believe a UTF-8 label over windows-1251 bytes (no mojibake)', async () => {
    const body = iconv.encode(rss(UKRAINIAN, 'utf-8'), 'windows-1251');
    expect(await titlesOf(body)).toEqual([UKRAINIAN, UKRAINIAN]);
  });

  it('does not believe a single-byte label over UTF-8 bytes (no "Ã©")', async () => {
    const body = Buffer.from(rss('Café talks in Genève', 'iso-8859-1'), 'utf8');
    expect(await titlesOf(body)).toEqual(['Café talks in Genève', 'Café talks in Genève']);
  });

  it('guesses windows-1251 and KOI8-R for unlabelled Cyrillic bytes', () => {
    expect(decodeFeed(iconv.encode(rss(UKRAINIAN, null), 'windows-1251'))).toMatchObject({ encoding: 'windows-1251' });
    expect(decodeFeed(iconv.encode(rss(RUSSIAN, null), 'koi8-r'))).toMatchObject({ encoding: 'koi8-r' });
    expect(decodeFeed(iconv.encode(rss('Déclaration de Genève sur le cessez-le-feu', null), 'windows-1252'))).toMatchObject({ encoding: 'windows-1252' });
  });

  it('ignores an unknown charset and falls back to the bytes', () => {
    const body = Buffer.from(rss(UKRAINIAN, 'x-no-such-charset'), 'utf8');
    expect(decodeFeed(body, 'text/xml; charset=bogus')).toMatchObject({ encoding: 'utf-8' });
  });

  it('repairs titles that were double-encoded upstream and C1 "smart quotes"', async () => {
    // the producer decoded its UTF-8 as windows-1252 once, then served the result as UTF-8
    const doubled = iconv.decode(Buffer.from('Київ – переговори', 'utf8'), 'windows-1252');
    expect(await titlesOf(Buffer.from(rss(doubled, 'utf-8'), 'utf8'))).toEqual(['Київ – переговори', 'Київ – переговори']);
    // U+0092 (a windows-1252 apostrophe that went through latin-1) becomes ’
    expect(await titlesOf(Buffer.from(rss('Kyiv\u0092s allies', 'utf-8'), 'utf8'))).toEqual(['Kyiv’s allies', 'Kyiv’s allies']);
  });

  it('keeps UTF-8 with a few stray windows-1252 bytes readable', async () => {
    const body = Buffer.concat([Buffer.from(rss('Zürich summit', 'utf-8').split('Zürich')[0], 'utf8'), Buffer.from('Z\xfcrich', 'latin1'), Buffer.from(rss('Zürich summit', 'utf-8').split('Zürich').slice(1).join('Zürich'), 'utf8')]);
    const titles = await titlesOf(body);
    expect(titles[0]).toBe('Zürich summit');
  });

  it('unpacks a gzip body the server did not label', async () => {
    expect(await titlesOf(gzipSync(Buffer.from(rss(UKRAINIAN, 'utf-8'), 'utf8')))).toEqual([UKRAINIAN, UKRAINIAN]);
  });
});
