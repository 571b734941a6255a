// For tests that put invented stories into a realistic week: the fixture weeks' items (sets a and c), one feed per
// outlet of each, spread over 1–7 September 2026.
import type { Item } from '../../src/types.js';
import { catalogue } from '../eval/sets.js';
import { keyOf } from '../eval/set-format.js';

/** An item of `feed` (its name too), key `feed:guid`, with no lead. */
export function newsItem(feed: string, guid: string, title: string, published: string, text: string): Item {
  return { key: `${feed}:${guid}`, feed, feedName: feed, guid, url: null, canonicalUrl: null, title, published, text, lead: '' };
}

/** a week of other news: the fixture weeks' items, spread over seven days */
export function otherNews(): Item[] {
  const out: Item[] = [];
  for (const name of ['a', 'c']) {
    const set = catalogue().sources.find((s) => s.name === name)!.load();
    for (const i of set.items) {
      if ((i.expect ?? 'in') !== 'in') continue;
      const feed = `${name}-${keyOf(set, i).split(':')[0]}`;
      out.push(newsItem(feed, i.id, i.title, `2026-09-0${1 + (out.length % 7)}T10:00:00Z`, i.text));
    }
  }
  return out;
}
