import { describe, expect, it } from 'vitest';
import { cleanFeedItems, cleanTitle } from '../../src/clean/index.js';

describe('cleanTitle', () => {
  it('strips tags, decodes entities, collapses whitespace and removes control characters', () => {
    expect(cleanTitle('  <b>Kyiv&#8217;s</b>\n\tallies &amp;\u0000 partners&nbsp;meet  ')).toBe('Kyiv’s allies & partners meet');
  });

  it('turns hostile or double-escaped markup into inert text', () => {
    expect(cleanTitle('<script>alert(1)</script><img src=x onerror="alert(2)">Talks <i>resume</i>')).toBe('Talks resume');
    expect(cleanTitle('&lt;script&gt;alert(1)&lt;/script&gt;Talks resume')).toBe('Talks resume');
  });

  it('leaves plain titles with angle brackets or ampersands readable', () => {
    expect(cleanTitle('Range < 300 km & more')).toBe('Range < 300 km & more');
  });

  it('bounds a 10,000-character title at a word boundary with an ellipsis', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    expect(words.length).toBeGreaterThan(10_000);
    const t = cleanTitle(words);
    expect(t.length).toBeLessThanOrEqual(300);
    expect(t.endsWith('…')).toBe(true);
    const body = t.slice(0, -1);
    expect(words.startsWith(body + ' ')).toBe(true);
  });

  it('bounds a 10,000-character title without spaces too', () => {
    const t = cleanTitle('x'.repeat(10_000));
    expect(t.length).toBeLessThanOrEqual(300);
    expect(t.endsWith('…')).toBe(true);
  });

  it('never cuts a surrogate pair in half', () => {
    const t = cleanTitle('🇺🇦'.repeat(400));
    expect(t.length).toBeLessThanOrEqual(300);
    expect(t).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('lead', () => {
  const lead = (title: string, html: string) => cleanFeedItems([{ title, html }])[0].lead;

  it('is the first sentence when it is long enough on its own', () => {
    const first = 'Foreign ministers of the Group of Seven agreed on Thursday to keep Russian central bank assets frozen until Moscow pays for the damage.';
    expect(lead('G7 keeps assets frozen', `<p>${first} They will meet again in the autumn.</p>`)).toBe(first);
  });

  it('adds the second sentence when the first is short and both fit', () => {
    expect(lead('Talks end', '<p>The talks ended early. Neither side gave a reason. A third sentence follows.</p>')).toBe('The talks ended early. Neither side gave a reason.');
  });

  it('does not split after abbreviations such as U.S. or Gen.', () => {
    const first = 'The U.S. envoy met Gen. Syrskyi in Kyiv on Monday to discuss air defence deliveries for the coming winter months and beyond.';
    expect(lead('Envoy visits', `<p>${first} Nothing was announced.</p>`)).toBe(first);
  });

  it('is at most 300 characters, cut at a word boundary with an ellipsis', () => {
    const long = Array.from({ length: 80 }, (_, i) => `clause${i}`).join(' ') + '.';
    const l = lead('Long', `<p>${long}</p>`);
    expect(l.length).toBeLessThanOrEqual(300);
    expect(l.endsWith('…')).toBe(true);
    expect(long.startsWith(l.slice(0, -1) + ' ')).toBe(true);
  });

  it('is never the title, even when the body repeats the title inside a paragraph', () => {
    const title = 'Ceasefire talks resume in Doha';
    const out = cleanFeedItems([{ title, html: `<p>${title}. Delegations arrived on Sunday evening and will meet for three days.</p>` }])[0];
    expect(out.lead).not.toBe(title);
    expect(out.lead).not.toBe(`${title}.`);
    expect(out.lead).toMatch(/^Delegations arrived/);
  });

  it('is empty when the body has nothing beyond the title', () => {
    const out = cleanFeedItems([{ title: 'Only a headline', html: '<p>Only a headline</p>' }])[0];
    expect(out.text).toBe('');
    expect(out.lead).toBe('');
  });

  it('skips a standfirst without a full stop when sentences follow', () => {
    expect(lead('Pact', '<p>Also new: a bilateral security pact</p><p>The two governments are close to signing a ten-year agreement on military aid.</p>')).toBe(
      'The two governments are close to signing a ten-year agreement on military aid.',
    );
  });
});
