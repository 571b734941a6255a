// Blocking: only items that share one of their heaviest, not-too-common terms and were published
// within the time gap are ever compared. Keeps clustering near-linear instead of all-pairs.

import type { ItemFeatures } from './features.js';

/** Per item, at most this many neighbours (those sharing most blocking terms) are compared. */
const MAX_CANDIDATES = 40;

function withinGap(a: number, b: number, maxGapMs: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return true;
  return Math.abs(a - b) <= maxGapMs;
}

/** Candidate pairs [i, j] with i < j, each listed once, in ascending order. */
export function candidatePairs(features: ItemFeatures[], maxGapMs: number): [number, number][] {
  const n = features.length;
  const postings = new Map<number, number[]>();
  features.forEach((f, i) => {
    for (const term of f.blockingTerms) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });

  // Per-item scratch space, reused: how many blocking terms each other item shares with item i.
  const shared = new Int32Array(n);
  const touched: number[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < n; i++) {
    const f = features[i];
    touched.length = 0;
    for (const term of f.blockingTerms) {
      for (const j of postings.get(term)!) {
        if (j === i || !withinGap(f.time, features[j].time, maxGapMs)) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j]++;
      }
    }
    const chosen = touched.length > MAX_CANDIDATES ? mostShared(touched, shared, (j) => Math.abs(features[j].time - f.time) || 0) : touched;
    for (const j of chosen) pairs.push(i < j ? i * n + j : j * n + i);
    for (const j of touched) shared[j] = 0;
  }

  const sorted = Float64Array.from(pairs).sort();
  const out: [number, number][] = [];
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    out.push([Math.floor(sorted[k] / n), sorted[k] % n]);
  }
  return out;
}

/**
 * The MAX_CANDIDATES neighbours sharing most blocking terms (ties: closest in time, then index).
 * Counts are small integers, so neighbours are bucketed by count and only the last bucket is sorted.
 */
function mostShared(touched: number[], shared: Int32Array, gap: (j: number) => number): number[] {
  const buckets: number[][] = [];
  for (const j of touched) (buckets[shared[j]] ??= []).push(j);
  const chosen: number[] = [];
  for (let count = buckets.length - 1; count > 0 && chosen.length < MAX_CANDIDATES; count--) {
    const bucket = buckets[count];
    if (!bucket) continue;
    const room = MAX_CANDIDATES - chosen.length;
    if (bucket.length <= room) chosen.push(...bucket);
    else chosen.push(...bucket.sort((a, b) => gap(a) - gap(b) || a - b).slice(0, room));
  }
  return chosen;
}
