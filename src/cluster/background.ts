// How alike two unrelated items of this edition look. A headline pair and a full-text pair live on different
// scales, and in a digest about one subject every pair shares the subject's words; so a pair's raw overlap
// says little until it is set against the edition's own background: the mean and spread of the scores of
// many pairs drawn across the edition (mostly different events). Scores are then read as "how many spreads
// above the background", which means the same thing for headlines, teasers and whole articles.

export interface Background {
  mean: number;
  spread: number;
}

/** Pairs sampled from the edition (deterministically); enough for a stable mean and spread. */
const SAMPLE_PAIRS = 4000;
/** The highest-scoring tenth of the sample is set aside: some random pairs are the same event. */
const TRIM = 0.1;
/**
 * A small edition has too few pairs to know its background, so the estimate starts from a typical one and
 * is pulled towards the edition's own as pairs accumulate (this many pairs weigh as much as the prior).
 */
const PRIOR_PAIRS = 200;

/** How much of an edition of n items' background comes from the typical one (1 for none, → 0 as n grows). */
export function priorShare(n: number): number {
  return PRIOR_PAIRS / (PRIOR_PAIRS + keptPairs(Math.min(SAMPLE_PAIRS, (n * (n - 1)) / 2)));
}

/** How many of `sampled` pair scores are kept once the top TRIM share is set aside. */
function keptPairs(sampled: number): number {
  return Math.max(1, Math.floor(sampled * (1 - TRIM)));
}

export function measureBackground(n: number, score: (a: number, b: number) => number, prior: Background): Background {
  const samples: number[] = [];
  const total = (n * (n - 1)) / 2;
  if (total <= SAMPLE_PAIRS) {
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) samples.push(score(a, b));
  } else {
    // A fixed multiplicative walk over the pairs: same input, same sample.
    let state = 2463534242;
    for (let k = 0; k < SAMPLE_PAIRS; k++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const a = (state >>> 0) % n;
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      let b = (state >>> 0) % (n - 1);
      if (b >= a) b++;
      samples.push(score(a, b));
    }
  }
  samples.sort((x, y) => x - y);
  const kept = samples.slice(0, keptPairs(samples.length));
  const m = kept.length;
  const mean = kept.reduce((s, x) => s + x, 0) / m;
  const variance = kept.reduce((s, x) => s + (x - mean) ** 2, 0) / m;
  const w = m / (m + PRIOR_PAIRS);
  const blendedMean = w * mean + (1 - w) * prior.mean;
  const blendedVar = w * variance + (1 - w) * prior.spread ** 2;
  return { mean: blendedMean, spread: Math.max(Math.sqrt(blendedVar), prior.spread / 4) };
}

/** Spreads above the background, compressed: the tenth spread adds less than the second. */
export function lift(score: number, bg: Background): number {
  return Math.log1p(Math.max(0, (score - bg.mean) / bg.spread));
}
