// Builds Items, Clusters and Stories for theme and summary tests from a few readable fields.
import type { Cluster, Item, Story, ThemeConfig } from '../../src/types.js';

export interface ItemSpec {
  feed?: string;
  title: string;
  /** paragraphs separated by blank lines */
  text?: string;
  published?: string;
  guid?: string;
  /** the page's address (default: a path with no section) */
  url?: string;
  /** the feed's categories for the item */
  categories?: string[];
}

let counter = 0;

export function item(spec: ItemSpec): Item {
  const feed = spec.feed ?? 'wire';
  const guid = spec.guid ?? `g${++counter}`;
  const text = spec.text ?? '';
  return {
    key: `${feed}:${guid}`,
    feed,
    feedName: feed.charAt(0).toUpperCase() + feed.slice(1),
    guid,
    url: spec.url ?? `https://${feed}.example.org/${guid}`,
    canonicalUrl: spec.url ?? `https://${feed}.example.org/${guid}`,
    title: spec.title,
    published: spec.published ?? '2024-06-05T09:00:00.000Z',
    text,
    lead: text.split(/\n\s*\n/)[0]?.slice(0, 300) ?? '',
    ...(spec.categories ? { categories: spec.categories } : {}),
  };
}

export function cluster(...specs: ItemSpec[]): Cluster {
  return { items: specs.map(item) };
}

export function story(spec: Partial<Story> & { title: string }): Story {
  return {
    id: spec.id ?? spec.title.toLowerCase().replace(/\W+/g, '-'),
    title: spec.title,
    url: spec.url ?? null,
    summary: spec.summary ?? '',
    published: spec.published ?? '2024-06-05T12:00:00.000+03:00',
    sources: spec.sources ?? ['Wire One'],
    why: spec.why ?? [],
    items: spec.items ?? [],
  };
}

/** The running example's sections. */
export const THEMES: ThemeConfig[] = [
  {
    id: 'arms',
    title: 'Weapons & strikes',
    description: 'Weapons deliveries, limits on their use, strikes and threats of retaliation.',
    keywords: ['missiles', 'fighter jets', 'air defence', 'long-range', 'HIMARS', 'F-16', 'drones', 'ATACMS'],
  },
  {
    id: 'talks',
    title: 'Peace diplomacy',
    description: 'Negotiations, ceasefire proposals, peace summits and mediation between Kyiv and Moscow.',
    keywords: ['peace talks', 'ceasefire', 'negotiations', 'peace summit', 'envoy', 'mediation'],
  },
  {
    id: 'home',
    title: 'Home front',
    description: 'Life in Ukraine under war: energy supply, refugees, mobilisation, the economy and reconstruction.',
    keywords: ['power grid', 'blackouts', 'refugees', 'mobilisation', 'reconstruction', 'electricity'],
  },
];
