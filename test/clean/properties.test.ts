import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanFeedItems, cleanTitle } from '../../src/clean/index.js';

// Fragments that mix markup, entities and furniture in random order.
const fragment = fc.constantFrom(
  '<p>', '</p>', '<div>', '<br>', '<script>alert(1)</script>', '<style>p{}</style>', '<img src=x onerror=alert(1)>',
  '<a href="x">', '</a>', '&amp;', '&#8217;', '&nbsp;', '&lt;b&gt;', '"', "'", '\u200b', '\u0000', '\n', ' ',
  'Share', 'Back to top', 'More from X', 'Reuters', 'Talks resumed.', 'Kyiv said no.', '<!--', '-->',
);
const body = fc.array(fc.oneof(fragment, fc.string({ maxLength: 20 })), { maxLength: 40 }).map((a) => a.join(''));

describe('properties', () => {
  it('never throws and always yields bounded, tag-free output', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ title: body, html: body }), { maxLength: 5 }), (items) => {
        const out = cleanFeedItems(items);
        expect(out).toHaveLength(items.length);
        for (const o of out) {
          expect(o.title.length).toBeLessThanOrEqual(300);
          expect(o.lead.length).toBeLessThanOrEqual(300);
          expect(o.text).not.toMatch(/<[a-z!/?]/i);
          expect(o.title).not.toMatch(/<[a-z!/?]/i);
          expect(o.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u200b\u00a0]|\n{3,}/);
          expect(o.text).toBe(o.text.trim());
          if (o.lead) expect(o.lead).not.toBe(o.title);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('decodes a title escaped twice or thrice, and a legacy entity left by the first round, in one go', () => {
    // found by the idempotence property below: "&amp;GT" became "&GT", and cleaning that again gave ">"
    expect(cleanTitle('&amp;GT')).toBe('>');
    expect(cleanTitle('Tom &amp;amp;amp; Jerry')).toBe('Tom & Jerry');
    expect(cleanTitle('AT&amp;T and R&D')).toBe('AT&T and R&D');
  });

  it('cleanTitle is idempotent', () => {
    fc.assert(
      fc.property(body, (raw) => {
        const once = cleanTitle(raw);
        expect(cleanTitle(once)).toBe(once);
      }),
      { numRuns: 50 },
    );
  });
});

describe('pathological lines', () => {
  // Long runs that once made some furniture patterns backtrack for minutes.
  const prefixes = ['', 'Reuters/', 'Photo by ', 'Reporting by ', 'Follow ', 'By ', 'Share this: ', 'More from ', 'The post ', 'KYIV, ', '© ', 'Фото: '];
  const units = ['a', 'A', 'Ab ', 'A.', 'email', 'Editing ', 'Ab/', 'U.S. ', 'Жж '];
  const lines = prefixes.flatMap((p) => units.map((u) => p + u.repeat(Math.ceil(180 / u.length)) + '!'));

  it('are cleaned in well under a second each batch', () => {
    const started = performance.now();
    const out = cleanFeedItems([{ title: lines[0], html: lines.map((l) => `<p>${l}</p>`).join('') }, { title: 'U.S. '.repeat(5000), html: 'U.S. '.repeat(50_000) }]);
    expect(out).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
