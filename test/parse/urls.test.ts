import { describe, expect, it } from 'vitest';
import { canonicalUrl, findAdvertisedFeeds, itemIdentity } from '../../src/parse/index.js';

describe('canonicalUrl', () => {
  it('drops tracking parameters, fragments, default ports and trailing slashes; lowercases the host', () => {
    expect(canonicalUrl('HTTPS://News.Example.ORG:443/World/Ukraine/?utm_source=x&id=7&utm_medium=rss&fbclid=abc&gclid=z#comments')).toBe(
      'https://news.example.org/World/Ukraine?id=7',
    );
    expect(canonicalUrl('http://news.example.org:80/a//')).toBe('http://news.example.org/a');
    expect(canonicalUrl('http://news.example.org:8080/a/')).toBe('http://news.example.org:8080/a');
  });

  it('gives one form for the root with and without a slash', () => {
    expect(canonicalUrl('https://news.example.org')).toBe(canonicalUrl('https://news.example.org/?utm_campaign=w'));
  });

  it('keeps parameters that change the page and their order', () => {
    expect(canonicalUrl('https://e.example/search?q=peace+talks&page=2')).toBe('https://e.example/search?q=peace+talks&page=2');
  });

  it('resolves against a base and refuses what is not http(s)', () => {
    expect(canonicalUrl('../b/?utm_term=1', 'https://e.example/x/y/')).toBe('https://e.example/x/b');
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('mailto:desk@e.example')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('')).toBeNull();
  });
});

describe('itemIdentity', () => {
  const base = { guid: null, link: null, title: 'Truce talks resume', published: '2024-06-03T06:00:00.000Z' };

  it('uses the guid first, trimmed', () => {
    expect(itemIdentity({ ...base, guid: '  urn:wire:42 ', link: 'https://e.example/a' })).toBe('urn:wire:42');
  });

  it('falls back to the canonical link', () => {
    expect(itemIdentity({ ...base, link: 'https://E.example/a/?utm_source=feed#top' })).toBe('https://e.example/a');
    expect(itemIdentity({ ...base, guid: '   ', link: 'https://e.example/a' })).toBe('https://e.example/a');
  });

  it('hashes title and date when there is neither', () => {
    const id = itemIdentity(base);
    expect(id).toMatch(/^h:[0-9a-f]{16}$/);
    expect(itemIdentity({ ...base })).toBe(id);
    expect(itemIdentity({ ...base, published: null })).not.toBe(id);
    expect(itemIdentity({ ...base, title: 'Truce talks stall' })).not.toBe(id);
    expect(itemIdentity({ ...base, link: 'javascript:void(0)' })).toBe(id);
  });
});

describe('findAdvertisedFeeds', () => {
  it('lists RSS, Atom and JSON feeds a page advertises, absolute and once each', () => {
    const html = `<html><head>
<link rel="alternate" type="application/rss+xml" title="All" href="/rss.xml">
<link rel="Alternate  home" type="application/atom+xml" href="https://feeds.example/atom">
<link rel="alternate" type="application/feed+json" href="feed.json">
<link rel="alternate" type="application/rss+xml" href="/rss.xml">
<link rel="alternate" type="text/html" hreflang="uk" href="/uk/">
<link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1">
<link rel="stylesheet" type="application/rss+xml" href="/not-alternate.xml">
</head><body></body></html>`;
    expect(findAdvertisedFeeds(html, 'https://site.example/news/today')).toEqual([
      'https://site.example/rss.xml',
      'https://feeds.example/atom',
      'https://site.example/news/feed.json',
    ]);
  });

  it('honours <base href> and returns nothing for a page without feeds', () => {
    expect(findAdvertisedFeeds('<head><base href="https://cdn.example/x/"><link rel="alternate" type="application/atom+xml" href="a.xml"></head>', 'https://site.example/')).toEqual([
      'https://cdn.example/x/a.xml',
    ]);
    expect(findAdvertisedFeeds('<p>no head at all', 'https://site.example/')).toEqual([]);
  });
});
