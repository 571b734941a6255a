// Synthetic news weeks for scale tests: N items about N/4 events, with recurring actors
// (so events share named entities, as real coverage does), Zipf-distributed filler words,
// per-outlet wording (each item keeps only part of its event's words) and spread publication times.

import type { Item } from '../../src/types.js';
import { seeded as mulberry32 } from '../../bench/lib/random.js';


const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vo', 'pel', 'dri', 'no', 'qua', 'zen', 'bar', 'ti', 'mo', 'gra', 'hu', 'fen', 'lis', 'cor', 'dan', 'vel', 'rup', 'sto'];

function word(rand: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

function pool(rand: () => number, size: number, syllables: number, capitalise = false): string[] {
  const set = new Set<string>();
  while (set.size < size) set.add(word(rand, syllables + Math.floor(rand() * 2)));
  return [...set].map((w) => (capitalise ? w[0].toUpperCase() + w.slice(1) : w));
}

export interface SyntheticWeek {
  items: Item[];
  /** item key → event id */
  eventOf: Map<string, number>;
}

/** A deterministic synthetic week of `n` items. */
export function syntheticWeek(n: number, seed = 1): SyntheticWeek {
  const rand = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const zipf = (list: string[]) => list[Math.min(list.length - 1, Math.floor(Math.pow(rand(), 2.5) * list.length))];

  const filler = pool(rand, 3000, 3);
  const actions = pool(rand, 4000, 4);
  const actors = pool(rand, Math.max(40, Math.floor(n / 25)), 3, true);
  const feeds = Array.from({ length: 40 }, (_, i) => `outlet${i}`);
  const start = Date.parse('2026-03-02T05:00:00Z');
  const week = 7 * 24 * 3_600_000;

  const eventCount = Math.max(1, Math.floor(n / 4));
  const events = Array.from({ length: eventCount }, (_, id) => ({
    id,
    // actors recur across events: the same government does different things in the same week
    actors: [pick(actors), pick(actors), pick(actors)],
    actions: Array.from({ length: 6 }, () => pick(actions)),
    number: String(10 + Math.floor(rand() * 990)),
    time: start + rand() * week,
  }));

  const items: Item[] = [];
  const eventOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    // Zipf-like event sizes: some events are told by many outlets, most by few
    const event = events[Math.min(eventCount - 1, Math.floor(Math.pow(rand(), 1.6) * eventCount))];
    const keep = <T>(list: T[], p: number) => list.filter(() => rand() < p);
    // Like a news lead, each item states most of the event's facts in its own selection and order.
    const eventWords = [...keep(event.actors, 0.8), ...keep(event.actions, 0.75), ...(rand() < 0.6 ? [event.number] : [])];
    const fill = (k: number) => Array.from({ length: k }, () => zipf(filler));
    const shuffle = (words: string[]) => words.map((w) => [rand(), w] as const).sort((a, b) => a[0] - b[0]).map(([, w]) => w);
    const title = shuffle([...eventWords.slice(0, 5), ...fill(2)]).join(' ');
    const lead = shuffle([...eventWords, ...fill(5)]).join(' ');
    const more = () => [pick(eventWords.length ? eventWords : filler), ...fill(8)].join(' ');
    const text = `${lead}. ${more()}. ${more()}.`;
    const feed = pick(feeds);
    const guid = `s${i}`;
    const published = new Date(Math.min(start + week - 1, Math.max(start, event.time + (rand() - 0.3) * 36 * 3_600_000))).toISOString();
    const item: Item = {
      key: `${feed}:${guid}`, feed, feedName: feed, guid, url: `https://${feed}.example/${guid}`, canonicalUrl: `https://${feed}.example/${guid}`,
      title: title[0].toUpperCase() + title.slice(1), published, text, lead: `${lead}.`,
    };
    items.push(item);
    eventOf.set(item.key, event.id);
  }
  return { items, eventOf };
}

/** Pairwise precision/recall/F1 of a clustering against the generator's events (counted per group, not per pair loop). */
export function pairwiseScores(groups: string[][], eventOf: Map<string, number>) {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  let predicted = 0;
  let tp = 0;
  const bySize = new Map<number, number>();
  for (const key of eventOf.keys()) bySize.set(eventOf.get(key)!, (bySize.get(eventOf.get(key)!) ?? 0) + 1);
  const actual = [...bySize.values()].reduce((s, k) => s + pairs(k), 0);
  for (const g of groups) {
    predicted += pairs(g.length);
    const counts = new Map<number, number>();
    for (const key of g) counts.set(eventOf.get(key)!, (counts.get(eventOf.get(key)!) ?? 0) + 1);
    for (const c of counts.values()) tp += pairs(c);
  }
  const precision = predicted ? tp / predicted : 1;
  const recall = actual ? tp / actual : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
