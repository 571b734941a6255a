// One story per event, and a running subject makes a new event every day or two: the Senate passes the
// infrastructure bill, and the next day its budget plan; a whistleblower gives an interview, and two days later
// testifies. Their reports share the people, the place and most of the words, so linkage may join the two days
// into one story. What tells them apart is how the outlets covered them: each day's reports come in a burst of a
// few hours, and half a day or more separates the bursts. One event is covered more evenly: an arrest reported
// through the night and the next morning has no such gap between two bursts of its own.
//
// So a story whose reports fall into two bursts, each told by three outlets or more (each complete on its own, as
// story-merge.ts has it), each within half the time between them, and at least NEWS_CYCLE_GAP_MS apart, is two
// stories. A single later report (a feature, an analysis the next day) never splits off: one outlet is no burst.

import { COMPLETE_OUTLETS } from './story-merge.js';

/** Half a day: the time between two days' coverage of a running subject. Chosen on the tuning sets (8–12 hours alike). */
const NEWS_CYCLE_GAP_MS = 12 * 3_600_000;
/** Each burst is told by this many outlets at least: a story as many told is complete (story-merge.ts). */
const BURST_OUTLETS = COMPLETE_OUTLETS;
/** Each burst's reports all come within this share of the gap that separates the two. */
const BURST_SPAN_SHARE = 0.5;

const DAY_MS = 86_400_000;

/** A time of exactly midnight UTC is a feed's date without its time ("2026-09-03"): it says nothing of bursts. */
function hasTimeOfDay(time: number): boolean {
  return !Number.isNaN(time) && time % DAY_MS !== 0;
}

/**
 * Splits a story (item indices) in two where its reports fall into two bursts of coverage, as above; otherwise
 * returns it as it is. A story with an item whose time of day is unknown is left as it is.
 */
export function splitNewsCycles(group: number[], timeOf: (i: number) => number, outletOf: (i: number) => string): number[][] {
  if (group.length < 2 * BURST_OUTLETS) return [group];
  if (!group.every((i) => hasTimeOfDay(timeOf(i)))) return [group];
  const byTime = [...group].sort((a, b) => timeOf(a) - timeOf(b) || a - b);
  let at = 0;
  let widest = 0;
  for (let k = 1; k < byTime.length; k++) {
    const gap = timeOf(byTime[k]) - timeOf(byTime[k - 1]);
    if (gap > widest) [widest, at] = [gap, k];
  }
  if (widest < NEWS_CYCLE_GAP_MS) return [group];
  const bursts = [byTime.slice(0, at), byTime.slice(at)];
  for (const burst of bursts) {
    if (new Set(burst.map(outletOf)).size < BURST_OUTLETS) return [group];
    if (timeOf(burst[burst.length - 1]) - timeOf(burst[0]) > BURST_SPAN_SHARE * widest) return [group];
  }
  return bursts.map((b) => b.sort((x, y) => x - y));
}
