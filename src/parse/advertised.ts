// Feeds an HTML page advertises with <link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href>.
import { parseHTML } from 'linkedom';
import { resolveHttpUrl } from './canonical.js';

const FEED_TYPES = /^application\/(rss|atom|rdf|feed)\+(xml|json)$/i;

export function findAdvertisedFeeds(html: string, baseUrl: string): string[] {
  return advertisedFeeds(html, baseUrl);
}

/** as findAdvertisedFeeds; without a base URL only absolute hrefs (or those under an absolute <base>) are returned */
export function advertisedFeeds(html: string, baseUrl: string | null): string[] {
  let links: Element[];
  let base = baseUrl;
  try {
    const { document } = parseHTML(html);
    links = [...document.querySelectorAll('link')];
    const baseHref = document.querySelector('base[href]')?.getAttribute('href');
    base = resolveHttpUrl(baseHref, baseUrl) ?? baseUrl;
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const link of links) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').trim();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    const href = resolveHttpUrl(link.getAttribute('href'), base);
    if (href && !found.includes(href)) found.push(href);
  }
  return found;
}
