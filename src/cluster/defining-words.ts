// A story many outlets told names its subject in a rare word most of its headlines hold and hardly any other
// item says ("Titanfall" in an aggregator's day of a game's launch, "Sbarro" in a day of its bankruptcy).
// Linkage reads an item by all its words, so a headline that names the subject beside other business ("Toys R Us
// is offering 50% off a game with purchase of Titanfall", "13 things we'll miss most about Sbarro") can end in
// another story, or alone, with the edition's other "game" or "things". Such an item moves to the large story
// when its headline holds that story's own word and shares no other rare word with the headlines of its present
// story (an item of another event that happens to use the word shares that event's own words with its reports).
// It moves to a larger story, or out of a large story into a smaller one whose word it holds when it names none
// of its present story's own words ("Sbarro again seeks to reorganize under bankruptcy protection", linked by
// its other words to the day's larger Mt. Gox bankruptcy).
//
// "Hardly any other item says" is read in the headlines and the openings of every item, so two events of
// one kind and one name (two Colts games in one week, two acquisitions by AMD) never give the name to
// either: the other event's reports say it too.

import { tokenize } from '../text/tokens.js';
import { isContentWord } from '../text/words.js';
import { frequencyRank } from '../text/vectors.js';
import { placeIndex } from '../text/places.js';
import { COMMON_WORDS } from './companions.js';
import { COMPLETE_OUTLETS } from './story-merge.js';

/** A story of at least this many items, from at least COMPLETE_OUTLETS outlets, can have words of its own. */
export const MIN_STORY_ITEMS = 5;
/** A story's own word is in at least this share of its headlines… */
export const MIN_HEADLINE_SHARE = 0.5;
/**
 * …and at least this share of the items that say it (headline or opening) are in the story. Chosen on the
 * tuning sets with the others (docs/editorial.md): 0.8 and 0.9 alike on `uci-news`; at 0.8 reports of
 * ECB+ events cross to another event of the same kind (`ecbplus-dev-teasers` 0.930 → 0.923).
 */
export const MIN_CONCENTRATION = 0.9;
/** Characters of an item's lead (or text) read as its opening. */
const OPENING_CHARS = 600;

export interface DefiningWordItem {
  title: string;
  /** the lead, or the text when there is no lead */
  opening: string;
  /** who told it (the item's publisher) */
  outlet: string;
  /** ms since the epoch; NaN when unknown */
  time: number;
}

/**
 * A word the English vectors rank below their COMMON_WORDS most frequent, or do not know though it is written
 * in Latin letters (a name: "Titanfall"); a word of another script says nothing by being unknown to them. Never
 * a country, capital or people (text/places.ts): a place says where a story happened, not which story it is.
 */
function isRareWord(word: string): boolean {
  if (placeIndex().has(word)) return false;
  const rank = frequencyRank(word);
  return rank === Infinity ? LATIN_OR_DIGITS.test(word) : rank >= COMMON_WORDS;
}
const LATIN_OR_DIGITS = /^[\p{Script=Latin}\p{N}]+$/u;

/** An item's rare content words (lower case). */
function rareWords(text: string, isRare: (word: string) => boolean): Set<string> {
  return new Set(tokenize(text).words.filter((w) => isContentWord(w) && isRare(w)));
}

/**
 * The groups after the moves (each group's indices ascending, empty groups dropped). Groups partition the
 * items 0 … n − 1. Deterministic: moves are decided on the groups as given, then applied.
 */
export function joinByDefiningWords(groups: number[][], items: DefiningWordItem[], maxGapMs: number): number[][] {
  // only a large story told by several outlets can own a word: most small editions have none and read nothing
  const large = groups.flatMap((group, g) =>
    group.length >= MIN_STORY_ITEMS && new Set(group.map((i) => items[i].outlet)).size >= COMPLETE_OUTLETS ? [g] : [],
  );
  if (large.length === 0) return groups;
  const heads = items.map((item) => rareWords(item.title, isRareWord));
  const said = items.map((item, i) => new Set([...heads[i], ...rareWords(item.opening.slice(0, OPENING_CHARS), isRareWord)]));
  const sayers = new Map<string, number>();
  for (const words of said) for (const w of words) sayers.set(w, (sayers.get(w) ?? 0) + 1);

  const ownWords = (group: number[]): Set<string> => {
    const inHeads = new Map<string, number>();
    const inSaid = new Map<string, number>();
    for (const i of group) {
      for (const w of heads[i]) inHeads.set(w, (inHeads.get(w) ?? 0) + 1);
      for (const w of said[i]) inSaid.set(w, (inSaid.get(w) ?? 0) + 1);
    }
    const out = new Set<string>();
    for (const [w, c] of inHeads) {
      if (c >= 2 && c >= MIN_HEADLINE_SHARE * group.length && inSaid.get(w)! >= MIN_CONCENTRATION * sayers.get(w)!) out.add(w);
    }
    return out;
  };

  // word → the large stories it is their own word of
  const largeOf = new Map<string, number[]>();
  const ownOf = new Map<number, Set<string>>();
  for (const g of large) {
    const own = ownWords(groups[g]);
    if (own.size > 0) ownOf.set(g, own);
    for (const w of own) largeOf.set(w, [...(largeOf.get(w) ?? []), g]);
  }
  if (largeOf.size === 0) return groups;

  const near = (i: number, g: number) => {
    const t = items[i].time;
    return Number.isNaN(t) || groups[g].some((j) => Number.isNaN(items[j].time) || Math.abs(items[j].time - t) <= maxGapMs);
  };
  const target = new Map<number, number>();
  groups.forEach((group, g) => {
    // how many of the group's headlines hold each rare word
    const inGroup = new Map<string, number>();
    for (const i of group) for (const w of heads[i]) inGroup.set(w, (inGroup.get(w) ?? 0) + 1);
    const own = ownOf.get(g);
    for (const i of group) {
      // a rare word its headline shares with its own story's, other than a large story's own word, keeps it there
      if ([...heads[i]].some((w) => inGroup.get(w)! >= 2 && !largeOf.has(w))) continue;
      // it moves to a larger story; to a smaller one only out of a large story none of whose own words it names
      // ("Sbarro again seeks to reorganize under bankruptcy protection" in the day's larger Mt. Gox story)
      const maySeekSmaller = own !== undefined && ![...heads[i]].some((w) => own.has(w));
      let best = -1;
      for (const w of heads[i]) {
        for (const d of largeOf.get(w) ?? []) {
          if (d === g || (groups[d].length <= group.length && !maySeekSmaller) || !near(i, d)) continue;
          if (best < 0 || groups[d].length > groups[best].length || (groups[d].length === groups[best].length && d < best)) best = d;
        }
      }
      if (best >= 0) target.set(i, best);
    }
  });
  if (target.size === 0) return groups;
  const members = groups.map((group) => group.filter((i) => !target.has(i)));
  for (const [i, d] of target) members[d].push(i);
  return members.filter((m) => m.length > 0).map((m) => m.sort((x, y) => x - y));
}
