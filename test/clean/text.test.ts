import { describe, expect, it } from 'vitest';
import { cleanFeedItems } from '../../src/clean/index.js';
import { fixture } from './helpers.js';

const text = (html: string) => cleanFeedItems([{ title: 'T', html }])[0].text;

describe('entities, pixels, links and whitespace', () => {
  it('decodes numeric and named entities', () => {
    expect(text('<p>Kyiv&#8217;s allies &amp; partners met&nbsp;today &#x2014; again.</p>')).toBe('Kyiv’s allies & partners met today — again.');
  });

  it('decodes plain text with entities and text escaped twice', () => {
    expect(text('Russia&#8217;s envoy &amp; his deputy left.')).toBe('Russia’s envoy & his deputy left.');
    expect(text('&lt;p&gt;Kyiv&amp;#8217;s envoy arrived.&lt;/p&gt;')).toBe('Kyiv’s envoy arrived.');
  });

  it('drops tracking pixels and empty links, keeps link text without URLs', () => {
    const out = text('<p>Talks resumed in <a href="https://x.example/geneva">Geneva</a>.<a href="https://x.example/empty"></a><img src="https://t.example/p.gif" width="1" height="1"></p>');
    expect(out).toBe('Talks resumed in Geneva.');
  });

  it('turns block elements into paragraphs separated by one blank line', () => {
    const out = text('<div><h2>Heading</h2><p>One.</p><p>Two.<br>Three.</p><ul><li>First point.</li><li>Second point.</li></ul></div>');
    expect(out.split('\n\n')).toEqual(['Heading', 'One.', 'Two.', 'Three.', '• First point.', '• Second point.']);
    expect(out).not.toMatch(/\n{3,}/);
  });

  it('normalises spaces, zero-width characters, controls and quotes', () => {
    const out = text('<p>Kyiv\u200b \u00a0 said\u2009"no"\u0007 to the \'plan\' and didn\'t\u00ad budge.</p>');
    expect(out).toBe('Kyiv said “no” to the ‘plan’ and didn’t budge.');
  });

  it('repairs UTF-8 read as Windows-1252 without touching real accents', () => {
    expect(text('<p>Zelensky\u00e2\u20ac\u2122s office said \u00e2\u20ac\u0153yes\u00e2\u20ac\u009d in Mal\u00c3\u00a9.</p>')).toBe('Zelensky’s office said “yes” in Malé.');
    expect(text('<p>Sch\u00fctz met Fran\u00e7ois in Mal\u00e9.</p>')).toBe('Schütz met François in Malé.');
  });

  it('keeps table cells apart', () => {
    expect(text('<table><tr><td>Kyiv</td><td>12</td></tr></table>')).toBe('Kyiv 12');
  });
});

describe('hostile HTML', () => {
  const out = text(fixture('hostile.html'));
  it('yields inert plain text: no code, no markup, no comments', () => {
    expect(out).not.toMatch(/LEAK/);
    expect(out).not.toMatch(/[<>]/);
    expect(out).not.toMatch(/javascript:|alert\(/);
  });
  it('keeps the visible text', () => {
    expect(out.split('\n\n')).toEqual([
      'Talks between the two delegations resumed on Monday after a two-week pause.',
      'The foreign ministry confirmed that a new round is planned for March.',
      'Observers expect a joint statement afterwards.',
    ]);
  });
});

describe('bad input', () => {
  it('never throws and keeps one output per input', () => {
    const weird = [
      { title: '', html: '' },
      { title: undefined, html: null },
      { title: 42, html: { toString: () => '<p>Object body.</p>' } },
      { title: '<b>x', html: '<p><p><div></span>&&&;&#xFFFFFFF;&#0;<!-- unclosed' },
    ] as unknown as { title: string; html: string }[];
    const out = cleanFeedItems(weird);
    expect(out).toHaveLength(4);
    for (const o of out) {
      expect(typeof o.text).toBe('string');
      expect(o.text).not.toMatch(/<!--|<p>|<div>/);
    }
    expect(out[2].text).toBe('Object body.');
    expect(cleanFeedItems(null as unknown as [])).toEqual([]);
  });
});

describe('blog platform widgets inside feed content', () => {
  it('skips caption, share and related-post blocks by their class', () => {
    const out = text('<div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">Delegates arrive in Geneva. Photo: A. Novak</p></div><p>The talks opened with a minute of silence.</p><div class="sharedaddy"><h3>Share this:</h3><ul><li>X</li></ul></div><div id="jp-relatedposts" class="jp-relatedposts"><p>Related</p><p>Earlier talks in Vienna</p></div><p hidden>Hidden promo text.</p>');
    expect(out).toBe('The talks opened with a minute of silence.');
  });
});
