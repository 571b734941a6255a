// Damaged input never makes parseFeedBody throw or hang: truncations and mutations of our own samples and of
// real corpus files (from ../shared/corpus; that test says it is skipped, and why, when they are not there).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parseFeedBody } from '../../src/parse/index.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
const CORPUS_FILES = [
  'rss-parser/test/input/encoding.rss',
  'rss-parser/test/input/heise.atom',
  'feed-rs/feed-rs/fixture/rss1/rss_1.0_iso8859.xml',
  'feed-rs/feed-rs/fixture/jsonfeed/jsonfeed_example_1.json',
  'feedparser/tests/encoding/utf-16le-bom.xml',
  'feed-rs/feed-rs/fixture/atom/atom_xml_base.xml',
];

const OWN_SAMPLES: Buffer[] = [
  iconv.encode(
    `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Дипломатія</title><link>https://d.example/</link>
<item><title><![CDATA[Переговори &amp; перемир'я]]></title><link>/a?utm_source=x</link><pubDate>Mon, 03 Jun 2024 09:00:00 +0300</pubDate>
<description>&lt;p&gt;Текст&lt;/p&gt;</description></item></channel></rss>`,
    'windows-1251',
  ),
  Buffer.from(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>b</b></div></title>
<entry><id>1</id><title>Envoy</title><link href="x"/><updated>2024-06-03T10:00:00Z</updated><content type="html">&lt;p&gt;hi&lt;/p&gt;</content></entry></feed>`),
  Buffer.from(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', title: 'T', url: 'https://j.example/1', date_published: '2024-06-03T10:00:00Z' }] })),
];

/** the corpus files, or why they cannot be read here */
function corpusSamples(): Buffer[] | string {
  const files = CORPUS_FILES.map((f) => path.join(CORPUS, f));
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length) return `${missing.length} of ${files.length} corpus files missing (first: ${missing[0]}); the shared corpus belongs at ${CORPUS}`;
  return files.map((f) => fs.readFileSync(f));
}

const NASTY = ['<', '&', ']]>', '<![CDATA[', '<!--', '</item>', '<item>', '&#0;', '&#xD800;', '\u0000', '"', '<!DOCTYPE x [<!ENTITY a "&a;&a;">]>', '\uFFFD', '{', '}'];

/** apply one mutation to the bytes */
function mutate(body: Buffer, kind: number, at: number, arg: number): Buffer {
  const pos = Math.floor(at * body.length);
  switch (kind) {
    case 0: // truncate
      return body.subarray(0, pos);
    case 1: // flip a byte
      return Buffer.concat([body.subarray(0, pos), Buffer.from([arg & 0xff]), body.subarray(pos + 1)]);
    case 2: // insert a troublesome token
      return Buffer.concat([body.subarray(0, pos), Buffer.from(NASTY[arg % NASTY.length]), body.subarray(pos)]);
    case 3: // delete a span
      return Buffer.concat([body.subarray(0, pos), body.subarray(pos + 1 + (arg % 200))]);
    default: // duplicate a span
      return Buffer.concat([body.subarray(0, pos + (arg % 300)), body.subarray(pos)]);
  }
}

/** the property: any mutation of any of `bodies` parses, or fails with one clear line, and never slowly */
async function neverBreaks(bodies: Buffer[], numRuns: number): Promise<void> {
  let slowest = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: bodies.length - 1 }),
      fc.array(fc.tuple(fc.nat({ max: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 10_000 })), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(null, 'text/xml', 'application/rss+xml; charset=koi8-r', 'text/html; charset=utf-16'),
      async (which, mutations, contentType) => {
        let body = bodies[which];
        for (const [kind, at, arg] of mutations) body = mutate(body, kind, at, arg);
        const t0 = performance.now();
        const out = await parseFeedBody(body, { contentType, baseUrl: 'https://fuzz.example/feed' });
        slowest = Math.max(slowest, performance.now() - t0);
        if (out.ok) {
          expect(Array.isArray(out.feed.items)).toBe(true);
          for (const item of out.feed.items) {
            expect(typeof item.title).toBe('string');
            if (item.link !== null) expect(item.link).toMatch(/^https?:\/\//);
            if (item.published !== null) expect(new Date(item.published).toISOString()).toBe(item.published);
          }
        } else {
          expect(out.error).toMatch(/^[^\n]{1,300}$/);
          expect(out.error).not.toMatch(/TypeError|Cannot read propert|undefined/);
        }
      },
    ),
    { numRuns, seed: 20240603 },
  );
  expect(slowest).toBeLessThan(2000);
}

describe('parseFeedBody on damaged input', () => {
  it('never throws, never hangs, and always answers in the documented shape: our own samples', { timeout: 60_000 }, async () => {
    await neverBreaks(OWN_SAMPLES, 200);
  });

  const corpus = corpusSamples();
  if (typeof corpus === 'string') {
    it.skip(`skipped: real corpus files: ${corpus}`, () => {});
  } else {
    it('never throws, never hangs, and always answers in the documented shape: real corpus files', { timeout: 60_000 }, async () => {
      await neverBreaks(corpus, 300);
    });
  }
});
