// How strongly two items look like one event, in units the whole edition shares.
//
// Two kinds of evidence, each set against the edition's background (background.ts): the words the two items
// share, BM25-weighted, names and countries included (lexical), and what the words mean (meaning.ts: word
// vectors, so "apologises" meets "says sorry"). Evidence adds up — one missing kind lowers the score
// instead of zeroing it — and fades with the time between the items: the same actors days apart are
// usually a new event.

import { lift, type Background } from './background.js';
import { cosine, NAME_KINDS, type ItemFeatures, type SparseVector } from './features.js';
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
/**
 * Two whole articles keep more of their score at the edge of the gap: a magazine's or an analyst's piece on an
 * event comes two or three days after the wire's, in other words, and the two still share its places, people
 * and numbers ("In Kryvyi Rih, a college counts its empty beds", 51 hours after the strike's report). Headlines and
 * teasers keep TIME_FLOOR: the same actors and thing the next day are often a new event, and a headline says too
 * little to tell. Chosen on the tuning sets: 0.45–0.55 alike (`g` 0.879 → 0.900, `newswcl50-dev` 0.824 → 0.864),
 * 0.4 half the gain; for every pair (0.45), bare headlines and teasers lose (`e-headlines` 0.766 → 0.717).
 */
const ARTICLE_TIME_FLOOR = 0.5;
/**
 * Two bare headlines that share several terms ("Macron and Zelensky sign CAESAR deal in the Élysée" /
 * "France and Ukraine agree to build CAESAR guns": the people, the countries, the thing) are one event
 * more surely than their score says: a headline has a handful of words, so against the edition's
 * background one shared word lifts it about as far as three. Such a pair's score counts this much more,
 * but only when the two came out within SHARING_WINDOW_MS: the outlets telling one event write within
 * hours, while the same actors and thing the next day are often a new event (Poland buys Apache
 * helicopters; the next day Poland trains Ukrainian Apache crews). Chosen on the tuning sets
 * (docs/editorial.md: the factor holds from 3 to 18 hours; without a window it joins that pair).
 */
const HEADLINES_SHARING_MORE = 1.15;
/**
 * Two reports that share nothing but a place (its name, its people, its country: "Can Europe spend Russia's
 * money? Brussels tries again" and "Ukrainian high jumper takes Diamond League final in Brussels") are not one
 * event by that alone: their shared words count this much. Two bare headlines are left as they are, unless the
 * place is the edition's subject (SUBJECT_ONLY_SHARE): a headline has a handful of words, and the place is often
 * most of what two reports of one event share. Chosen on the
 * tuning sets (docs/editorial.md: 0.3–0.7 alike; for bare headlines too, `uci-news` and the ECB+ headlines lose).
 */
const PLACE_ONLY_SHARE = 0.5;
/**
 * Two bare headlines that share nothing but places of the edition's subject (features.ts, subjectPlaces: Ukraine,
 * Russia, Kyiv in a week of the war) share nothing of the event: their shared words count this much, and only
 * their meaning joins them. Chosen on the tuning sets (docs/editorial.md): 0 and 0.25 alike (`g-headlines` 0.772 →
 * 0.797); at 0.5 nothing moves.
 */
const SUBJECT_ONLY_SHARE = 0;
/**
 * Two reports with text (teasers or articles, not bare headlines) that share fewer than THIN_SHARED terms, a name,
 * place or amount counting twice, are two events as a rule, however rare those terms are in the edition: one name
 * ("Veltro shuts down its podcast app" / "Regulators fine Veltro over hotel search rankings") or two common words
 * ("How low can the pound go?" / "A low supply of eggs keeps breakfast prices high") is what unrelated reports of a
 * general edition share, and there the background hardly spreads, so that one term lifts the pair far over the
 * threshold. The stricter clustering (ClusterOptions.strict) counts this share of their shared words. Read from the
 * pairs over the threshold in a real week of five business feeds (of those sharing no name and at most two words,
 * 5 one event and 96 two) and in the labelled tuning sets with text (such pairs are rare there, as often two events
 * as one); 0.5 parts all but a few of them, 0.7 a quarter fewer. See docs/editorial.md.
 */
const THIN_SHARE = 0.5;
const THIN_SHARED = 3;
const MANY_SHARED_TERMS = 3;
const SHARING_WINDOW_MS = 12 * 3_600_000;
/**
 * Two bare headlines of one feed told more than SHARING_WINDOW_MS apart are seldom one event: an outlet tells an
 * event once, and its headline half a day later is the next development or other news (a live blog's entries of
 * three days, "drones hit Su-34 bombers…", "hailstorm hits Kyiv…", "glide bomb hits Kramatorsk…", share a word
 * and the feed's label). Their score counts this much. Chosen on the tuning sets (docs/editorial.md: 0.5 and 0.7
 * alike, 0.85 less; 12 and 18 hours alike, 6 hours costs `ecbplus-dev-headlines`, 24 costs `l-headlines`).
 */
const SAME_FEED_LATER = 0.7;

export interface PairContext {
  /**
   * the stricter clustering that draws the stories: a pair of bare headlines that share one common word only counts
   * SINGLE_COMMON_WORD_SHARE of its shared words, a pair of reports that share little THIN_SHARE
   */
  strict?: boolean;
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
 * Share of the score kept for the names two items share (1 when either names nobody). Two items that name things
 * of no common kind are silent on each other's names, not in disagreement: one teaser names the Fed, the other the
 * US and 130,000 jobs ("Lower Unemployment Rate Supports Longer Pause for Fed" / "The U.S. added 130,000 jobs in
 * January"): a person named on one side disagrees with no place or amount named on the other, and a year says when,
 * not how many (features.ts, NAME_KINDS). A bare headline
 * rarely gives the amount ("Macron and Zelensky sign CAESAR deal" beside "Macron promises 24 more CAESAR
 * guns"): when one of the two is a headline without one, amounts are left out of the comparison, since
 * its silence is no disagreement. (Of a lead or an article that never gives the amount, it still counts.)
 * Beside a report with text, a bare headline names one or two of the event's names, and the report many
 * more (the ports, the buyers, the ministry): what counts is the geometric mean of the cosine and the share
 * of the headline's names the report gives, so a headline whose names the report all gives agrees with it,
 * and one naming others does not.
 */
export function namesFactor(a: NamesOf, b: NamesOf): number {
  const amounts = !(a.noAmountGiven || b.noAmountGiven);
  // whole stories (story-merge.ts) carry no `named`: their amounts always count
  const x = (!amounts && a.named) || a.who;
  const y = (!amounts && b.named) || b.who;
  if (!x.ids.length || !y.ids.length) return 1;
  // whole stories (story-merge.ts) carry no kinds: their names are compared as they are
  if (a.nameKinds !== undefined && b.nameKinds !== undefined && !(a.nameKinds & b.nameKinds & (amounts ? ~0 : ~AMOUNT_KINDS))) return 1;
  const oneBare = a.brief !== undefined && b.brief !== undefined && a.brief !== b.brief;
  const shared = oneBare ? Math.sqrt(cosine(x, y) * (a.brief ? containment(x, y) : containment(y, x))) : cosine(x, y);
  return Math.min(1, NAMES_FLOOR + (1 - NAMES_FLOOR) * (shared / NAMES_ENOUGH));
}

/** The kinds a names comparison leaves out with the amounts (a year is one). */
const AMOUNT_KINDS = NAME_KINDS.amount | NAME_KINDS.year;

/** Items, or whole stories (story-merge.ts), which carry only `who`. */
type NamesOf = Pick<ItemFeatures, 'who'> & Partial<Pick<ItemFeatures, 'named' | 'noAmountGiven' | 'brief' | 'nameKinds'>>;

/** Share of a's (unit) weight on terms b also has. */
function containment(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  forSharedTerms(a, b, (k) => {
    sum += a.weights[k] * a.weights[k];
  });
  return sum;
}

/**
 * Calls `shared` with the position in `a` of every term the two sparse vectors have in common, in id order,
 * until it returns true.
 */
function forSharedTerms(a: SparseVector, b: SparseVector, shared: (k: number) => boolean | void): void {
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) {
      if (shared(i) === true) return;
      i++;
      j++;
    } else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
}

export function meaningScore(a: ItemFeatures, b: ItemFeatures): number {
  return a.meaning && b.meaning ? dot(a.meaning, b.meaning) : 0;
}

/** How many terms two sparse vectors have in common. */
function sharedTerms(a: SparseVector, b: SparseVector): number {
  let shared = 0;
  forSharedTerms(a, b, () => {
    shared++;
  });
  return shared;
}

/**
 * Two bare headlines sharing several terms within hours of each other count more (HEADLINES_SHARING_MORE);
 * any other pair, and a pair with an unknown time, as it scores.
 */
function headlineFactor(a: ItemFeatures, b: ItemFeatures): number {
  if (!a.brief || !b.brief || !(Math.abs(a.time - b.time) <= SHARING_WINDOW_MS)) return 1;
  return sharedTerms(a.all, b.all) >= MANY_SHARED_TERMS ? HEADLINES_SHARING_MORE : 1;
}

/** Every term the two share is one of `places` (a per-term-id mask of features.ts), and they share some. */
function shareOnly(places: Uint8Array, a: ItemFeatures, b: ItemFeatures): boolean {
  let found = 0;
  let other = false;
  // the first shared term that is not one of them settles it
  forSharedTerms(a.all, b.all, (k) => {
    if (places[a.all.ids[k]]) found++;
    else other = true;
    return other;
  });
  return !other && found > 0;
}

/** How much of two items' shared-words score counts, by what they share (PLACE_ONLY_SHARE, SUBJECT_ONLY_SHARE). */
function sharedPlacesFactor(a: ItemFeatures, b: ItemFeatures): number {
  if (a.brief && b.brief) return shareOnly(a.subjectPlace, a, b) ? SUBJECT_ONLY_SHARE : 1;
  return shareOnly(a.placeTerm, a, b) ? PLACE_ONLY_SHARE : 1;
}

export function pairSimilarity(a: ItemFeatures, b: ItemFeatures, ctx: PairContext): number {
  const time = timeFactor(a.time, b.time, ctx.maxGapMs, a.article && b.article ? ARTICLE_TIME_FLOOR : TIME_FLOOR);
  if (time === 0) return 0;
  const lexical = lift(lexicalScore(a, b), ctx.lexical) * sharedPlacesFactor(a, b) * (ctx.strict ? singleCommonWordFactor(a, b) * thinFactor(a, b) : 1);
  const meaning = lift(meaningScore(a, b), ctx.meaning);
  return time * namesFactor(a, b) * headlineFactor(a, b) * sameFeedFactor(a, b) * ((1 - MEANING_WEIGHT) * lexical + MEANING_WEIGHT * meaning);
}

/**
 * Two bare headlines that share one word only, a common word of the language or a country ("flights", "drone",
 * "Russia"), are two events as often as one ("Oslo bets on Ukrainian drone makers" / "Fire at Primorsk after drone
 * raid"), but in a sparse edition that one word lifts them far over the threshold. The stricter clustering
 * (ClusterOptions.strict) counts this share of their shared words. A name is not a common word here
 * though the vectors rank it so ("Putin", "Marsh": features.ts, commonTerm). 0.75 from session 27's measure on
 * the tuning sets; see docs/editorial.md for why the sections are read on the looser clustering.
 */
export const SINGLE_COMMON_WORD_SHARE = 0.75;

function singleCommonWordFactor(a: ItemFeatures, b: ItemFeatures): number {
  return a.brief && b.brief && sharedTerms(a.all, b.all) === 1 && shareOnly(a.commonTerm, a, b) ? SINGLE_COMMON_WORD_SHARE : 1;
}

/** The share of two reports' shared-words score that counts when they share little (THIN_SHARE); 1 otherwise. */
function thinFactor(a: ItemFeatures, b: ItemFeatures): number {
  if (a.brief || b.brief) return 1;
  return sharedTerms(a.all, b.all) + sharedTerms(a.who, b.who) < THIN_SHARED ? THIN_SHARE : 1;
}

/** Two bare headlines of one feed told more than half a day apart count less (SAME_FEED_LATER); any other pair as it scores. */
function sameFeedFactor(a: ItemFeatures, b: ItemFeatures): number {
  return toldLaterByOneOutlet(a, b) ? SAME_FEED_LATER : 1;
}

/**
 * Two bare headlines of one outlet more than half a day apart: as the outlet tells them, two events (SAME_FEED_LATER).
 * The outlet, not the feed: an aggregator's feed carries many publishers' headlines of one event.
 */
export function toldLaterByOneOutlet(a: ItemFeatures, b: ItemFeatures): boolean {
  return a.brief && b.brief && a.outlet === b.outlet && Math.abs(a.time - b.time) > SHARING_WINDOW_MS;
}
