// How likely two items report the same event, from 0 to 1.
//
// An event is who did what. Two stories about one government's F-16s share their actors but not
// what happened (a jet pledge vs a trainer mission, a permission to strike vs the strike); two
// governments each pledging air defence share the action but not the actors. So the score is the
// geometric mean of the actor overlap (named entities, numbers) and the action overlap (all other
// content words): neither can stand in for the other.

import { cosine, type ItemFeatures } from './features.js';

/** Two items of the same feed are usually two stories; a follow-up must be clearly the same event. */
export const SAME_FEED_FACTOR = 0.8;
/** At the edge of the time gap a pair keeps this share of its score. */
const TIME_FLOOR = 0.7;

export interface PairContext {
  maxGapMs: number;
  sameFeed: boolean;
}

export function timeFactor(a: number, b: number, maxGapMs: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return 1;
  const gap = Math.abs(a - b);
  if (gap > maxGapMs) return 0;
  return 1 - (1 - TIME_FLOOR) * (gap / maxGapMs);
}

export function pairSimilarity(a: ItemFeatures, b: ItemFeatures, ctx: PairContext): number {
  const time = timeFactor(a.time, b.time, ctx.maxGapMs);
  if (time === 0) return 0;
  const action = cosine(a.what, b.what);
  if (action === 0) return 0;
  // An item with no names or numbers at all gives no actor evidence: judge it by every word instead.
  const actors = a.who.ids.length && b.who.ids.length ? cosine(a.who, b.who) : cosine(a.all, b.all);
  const score = Math.sqrt(actors * action);
  return score * time * (ctx.sameFeed ? SAME_FEED_FACTOR : 1);
}
