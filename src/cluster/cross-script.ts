// The same event told in Ukrainian (Cyrillic) and in English (Latin). After same-script clustering,
// a Cyrillic story joins the Latin story of the same event, compared in the shared representation of
// pivot.ts. Precision first: a cross-script pair only scores when the items are at most
// CROSS_MAX_GAP_HOURS apart, share at least MIN_SHARED_ANCHORS specific anchors (one, for two short items told
// within ONE_ANCHOR_WITHIN_MS that share the actions, or whose headlines name the same happening) and
// MIN_SHARED_ACTIONS action concepts or borrowed words
// (one, when both headlines name it; beside a bare headline or a teaser, one more anchor instead), when each
// headline is told by the other item (HEADLINE_SUPPORT of its terms: a report that only mentions the other
// event in passing, "a day after the aid package…", does not pass), and when the two headlines name the same
// kind of happening (a shared action: a jet pledge and a pilot school share their actors, not their headline's
// action; a headline that names no happening asks for one more anchor instead; MANY_SHARED_NAMES names in common,
// or as many anchors of which two are names, outweigh two headlines' different words for what happened). Two short
// items told within ONE_ANCHOR_WITHIN_MS whose headlines both give HEADLINE_NAMES of the same names need neither the
// shared actions nor the same kind of happening.

import { cosine } from './features.js';
import type { PivotFeatures } from './pivot.js';
import { timeFactor } from './similarity.js';

/**
 * Reports of one event in two languages appear within hours of each other (the sample's are ≤ 11 h
 * apart); the hard negatives — the strike two days after the permission — come later.
 */
export const CROSS_MAX_GAP_HOURS = 36;
/** Distinct specific anchors a cross-script pair must share (one number alone is chance). */
export const MIN_SHARED_ANCHORS = 2;
/** Distinct action concepts a cross-script pair must share: same actors, same kind of happening. */
export const MIN_SHARED_ACTIONS = 2;
/**
 * The shared representation is small (numbers, names, lexicon words), so a cross-script pair scores
 * higher than a same-script pair with the same evidence: same-event pairs mostly score 0.45–0.9, hard
 * negatives days apart reach 0.3–0.5 before the gate. Below this a pair counts as 0.
 */
export const CROSS_MIN_SCORE = 0.35;
/**
 * Two short items (bare headlines or teasers) told within this time of each other need one shared specific anchor
 * only, when they share two actions: "Ракетний удар по Дніпру…" and "Russian missile strike on Dnipro kills six"
 * share the city and what happened, and a headline has no room for more names. Chosen on sets d and e: 12 and
 * 24 hours alike, 6 less.
 */
const ONE_ANCHOR_WITHIN_MS = 12 * 3_600_000;
/**
 * Shared names (people, places, organisations; numbers, which a school repair shares with an aid package by
 * chance, do not count) that outweigh two headlines naming different happenings: "Сили оборони вийшли із
 * Зарічного" and "Ukrainian troops abandon village north-east of Lyman" read as defence and troops, yet share the
 * village, the district and three commanders. Chosen on the tuning sets: 3 and 4 alike, 5 less.
 */
export const MANY_SHARED_NAMES = 4;
/**
 * As many shared specific anchors, numbers among them, outweigh the headlines' words when at least this many are
 * names: "Франція передала Україні перші 24 бронемашини Serval" (handed over) and "The first French Serval armoured
 * vehicles have reached Ukraine" share France, Serval, the 24 and the first. Chosen on the tuning sets: 1 and 2 alike.
 */
const NAMES_AMONG_MANY_ANCHORS = 2;

/** Enough names (or names and numbers) in common that two headlines' different words for what happened do not part them. */
function manySharedNames(a: PivotFeatures, b: PivotFeatures, anchors: number): boolean {
  const names = sharedCount(a.specificNames, b.specificNames);
  return names >= MANY_SHARED_NAMES || (anchors >= MANY_SHARED_NAMES && names >= NAMES_AMONG_MANY_ANCHORS);
}

/**
 * Two short items told within ONE_ANCHOR_WITHIN_MS whose headlines both name this many of the same names (people,
 * places, organisations; not numbers) tell one event whatever words each uses for what happened: "Зеленський у
 * Мадриді: Іспанія долучиться до багатонаціональних сил…" (a truce, to the lexicon) and "Zelensky meets Sánchez in
 * Madrid" (a summit); "Сили оборони вийшли із Зарічного на Лиманському напрямку" and "As it happens: troops leave
 * Zarichne near Lyman". Names only the texts give do not count: there a person's first name and surname are two
 * anchors ("Volodymyr", "Zelensky"), and a teaser names people its headline is not about. Chosen on the tuning
 * sets: 2 (3 moves nothing).
 */
const HEADLINE_NAMES = 2;

/** Terms of each headline the other item must carry (fewer when the headline has fewer). */
export const HEADLINE_SUPPORT = 2;
/**
 * A story joins the other script's story whose items agree with it on average (the threshold), or through one
 * pair scoring at least the threshold / BEST_PAIR_SHARE (0.47). Chosen on sets a, d and e: 0.6 to 0.7 alike, 0.5
 * left `e-teasers`' short Ukrainian reports apart (0.82 against 0.93).
 */
const BEST_PAIR_SHARE = 0.6;
/** Per item, at most this many cross-script neighbours (those sharing most anchors) are compared. */
const MAX_CROSS_CANDIDATES = 40;

/** How many ids two ascending lists share. */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** The ids two ascending lists share, ascending. */
function sharedIds(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return Int32Array.from(out);
}

/** How many names (not numbers) both headlines give (see HEADLINE_NAMES). */
function headlineNamesShared(a: PivotFeatures, b: PivotFeatures): number {
  return sharedIds(sharedIds(a.headline, b.headline), sharedIds(a.specificNames, b.specificNames)).length;
}

function withinCrossGap(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false; // an undated item gives no time evidence: too weak across scripts
  return Math.abs(a - b) <= CROSS_MAX_GAP_HOURS * 3_600_000;
}

/** Does the item carry enough of another item's headline terms? */
function tellsHeadline(item: PivotFeatures, headline: Int32Array): boolean {
  const found = sharedCount(headline, item.anchors.ids) + sharedCount(headline, item.actions.ids) + sharedCount(headline, item.cognates);
  return found >= Math.min(HEADLINE_SUPPORT, headline.length);
}

/**
 * Two short headlines with one anchor in common say the same thing when one names no happening the other does not:
 * "У Гельсінкі погодили рамку місії спостереження за можливим перемир'ям" (truce) and "Ministers in Helsinki agree
 * outline for monitoring a future ceasefire" (truce, agreement). "Столична рада проголосувала за 1,2 млрд на шкільні
 * укриття" (a vote, shelters) and "Rada approves mobilisation law" (a law, mobilisation) share the Rada and the vote,
 * and each names a happening the other does not.
 */
function sameHeadlineAction(a: PivotFeatures, b: PivotFeatures, shared: number): boolean {
  return shared > 0 && shared === Math.min(a.headlineActions.length, b.headlineActions.length);
}

/** Similarity of two items in different scripts, 0 unless the evidence is strong (see the top of the file). */
export function crossScriptSimilarity(a: PivotFeatures, b: PivotFeatures, maxGapMs: number): number {
  if (!withinCrossGap(a.time, b.time)) return 0;
  const anchors = sharedCount(a.specific, b.specific);
  const actions = sharedCount(a.actions.ids, b.actions.ids);
  const closeShort = a.short && b.short && Math.abs(a.time - b.time) <= ONE_ANCHOR_WITHIN_MS;
  const headlineActions = sharedCount(a.headlineActions, b.headlineActions);
  if (anchors < MIN_SHARED_ANCHORS && !(anchors === 1 && closeShort && (actions >= MIN_SHARED_ACTIONS || (actions > 0 && sameHeadlineAction(a, b, headlineActions))))) return 0;
  // a bare headline or a teaser has room for who, where and how many, seldom for two words of what happened:
  // beside one, a third shared anchor stands in for the actions, and the pair is scored on who and where alone
  const byAnchors = actions + sharedCount(a.cognates, b.cognates) < MIN_SHARED_ACTIONS;
  // the one action both headlines name, beside the two anchors, is as much evidence as a third anchor: "Україна
  // отримала від ЄС 4,2 млрд євро" and "EU transfers €4.2bn to Kyiv under 2026-27 loan" (the EU, 4.2, a loan)
  const headlineAction = actions > 0 && headlineActions > 0;
  const sameNamesHeadlined = closeShort && headlineNamesShared(a, b) >= HEADLINE_NAMES;
  if (byAnchors && !headlineAction && !sameNamesHeadlined && (!(a.short || b.short) || anchors < MIN_SHARED_ANCHORS + 1)) return 0;
  if (!tellsHeadline(b, a.headline) || !tellsHeadline(a, b.headline)) return 0;
  if (a.headlineActions.length === 0 || b.headlineActions.length === 0) {
    // a headline that names no happening the lexicon knows ("Sikorski in Kyiv: Poland keeps paying for Starlink")
    // is silent on it, not in disagreement: one more shared anchor stands in for the shared action
    if (anchors < MIN_SHARED_ANCHORS + 1 && !sameNamesHeadlined) return 0;
  } else if (headlineActions === 0 && !manySharedNames(a, b, anchors) && !sameNamesHeadlined) return 0;
  const actors = cosine(a.anchors, b.anchors);
  const action = cosine(a.actions, b.actions);
  // borrowed words alone (no lexicon action shared) say that something happened, not how much alike: who and where score
  const score = (byAnchors || action === 0 ? actors : Math.sqrt(actors * action)) * timeFactor(a.time, b.time, maxGapMs);
  return score >= CROSS_MIN_SCORE ? score : 0;
}

/**
 * Candidate cross-script pairs [i, j] (i < j): a Cyrillic item and a Latin one within the gap that share
 * at least MIN_SHARED_ANCHORS specific anchors (one, when both are short). Anchors carried by many items are
 * already left out, so the work grows with the input, not its square.
 */
export function crossScriptPairs(pivots: PivotFeatures[]): [number, number][] {
  const postings = new Map<number, number[]>();
  pivots.forEach((p, i) => {
    if (p.script !== 'latin') return;
    for (const id of p.specific) {
      const list = postings.get(id);
      if (list) list.push(i);
      else postings.set(id, [i]);
    }
  });
  const shared = new Map<number, number>();
  const pairs: [number, number][] = [];
  pivots.forEach((p, i) => {
    if (p.script !== 'cyrillic') return;
    shared.clear();
    for (const id of p.specific) {
      for (const j of postings.get(id) ?? []) {
        if (withinCrossGap(p.time, pivots[j].time)) shared.set(j, (shared.get(j) ?? 0) + 1);
      }
    }
    const chosen = [...shared]
      .filter(([j, count]) => count >= MIN_SHARED_ANCHORS || (p.short && pivots[j].short))
      .sort((x, y) => y[1] - x[1] || Math.abs(pivots[x[0]].time - p.time) - Math.abs(pivots[y[0]].time - p.time) || x[0] - y[0])
      .slice(0, MAX_CROSS_CANDIDATES);
    for (const [j] of chosen) pairs.push(i < j ? [i, j] : [j, i]);
  });
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/**
 * Join each Cyrillic story to the Latin story of the same event. Stories come from same-script
 * clustering; a pair of stories scores the mean cross-script similarity over the pairs of their items
 * that carry enough anchors to be compared (a pair without strong evidence counts 0), or BEST_PAIR_SHARE
 * of its best pair's. Best pairs first, each story joins at most one story of the other script, so a join never
 * bridges two stories that same-script clustering kept apart.
 * Groups are lists of item indices, ascending; so are the returned groups.
 */
export function joinAcrossScripts(groups: number[][], pivots: PivotFeatures[], maxGapMs: number, threshold: number): number[][] {
  const groupOf = new Int32Array(pivots.length);
  groups.forEach((members, g) => {
    for (const i of members) groupOf[i] = g;
  });
  const groupScript = groups.map((members) => pivots[members[0]].script);

  // Sum of cross-script similarity per (Cyrillic group, Latin group), over candidate pairs only:
  // a pair that is not a candidate lacks the shared anchors and would score 0 anyway.
  const sums = new Map<number, number>();
  const best = new Map<number, number>();
  for (const [a, b] of crossScriptPairs(pivots)) {
    const [c, l] = pivots[a].script === 'cyrillic' ? [a, b] : [b, a];
    const gc = groupOf[c];
    const gl = groupOf[l];
    if (groupScript[gc] !== 'cyrillic' || groupScript[gl] !== 'latin') continue;
    const score = crossScriptSimilarity(pivots[c], pivots[l], maxGapMs);
    if (score === 0) continue;
    const key = gc * groups.length + gl;
    sums.set(key, (sums.get(key) ?? 0) + score);
    best.set(key, Math.max(best.get(key) ?? 0, score));
  }

  // an item with fewer specific anchors than a pair needs ("Power price freeze extended") can neither
  // confirm nor deny the match: it is left out of the mean, not counted as a pair against it
  const comparable = groups.map((members) => Math.max(1, members.filter((i) => pivots[i].specific.length >= MIN_SHARED_ANCHORS).length));
  const links = [...sums]
    .map(([key, sum]) => {
      const gc = Math.floor(key / groups.length);
      const gl = key % groups.length;
      // one pair that agrees well above what the mean must is enough: a story's analysis and bare headlines
      // rarely share a Ukrainian report's numbers and names, and would hold the mean down
      return { gc, gl, mean: Math.max(sum / (comparable[gc] * comparable[gl]), best.get(key)! * BEST_PAIR_SHARE) };
    })
    .filter((link) => link.mean >= threshold)
    .sort((x, y) => y.mean - x.mean || x.gc - y.gc || x.gl - y.gl);

  const partner = new Map<number, number>();
  for (const { gc, gl } of links) {
    if (partner.has(gc) || partner.has(gl)) continue;
    partner.set(gc, gl);
    partner.set(gl, gc);
  }

  const out: number[][] = [];
  groups.forEach((members, g) => {
    const other = partner.get(g);
    if (other === undefined) out.push(members);
    else if (groupScript[g] === 'latin') out.push([...members, ...groups[other]].sort((x, y) => x - y));
  });
  return out;
}
