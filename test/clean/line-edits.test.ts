import { describe, expect, it } from 'vitest';
import { cleanFeedItems, extractArticle, isTeaser } from '../../src/clean/index.js';
import { fixture } from './helpers.js';

const text = (html: string) => cleanFeedItems([{ title: 'Some title', html }])[0].text;

describe('furniture glued to article lines', () => {
  it('turns a blog excerpt ending "[…]" or "[...]" into an ellipsis', () => {
    expect(text('<p>The delegation will return to Ankara on Friday and [&#8230;]</p>')).toBe('The delegation will return to Ankara on Friday and…');
    expect(text('The delegation will return to Ankara on Friday and [...]')).toBe('The delegation will return to Ankara on Friday and…');
  });

  it('cuts a trailing "Continue reading" / "Read more" link but keeps the sentence', () => {
    expect(text('<p>Officials met in Vienna on Monday. <a href="/x">Continue reading…</a></p>')).toBe('Officials met in Vienna on Monday.');
    expect(text('<p>Officials met in Vienna on Monday. Read more »</p>')).toBe('Officials met in Vienna on Monday.');
    expect(text('<p>Officials said they would continue reading the draft.</p>')).toBe('Officials said they would continue reading the draft.');
  });

  it('removes a wire dateline from the start of the text, also from the lead', () => {
    const [o] = cleanFeedItems([{ title: 'Grid repaired', html: '<p>KYIV, June 4 (Reuters) - Engineers restored power to most of the capital on Tuesday.</p><p>KYIV (Reuters) - stays here.</p>' }]);
    expect(o.text.split('\n\n')[0]).toBe('Engineers restored power to most of the capital on Tuesday.');
    expect(o.lead).toMatch(/^Engineers restored power/);
    expect(o.text).toContain('KYIV (Reuters) - stays here.');
    expect(text('<p>WASHINGTON (AP) — The Senate passed the aid bill late on Saturday.</p>')).toBe('The Senate passed the aid bill late on Saturday.');
  });

  it('removes datelines of other wires and newspapers, but not a sentence opening with an acronym', () => {
    expect(text('<p>WASHINGTON/KYIV, Nov 17 (Example Wire) - The aid package was signed.</p>')).toBe('The aid package was signed.');
    expect(text('<p>THE HAGUE — The Dutch cabinet approved the transfer.</p>')).toBe('The Dutch cabinet approved the transfer.');
    expect(text('<p>KYIV, Ukraine — Sirens sounded across the capital.</p>')).toBe('Sirens sounded across the capital.');
    expect(text('<p>NATO — the alliance of 32 countries — met in Brussels.</p>')).toBe('NATO — the alliance of 32 countries — met in Brussels.');
  });

  it('drops bare widget counters but keeps sentences with numbers', () => {
    expect(text('<p>1.2K</p><p>Officials counted 12 drones overnight.</p><p>34</p>')).toBe('Officials counted 12 drones overnight.');
  });
});

describe('isTeaser', () => {
  it('flags short texts and excerpts, not full articles', () => {
    const [short] = cleanFeedItems([{ title: 'T', html: '<p>Talks resumed in Doha on Sunday. Read more »</p>' }]);
    expect(isTeaser(short.text)).toBe(true);
    const article = extractArticle(fixture('article-page.html'), 'https://herald.example/a')!;
    expect(isTeaser(article)).toBe(false);
    const [excerpt] = cleanFeedItems([{ title: 'T', html: article.slice(0, 700).replace(/\s\S*$/, ' [&hellip;]') }]);
    expect(excerpt.text.length).toBeGreaterThan(600);
    expect(isTeaser(excerpt.text)).toBe(true);
  });
});
