// The meaning of a short text as one unit vector: the mean of its words' vectors, rarer words weighing
// more. Without a corpus at hand, a word's rank in the vectors' frequency list stands in for its rarity
// ("said" ≈ rank 14 weighs little, "ceasefire" ≈ rank 9,000 a lot). Shared by theming and summaries.

import { wordVectors } from './vectors.js';

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Weight of a word by its frequency rank (0 = most frequent). */
function rarity(rank: number): number {
  return Math.log(2 + rank / 100);
}

export interface WeightedText {
  text: string;
  weight: number;
}

/** Lower-case words of a text as the vectors spell them ("Ukraine's" → "ukraine"). */
export function vectorWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').replace(/[\u200c\u200d]/g, '').matchAll(WORD)) out.push(m[0].toLowerCase().replace(/['’]s$/, ''));
  return out;
}

/** Unit vector of the texts' words (all zeros when no word has a vector). */
export function textMeaning(parts: WeightedText[], skip?: ReadonlySet<string>): Float32Array {
  const vectors = wordVectors();
  const v = new Float32Array(vectors.dims);
  for (const { text, weight } of parts) {
    for (const word of vectorWords(text)) {
      if (skip?.has(word)) continue;
      const rank = vectors.row(word);
      if (rank === undefined) continue;
      vectors.addTo(v, word, weight * rarity(rank));
    }
  }
  return normalise(v);
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalise(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const norm = Math.sqrt(s);
  if (norm > 0) for (let k = 0; k < v.length; k++) v[k] /= norm;
  return v;
}

/**
 * The direction a set of meanings shares: their mean, times `weight` (below 1, a mean shrunk towards none, for a set
 * too small to be sure of it). What every story of a one-subject edition leans towards.
 */
export function meanVector(vectors: readonly Float32Array[], dims: number, weight = 1): Float32Array {
  const mean = new Float32Array(dims);
  for (const v of vectors) for (let k = 0; k < dims; k++) mean[k] += (v[k] / vectors.length) * weight;
  return mean;
}

/** a − b, as a new vector: a meaning without a direction it shares (meanVector). */
export function difference(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k] - b[k];
  return out;
}

export function isZero(v: Float32Array): boolean {
  for (const x of v) if (x !== 0) return false;
  return true;
}

/** Dot product of two dense vectors: their cosine when both have unit length. */
export function cosineDense(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}
