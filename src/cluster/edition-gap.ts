// How far apart in time one story's reports may be, read from the edition itself. Most editions tell an event
// within a day or two, and the fixed gap (72 hours) keeps the same actors doing something else later in the week
// apart. But some collections file a week's coverage of one happening as one event (a wire's topic followed over
// days, a week of an outlet's running story): there, reports that are surely one event by their words alone lie
// days apart, and the fixed gap cuts each such story into pieces. The edition shows which kind it is: the pairs
// whose words and meaning alone score far above the threshold are one event, and how far apart in time they lie
// is how long its events run. Editions whose sure pairs lie hours apart (every labelled set but the real weeks:
// medians of 1–12 hours) keep the fixed gap; docs/editorial.md has the figures.

import { candidatePairs } from './candidates.js';
import type { ItemFeatures } from './features.js';

/** The widest gap an edition can ask for: a week, a weekly edition's span. */
const WIDEST_MS = 168 * 3_600_000;
/** A pair is surely one event when its score without time reaches this many times the merge threshold. */
const SURE = 1.5;
/** The gap is this many times the median time between the sure pairs. Chosen on the tuning sets (2 half the gain, 4 alike). */
export const GAP_PER_MEDIAN = 3;
/** Fewer sure pairs than this say nothing: the fixed gap stands. */
const MIN_SURE_PAIRS = 10;

/** The edition's gap: `fixedMs`, or wider (up to a week) when its sure pairs lie far apart. */
export function editionGapMs(features: ItemFeatures[], fixedMs: number, scoreWithoutTime: (a: number, b: number) => number, threshold: number): number {
  const widest = Math.max(fixedMs, WIDEST_MS);
  const gaps: number[] = [];
  for (const [a, b] of candidatePairs(features, widest)) {
    const ta = features[a].time;
    const tb = features[b].time;
    if (Number.isNaN(ta) || Number.isNaN(tb)) continue;
    if (scoreWithoutTime(a, b) >= SURE * threshold) gaps.push(Math.abs(ta - tb));
  }
  if (gaps.length < MIN_SURE_PAIRS) return fixedMs;
  gaps.sort((x, y) => x - y);
  return Math.min(widest, Math.max(fixedMs, GAP_PER_MEDIAN * gaps[gaps.length >> 1]));
}
