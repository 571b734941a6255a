// The parse stage skips work when a cheap check shows there is none to do (clean titles, documents that need no
// repair, UTF-8 without C1 controls, the common date shapes). These tests hold the skipped and the full paths to the
// same results.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFeedBody } from '../../src/parse/index.js';
import { plainText } from '../../src/parse/text.js';
import { parseFeedDate } from '../../src/parse/dates.js';

function rss(items: string, head = '<?xml version="1.0" encoding="utf-8"?>'): string {
  return `${head}<rss version="2.0"><channel><title>Diplomacy Watch</title><link>https://watch.example/</link>${items}</channel></rss>`;
}

async function titles(body: Buffer | string): Promise<string[]> {
  const out = await parseFeedBody(typeof body === 'string' ? Buffer.from(body, 'utf8') : body, { baseUrl: 'https://watch.example/feed.xml' });
  if (!out.ok) throw new Error(out.error);
  return out.feed.items.map((i) => i.title);
}

// every character class the title clean-up treats specially, next to plain ones
const TRICKY = [' ', '  ', '\t', '\n', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u200e', '\u202a', '\u2060', '\u0007', '\u007f', '\u0085', 'Ã©', 'â€™', '\ufffd', 'é', '’', '—', 'К', '中', 'a', 'Z', '1', '-'];
const WHITESPACE_RUN = /\s{2}/;
const EDGE_SPACE = /^\s|\s$/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060\uFEFF]/;

describe('title clean-up', () => {
  it('always returns single-spaced, trimmed text without controls, whether or not the full clean-up runs', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const out = plainText(text);
        expect(out).not.toMatch(WHITESPACE_RUN);
        expect(out).not.toMatch(EDGE_SPACE);
        expect(out).not.toMatch(CONTROL);
        // a leading space always forces the full clean-up, which trims it again
        expect(plainText(` ${text}`)).toBe(out);
      }),
      { numRuns: 400 },
    );
  });

  it('leaves clean titles in any script untouched and cleans the rest', async () => {
    const clean = ['Kyiv talks resume', 'Зеленський: переговори тривають', '停火谈判 — “no deal” yet'];
    expect(await titles(rss(clean.map((t, i) => `<item><title>${t}</title><link>https://watch.example/${i}</link></item>`).join('')))).toEqual(clean);
    const messy = ['  Kyiv\u3000talks ', 'Kyiv\u200btalks', 'Kremlin\u00a0denies'];
    expect(await titles(rss(messy.map((t, i) => `<item><title>${t}</title><link>https://watch.example/${i}</link></item>`).join('')))).toEqual(['Kyiv talks', 'Kyivtalks', 'Kremlin denies']);
  });
});

describe('decoding shortcuts', () => {
  it('maps C1 controls in UTF-8 text to windows-1252 punctuation, and leaves text without them alone', async () => {
    expect(await titles(rss('<item><title>Kyiv\u0093s \u0096 allies</title><link>https://watch.example/a</link></item>'))).toEqual(['Kyiv“s – allies']);
    expect(await titles(rss('<item><title>Київ · Kyiv © 2026</title><link>https://watch.example/a</link></item>'))).toEqual(['Київ · Kyiv © 2026']);
  });

  it('drops a doubled UTF-8 byte-order mark', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const body = Buffer.concat([bom, bom, Buffer.from(rss('<item><title>Ceasefire</title><link>https://watch.example/a</link></item>'), 'utf8')]);
    expect(await titles(body)).toEqual(['Ceasefire']);
  });
});

describe('repair shortcut', () => {
  it('still removes a forbidden control character in a document that needs no other repair', async () => {
    expect(await titles(rss('<item><title>Truce\u0001 holds</title><link>https://watch.example/a</link></item>'))).toEqual(['Truce holds']);
  });

  it('still repairs a document whose only fault is a stray "<" or a bare "&"', async () => {
    expect(await titles(rss('<item><title>Losses < 5%</title><link>https://watch.example/a</link></item>'))).toEqual(['Losses < 5%']);
    expect(await titles(rss('<item><title>Guns & talks</title><link>https://watch.example/a</link></item>'))).toEqual(['Guns & talks']);
  });
});

describe('the synchronous bridge to the XML parser', () => {
  it('is ready for the next document after refusing a broken one', async () => {
    const broken = await parseFeedBody(Buffer.from('<rss version="2.0"><channel><title a=b>x</title></channel></rss>'), {});
    expect(broken).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed XML: .+ at line 1, column \d+$/) });
    expect(await titles(rss('<item><title>After the error</title><link>https://watch.example/a</link></item>'))).toEqual(['After the error']);
  });

  it('reports a document rss-parser does not recognise the way rss-parser did', async () => {
    expect(await parseFeedBody(Buffer.from('<rss version=" 2.0"><channel><title>x</title></channel></rss>'), {})).toEqual({
      ok: false,
      error: 'not a feed (Feed not recognized as RSS 1 or 2)',
    });
  });
});

describe('date shortcuts', () => {
  const cases: [string, string | null][] = [
    ['Mon, 03 Jun 2024 09:15:00 GMT', '2024-06-03T09:15:00.000Z'],
    ['Mon, 03 Jun 2024 09:15:00 +0530', '2024-06-03T03:45:00.000Z'],
    ['Mon, 03 Jun 2024 09:15:00 -0330', '2024-06-03T12:45:00.000Z'],
    ['3 Jun 2024 09:15 IST', '2024-06-03T03:45:00.000Z'],
    ['2024-06-03T09:15:00+05:45', '2024-06-03T03:30:00.000Z'],
    ['2024-06-03 09:15:00 -0200', '2024-06-03T11:15:00.000Z'],
    ['June 3, 2024 9:15 pm PDT', '2024-06-04T04:15:00.000Z'],
    ['2024-06-03T09:15:00+25:00', null],
    ['Mon, 03 Jun 2024 09:15:00 +0575', null],
    ['1899-12-31T23:59:59Z', null],
    ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
    ['2200-12-31T23:59:59Z', '2200-12-31T23:59:59.000Z'],
    ['2201-01-01T00:00:00Z', null],
  ];
  for (const [raw, iso] of cases) {
    it(`reads "${raw}"`, () => {
      const d = parseFeedDate(raw);
      expect(d.ok ? d.iso : null).toBe(iso);
    });
  }
});
