// The two plain summaries ours is compared with, each cut to the same number of words as ours:
// lead (the opening words of the story's earliest item) and centroid (the story's sentences nearest
// the TF-IDF centroid of its items, best first). Both read the items' text as the set gives it.
import { splitSentences } from '../../src/text/sentences.js';
import { cosine, weigh, words, type Vector } from './baseline.js';
import { rougeWords } from './rouge.js';

export interface BaselineItem {
  key: string;
  published: string;
  text: string;
}

/** The earliest item first (then by key), as a reader of the story's sources would meet them. */
export function byPublished(a: BaselineItem, b: BaselineItem): number {
  return Date.parse(a.published) - Date.parse(b.published) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Lead: the first `length` words of the story's earliest item that has text. */
export function leadSummary(items: BaselineItem[], length: number): string[] {
  const first = [...items].sort(byPublished).find((i) => i.text.trim() !== '');
  return first ? rougeWords(first.text).slice(0, length) : [];
}

/**
 * Centroid (after Radev et al. 2004, without their position and overlap terms): the mean of the items'
 * TF-IDF vectors is the story's centroid; its sentences are taken by cosine to it, best first (ties in
 * reading order), until `length` words, the last one cut.
 */
export function centroidSummary(items: BaselineItem[], idf: (term: string) => number, length: number): string[] {
  const ordered = [...items].sort(byPublished);
  const centroid: Vector = new Map();
  for (const item of ordered) {
    for (const [t, w] of weigh(words(item.text), idf)) centroid.set(t, (centroid.get(t) ?? 0) + w / ordered.length);
  }
  const sentences = ordered.flatMap((item) => splitSentences(item.text));
  const ranked = sentences
    .map((text, order) => ({ text, order, score: cosine(weigh(words(text), idf), centroid) }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const out: string[] = [];
  for (const s of ranked) {
    if (out.length >= length) break;
    out.push(...rougeWords(s.text));
  }
  return out.slice(0, length);
}
