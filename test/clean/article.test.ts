import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/clean/index.js';
import { fixture } from './helpers.js';

describe('extractArticle', () => {
  const text = extractArticle(fixture('article-page.html'), 'https://herald.example/world/grain-talks');

  it('returns the article body as clean paragraphs', () => {
    expect(text).not.toBeNull();
    const paras = text!.split('\n\n');
    expect(paras[0]).toMatch(/^Delegations from the United Nations, Turkey, Ukraine and Russia met in Istanbul/);
    expect(paras.at(-1)).toMatch(/relative calm at sea in recent months\.$/);
    expect(paras).toHaveLength(4);
  });

  it('leaves out navigation, byline, share bar, cookie banner, sidebar and footer', () => {
    for (const junk of ['Home', 'Subscribe', 'cookies', 'By Ayşe Demir', 'Share this article', 'Most read', 'Election results', 'All rights reserved', 'Black Sea grain talks resume in Istanbul']) {
      expect(text).not.toContain(junk);
    }
  });

  it('returns null for pages without an article', () => {
    expect(extractArticle('<html><body><nav><a href="/">Home</a></nav><p>Page not found.</p></body></html>', 'https://herald.example/x')).toBeNull();
    expect(extractArticle('', 'https://herald.example/x')).toBeNull();
    expect(extractArticle('not html at all', 'not a url')).toBeNull();
  });
});
