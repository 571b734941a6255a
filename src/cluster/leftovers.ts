// A second look at the pieces average linkage left: an item alone, or in a group of a few, that fits a
// larger story nearly as well as the threshold asks. Linkage joins groups greedily at one threshold, so
// the outlet that told an event in other words ("Washington lifts curbs on long-range strikes" beside
// "US lets Ukraine use ATACMS") stays a story of its own, a hair below. A story at least two other
// outlets told is established; an item that on average fits it almost that well, and better than where
// it is, is far more often one more outlet's report of it than a new event. (Within one outlet's feed —
// a broadcaster's week, a wire's archive — the stories of one beat would drift together instead.)
// Only with both kinds of evidence: the item must also mean what the story means (shared meaning above
// the edition's background, similarity.ts), so the same actors doing something else in the same week —
// names shared, meaning not — stay apart. Items only move from a smaller group to a larger one, in a
// fixed order, so nothing chains and the result does not depend on the input's order.

import type { Edge } from './linkage.js';

/** An item may join a larger story from a group of at most this many items. */
export const MAX_LEFTOVER_GROUP = 4;
/**
 * Share of the merge threshold an item's mean score with the larger story must reach, in an edition that
 * knows its own background. Chosen on the tuning sets. A small edition scores from a typical background
 * (background.ts) and is not relaxed: in six items about one war, "missiles delivered" and "a drone strike"
 * look alike to it.
 */
export const LEFTOVER_THRESHOLD_SHARE = 0.85;
/** Mean shared meaning (spreads above the background, as lifted in similarity.ts) the item needs with the story. */
export const MIN_LEFTOVER_MEANING = 0.5;
/** Passes over the items: a move can make another group smaller, and so eligible. */
const PASSES = 2;

/** What a leftover needs, given the merge threshold and the share of the background that is the prior. */
export function leftoverThreshold(threshold: number, priorShare: number): number {
  return threshold * (1 - (1 - LEFTOVER_THRESHOLD_SHARE) * (1 - priorShare));
}

export interface LeftoverScores {
  /** the pair score linkage used */
  similarity: (a: number, b: number) => number;
  /** the pair's shared meaning alone, lifted against the edition's background */
  meaning: (a: number, b: number) => number;
  /** the outlet each item came from (its feed's name, or an aggregator's source) */
  feedOf: (i: number) => string;
}

/** A story at least two other outlets told: one more outlet's report of it is what a leftover is. */
function toldByOthers(story: Set<number>, feed: string, feedOf: (i: number) => string): boolean {
  const feeds = new Set<string>();
  for (const j of story) {
    const f = feedOf(j);
    if (f === feed) return false;
    feeds.add(f);
  }
  return feeds.size >= 2;
}

/** `needed`: the mean score an item must reach with a larger story (leftoverThreshold). */
export function joinLeftovers(groups: number[][], edges: Edge[], needed: number, scores: LeftoverScores): number[][] {
  // the groups partition the items 0 … size − 1
  const size = groups.reduce((n, g) => n + g.length, 0);
  const neighbours: number[][] = Array.from({ length: size }, () => []);
  for (const { a, b } of edges) {
    neighbours[a].push(b);
    neighbours[b].push(a);
  }
  const members = groups.map((g) => new Set(g));
  const groupOf = new Int32Array(size);
  groups.forEach((g, gi) => g.forEach((i) => (groupOf[i] = gi)));
  const meanWith = (i: number, g: number, score: (a: number, b: number) => number) => {
    let sum = 0;
    let count = 0;
    for (const j of members[g]) {
      if (j === i) continue;
      sum += score(i, j);
      count++;
    }
    return count ? sum / count : -Infinity;
  };

  for (let pass = 0; pass < PASSES; pass++) {
    let moved = 0;
    for (let i = 0; i < size; i++) {
      const own = groupOf[i];
      if (members[own].size > MAX_LEFTOVER_GROUP) continue;
      const feed = scores.feedOf(i);
      const larger = [...new Set(neighbours[i].map((j) => groupOf[j]))]
        .filter((g) => members[g].size > members[own].size && toldByOthers(members[g], feed, scores.feedOf))
        .sort((x, y) => x - y);
      if (!larger.length) continue;
      let best = -1;
      let bestScore = Math.max(needed, meanWith(i, own, scores.similarity));
      for (const g of larger) {
        const score = meanWith(i, g, scores.similarity);
        if (score >= bestScore) {
          best = g;
          bestScore = score;
        }
      }
      if (best < 0 || meanWith(i, best, scores.meaning) < MIN_LEFTOVER_MEANING) continue;
      members[own].delete(i);
      members[best].add(i);
      groupOf[i] = best;
      moved++;
    }
    if (!moved) break;
  }
  return members.filter((m) => m.size > 0).map((m) => [...m].sort((x, y) => x - y));
}
