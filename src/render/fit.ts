// Find how many stories per section a long edition can show and stay under the size budget, with few MJML
// renders, each of a capped edition (rendering a 2,000-story edition only to cut it down costs seconds).
//
// Two sizes are known for a cap: `estimate(cap)`, cheap (the filled MJML document, no MJML run), and
// `measure(cap)`, the real encoded HTML (an MJML render). The HTML grows with the MJML nearly linearly
// (MJML wraps every block in the same table markup and copies text through), so a straight line through
// two measured points, read off the estimates, predicts the cap; each further render lands closer.
//
// Rule: the result is the largest cap whose HTML fits, proven by rendering it and the next cap (which does
// not fit), or the whole edition when that fits. This assumes more stories never make the HTML smaller.
// A cap of 1 is the floor: it is used even when it does not fit. Should the predictions not settle within
// `maxRenders` renders, the result is the largest cap rendered that fits (close to the largest; never seen
// with the built-in templates). The search depends only on its inputs, so the same edition gets the same cap.

export interface Measured {
  /** encoded size of the rendered HTML, bytes */
  bytes: number;
}

export interface CapSearch<T extends Measured> {
  /** the largest section's story count: this cap shows the whole edition */
  maxCap: number;
  budget: number;
  /** cheap size of the edition at a cap that grows with the real one (no MJML render) */
  estimate: (cap: number) => number;
  /** the real size at a cap (an MJML render) */
  measure: (cap: number) => Promise<T>;
  maxRenders: number;
  /** the estimate of the whole edition is cheap to make (else it is approached by doubling caps from 1) */
  wholeEstimateIsCheap?: boolean;
}

export interface CapFound<T extends Measured> {
  cap: number;
  result: T;
  renders: number;
}

// How much the encoded HTML grows per byte of filled MJML with the built-in templates (about 1.3: MJML wraps
// each block in tables). Only the first guess of a long edition uses it; measured points take over after.
const FIRST_GUESS_SLOPE = 1.3;

export async function findCap<T extends Measured>(search: CapSearch<T>): Promise<CapFound<T>> {
  const { maxCap, budget, maxRenders } = search;
  const estimates = new Map<number, number>();
  const estimate = (cap: number) => {
    let e = estimates.get(cap);
    if (e === undefined) estimates.set(cap, (e = search.estimate(cap)));
    return e;
  };
  const measured = new Map<number, T>();
  const measure = async (cap: number) => {
    let m = measured.get(cap);
    if (!m) measured.set(cap, (m = await search.measure(cap)));
    return m;
  };
  const done = (cap: number): CapFound<T> => ({ cap, result: measured.get(cap)!, renders: measured.size });

  // The whole edition, unless its MJML alone is already over the budget (the HTML is bigger still).
  const top = Math.max(1, maxCap);
  const mayFit = firstOver(estimate, budget, search.wholeEstimateIsCheap ? top : 1, top) === null;
  if (mayFit && (await measure(top)).bytes <= budget) return done(top);
  if ((await measure(1)).bytes > budget || top === 1) return done(1);
  if (!measured.has(top)) await measure(predictCap(estimate, budget, { cap: 1, bytes: measured.get(1)!.bytes }, FIRST_GUESS_SLOPE, 1, top + 1));

  while (measured.size < maxRenders) {
    const caps = [...measured.keys()].sort((a, b) => a - b);
    const lo = Math.max(...caps.filter((c) => measured.get(c)!.bytes <= budget));
    // the first cap over the budget above lo: every cap between them is yet to be rendered
    const hi = caps.find((c) => c > lo && measured.get(c)!.bytes > budget) ?? top + 1;
    if (lo === top || hi === lo + 1) return done(lo);
    // the line through the two measured points nearest the budget
    const [[c1, m1], [c2, m2]] = [...measured.entries()]
      .sort(([ca, a], [cb, b]) => Math.abs(a.bytes - budget) - Math.abs(b.bytes - budget) || ca - cb)
      .slice(0, 2);
    const slope = (m2.bytes - m1.bytes) / (estimate(c2) - estimate(c1));
    await measure(predictCap(estimate, budget, { cap: c1, bytes: m1.bytes }, slope, lo, hi));
  }
  const fitting = [...measured.keys()].filter((c) => measured.get(c)!.bytes <= budget);
  return done(Math.max(...fitting));
}

/** The first cap in [from, to] whose estimate passes the budget (doubling, then halving), or null. */
function firstOver(estimate: (cap: number) => number, budget: number, from: number, to: number): number | null {
  if (from > to) return null;
  let ok = from - 1;
  let over = from;
  for (let step = 1; estimate(over) <= budget; step *= 2) {
    if (over === to) return null;
    ok = over;
    over = Math.min(to, ok + step);
  }
  while (over - ok > 1) {
    const mid = (ok + over) >> 1;
    if (estimate(mid) > budget) over = mid;
    else ok = mid;
  }
  return over;
}

/**
 * The cap to render next, in (lo, hi): the largest that the line through `at` with `slope` (encoded HTML
 * bytes per estimate byte) says fits, or lo + 1 when it says none does (rendering that proves lo is the largest).
 */
function predictCap(estimate: (cap: number) => number, budget: number, at: { cap: number; bytes: number }, slope: number, lo: number, hi: number): number {
  // a flat or falling line says nothing: step one cap up from what fits
  if (!(slope > 0) || !Number.isFinite(slope)) return lo + 1;
  // the budget read as an estimate: caps whose estimate stays at or under it are predicted to fit
  const estimateBudget = estimate(at.cap) + (budget - at.bytes) / slope;
  const over = firstOver(estimate, estimateBudget, lo + 1, hi - 1);
  return Math.max(lo + 1, over === null ? hi - 1 : over - 1);
}
