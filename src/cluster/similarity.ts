// How strongly two items look like one event, in units the whole edition shares.
//
// Two kinds of evidence, each set against the edition's background (background.ts): the words the two items
// share, BM25-weighted, names and countries included (lexical), and what the words mean (meaning.ts: word
// vectors, so "apologises" meets "says sorry"). Evidence adds up — one missing kind lowers the score
// instead of zeroing it — and fades with the time between the items: the same actors days apart are
// usually a new event.

import { lift, type Background } from './background.js';
import { cosine, type ItemFeatures } from './features.js';
import { dot } from './meaning.js';

/**
 * Shares of the score: shared words, shared names (people, places, countries, numbers: who and how many;
 * two governments each sending air defence share the words but not the names) and shared meaning.
 * Chosen on the tuning sets.
 */
export const MEANING_WEIGHT = 0.3;
/**
 * Who took part: when both items name people, places or amounts, an event needs most of them shared.
 * Two governments each sending air defence share every word but the names; their score is scaled down
 * towards NAMES_FLOOR as the names they share fall below NAMES_ENOUGH (cosine of the name vectors).
 */
const NAMES_FLOOR = 0.4;
const NAMES_ENOUGH = 0.5;
/** At the edge of the time gap a pair keeps this share of its score. */
const TIME_FLOOR = 0.3;

export interface PairContext {
  maxGapMs: number;
  lexical: Background;
  meaning: Background;
}

export function timeFactor(a: number, b: number, maxGapMs: number, floor = TIME_FLOOR): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return 1;
  const gap = Math.abs(a - b);
  if (gap > maxGapMs) return 0;
  return 1 - (1 - floor) * (gap / maxGapMs);
}

/** Shared words; two bare headlines also meet through their words' companions in the edition (companions.ts). */
export function lexicalScore(a: ItemFeatures, b: ItemFeatures): number {
  return a.brief && b.brief ? cosine(a.withCompanions, b.withCompanions) : cosine(a.all, b.all);
}

/**
 * Share of the score kept for the names two items share (1 when either names nobody). A bare headline
 * rarely gives the amount ("Macron and Zelensky sign CAESAR deal" beside "Macron promises 24 more CAESAR
 * guns"): when one of the two is a headline without one, amounts are left out of the comparison, since
 * its silence is no disagreement. (Of a lead or an article that never gives the amount, it still counts.)
 */
export function namesFactor(a: NamesOf, b: NamesOf): number {
  const amounts = !(a.noAmountGiven || b.noAmountGiven);
  // whole stories (story-merge.ts) carry no `named`: their amounts always count
  const x = (!amounts && a.named) || a.who;
  const y = (!amounts && b.named) || b.who;
  if (!x.ids.length || !y.ids.length) return 1;
  const shared = cosine(x, y);
  return Math.min(1, NAMES_FLOOR + (1 - NAMES_FLOOR) * (shared / NAMES_ENOUGH));
}

/** Items, or whole stories (story-merge.ts), which carry only `who`. */
type NamesOf = Pick<ItemFeatures, 'who'> & Partial<Pick<ItemFeatures, 'named' | 'noAmountGiven'>>;

export function meaningScore(a: ItemFeatures, b: ItemFeatures): number {
  return a.meaning && b.meaning ? dot(a.meaning, b.meaning) : 0;
}

export function pairSimilarity(a: ItemFeatures, b: ItemFeatures, ctx: PairContext): number {
  const time = timeFactor(a.time, b.time, ctx.maxGapMs);
  if (time === 0) return 0;
  const lexical = lift(lexicalScore(a, b), ctx.lexical);
  const meaning = lift(meaningScore(a, b), ctx.meaning);
  return time * namesFactor(a, b) * ((1 - MEANING_WEIGHT) * lexical + MEANING_WEIGHT * meaning);
}
