// Words that keep company in one edition's headlines. A story many outlets tell on one day names its
// subject in a few rare words, and each headline picks some of them: "Mt. Gox files for bankruptcy",
// "Hackers claim MtGox still has stolen bitcoins", "Bitcoin exchange hit by 150,000 attacks a second";
// "Chiquita buys Fyffes", "Merger creates the world's biggest banana company". Two such headlines may
// share no word, yet the edition itself says their words belong together: they appear in the same
// headlines again and again. So a headline's terms are widened with their companions before two bare
// headlines are compared (similarity.ts).
//
// Only rare words keep company this way: "office" and "shooting" appear together in the headlines of
// any two office shootings, "Fyffes" and "Chiquita" only in one story. A word is rare when it is not
// among the word vectors' most frequent (text/vectors.ts); names, numbers and countries are left as they are.

import type { SparseVector } from './features.js';

/** Two terms are companions when they share at least this many headlines… */
export const MIN_SHARED_HEADLINES = 6;
/** …and that is at least this share of the headlines of each. */
export const MIN_SHARE = 0.3;
/** A word among this many most frequent words of the vectors' list is common, not a story's own. */
export const COMMON_WORDS = 10_000;
/** What a companion adds to a term's weight, times the share of the term's headlines it appears in. */
export const COMPANION_WEIGHT = 0.3;

export interface Companion {
  term: number;
  /** share of the first term's headlines that also hold this one */
  share: number;
}

/**
 * Companions of each rare term, from the terms of every headline of the edition (`headlines[i]`: the
 * term ids of item i's headline). Cost: the pairs of rare terms within each headline.
 */
export function findCompanions(headlines: ReadonlySet<number>[], rare: (term: number) => boolean): Map<number, Companion[]> {
  const count = new Map<number, number>();
  for (const terms of headlines) for (const t of terms) if (rare(t)) count.set(t, (count.get(t) ?? 0) + 1);
  const frequent = (t: number) => (count.get(t) ?? 0) >= MIN_SHARED_HEADLINES;
  const together = new Map<number, Map<number, number>>();
  for (const terms of headlines) {
    const kept = [...terms].filter(frequent);
    for (const x of kept) {
      for (const y of kept) {
        if (x === y) continue;
        let row = together.get(x);
        if (!row) together.set(x, (row = new Map()));
        row.set(y, (row.get(y) ?? 0) + 1);
      }
    }
  }
  const out = new Map<number, Companion[]>();
  for (const [x, row] of together) {
    const list: Companion[] = [];
    for (const [y, both] of row) {
      const share = both / count.get(x)!;
      if (both >= MIN_SHARED_HEADLINES && share >= MIN_SHARE && both / count.get(y)! >= MIN_SHARE) list.push({ term: y, share });
    }
    if (list.length) out.set(x, list.sort((a, b) => a.term - b.term));
  }
  return out;
}

/** The vector with each term's companions added (COMPANION_WEIGHT × share × the term's weight), L2-normalised. */
export function widen(vector: SparseVector, companions: Map<number, Companion[]>): SparseVector {
  if (!companions.size || !vector.ids.some((t) => companions.has(t))) return vector;
  const weight = new Map<number, number>();
  vector.ids.forEach((t, k) => weight.set(t, vector.weights[k]));
  vector.ids.forEach((t, k) => {
    for (const c of companions.get(t) ?? []) weight.set(c.term, (weight.get(c.term) ?? 0) + COMPANION_WEIGHT * c.share * vector.weights[k]);
  });
  const ids = Int32Array.from([...weight.keys()].sort((a, b) => a - b));
  const weights = Float64Array.from(ids, (t) => weight.get(t)!);
  const norm = Math.hypot(...weights);
  for (let k = 0; k < weights.length; k++) weights[k] /= norm;
  return { ids, weights };
}
