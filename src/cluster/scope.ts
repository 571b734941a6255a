// The digest's scope, judged per story. A report that names none of the scope's terms may still tell an event
// that other reports, which do name them, tell too: a bare headline leaves its subject to the story ("Deadly
// night in Zaporizhzhia" beside "Russian missiles kill 11 in Zaporizhzhia"), and so does a feature's title or a
// teaser that opens on a scene. Such a report belongs in the edition when it clusters with in-scope reports; one
// that clusters only with other unscoped reports, or with none, stays out.
//
// The in-scope stories are the ones clustering made of the in-scope items alone: an unscoped report joins a story
// and never regroups it. Where it goes is read from one more clustering of both kinds together (the same rules
// and scores): among the in-scope stories whose reports it was grouped with, it joins the one whose in-scope
// reports it fits on average as well as average linkage asks, and none when it came into the group through
// other unscoped reports only. A bare headline meets any other headline sharing one of its words, so a report from
// a feed that is not about the subject (most of its reports name none of the scope's terms: a general news feed)
// must also share a rare word with the story's in-scope reports (a place, a name, an amount: "Zaporizhzhia",
// "Jeddah", "146"): a common one ("night", "rules", "begins") is shared by unrelated news of any week. A feed
// about the subject writes its headlines about it, named or not. Either way the word is not a country's name: the
// subject's own names ("Ukrainian" beside "Ukraine") are the scope's to judge, and a scope term does not find them.

import type { Cluster, Item } from '../types.js';
import { byTimeThenKey, clusterItems, type ClusterOptions } from './index.js';
import { COMMON_WORDS } from './companions.js';
import { frequencyRank } from '../text/vectors.js';
import { tokenize } from './tokenize.js';
import { tokenize as splitWords } from '../text/tokens.js';
import { contentStems } from '../text/words.js';
import { placeIndex } from '../text/places.js';

/**
 * A feed at least this share of whose reports (of those in the window judged by the scope's terms) name the
 * subject is about it: its unscoped reports join by their fit alone. Another feed's need a rare word in common
 * too. Chosen on `c` served as headlines with 400 of the BBC's beside it (docs/real-feeds.md).
 */
export const ON_SUBJECT_SHARE = 0.5;

export interface ScopedStories {
  /** the in-scope stories, with the unscoped reports that tell them */
  clusters: Cluster[];
  /** unscoped reports of no in-scope story: out of the edition */
  outside: Item[];
}

/**
 * `clusters`: the in-scope stories; `unscoped`: the headlines and teasers that name no scope term; `unnamed`: per
 * feed id, how many of its items in the window named no scope term (these and the whole articles left out before
 * clustering), so that a general feed of articles is not taken for one about the subject.
 */
export function joinStoriesInScope(clusters: Cluster[], unscoped: Item[], unnamed: ReadonlyMap<string, number>, opts?: ClusterOptions): ScopedStories {
  if (unscoped.length === 0 || clusters.length === 0) return { clusters, outside: unscoped };
  const storyOf = new Map<string, number>();
  clusters.forEach((c, i) => c.items.forEach((it) => storyOf.set(it.key, i)));
  const together = clusterItems([...clusters.flatMap((c) => c.items), ...unscoped], opts);

  // a feed most of whose reports name the subject is about it: its other reports are taken on their fit alone
  const named = new Map<string, number>();
  for (const c of clusters) for (const it of c.items) named.set(it.feed, (named.get(it.feed) ?? 0) + 1);
  const onSubject = (it: Item) => (named.get(it.feed) ?? 0) >= ON_SUBJECT_SHARE * ((named.get(it.feed) ?? 0) + (unnamed.get(it.feed) ?? 0));
  const telling = new Map<string, TellingWords>();
  const words = (it: Item) => telling.get(it.key) ?? telling.set(it.key, tellingWords(it)).get(it.key)!;
  const joining = clusters.map(() => [] as Item[]);
  const outside: Item[] = [];
  for (const group of together.clusters) {
    const stories = new Set<number>();
    for (const it of group.items) if (storyOf.has(it.key)) stories.add(storyOf.get(it.key)!);
    for (const stray of group.items) {
      if (storyOf.has(stray.key)) continue;
      const target = bestStory(stray, [...stories].sort((a, b) => a - b), clusters, together.pairScore, together.threshold, words, onSubject(stray));
      if (target < 0) outside.push(stray);
      else joining[target].push(stray);
    }
  }
  // copies of an in-scope report that clustering set aside are in no group: they stay out
  const placed = new Set([...joining.flat(), ...outside].map((it) => it.key));
  outside.push(...unscoped.filter((it) => !placed.has(it.key)));

  return {
    clusters: clusters.map((c, i) => (joining[i].length === 0 ? c : { ...c, items: [...c.items, ...joining[i]].sort(byTimeThenKey) })),
    outside: outside.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}

/**
 * The in-scope story, among those its group holds, that the unscoped report fits as average linkage asks a
 * report to fit a story (its mean score with the story's in-scope reports reaches the threshold) and shares a word
 * with: a rare one unless its feed is about the subject, never a country's name. Grouped through other unscoped
 * reports only ("Hollywood ready for Oscars night" beside "Deadly night in Zaporizhzhia"), it fits none. The best
 * fit wins; -1 when none fits.
 */
function bestStory(
  stray: Item,
  stories: number[],
  clusters: Cluster[],
  score: (a: string, b: string) => number,
  threshold: number,
  words: (it: Item) => TellingWords,
  onSubject: boolean,
): number {
  let best = -1;
  let bestMean = threshold;
  const own = onSubject ? words(stray).content : words(stray).rare;
  for (const story of stories) {
    const items = clusters[story].items;
    if (!items.some((it) => [...words(it).content].some((w) => own.has(w)))) continue;
    const mean = items.reduce((s, it) => s + score(stray.key, it.key), 0) / items.length;
    if (mean >= bestMean && (best < 0 || mean > bestMean)) {
      best = story;
      bestMean = mean;
    }
  }
  return best;
}

interface TellingWords {
  /** stems of the headline's and opening's words, stop words and countries' names left out, and the amounts */
  content: Set<string>;
  /** those of them outside the language's most frequent words (text/vectors.ts), and the amounts */
  rare: Set<string>;
}

function tellingWords(item: Item): TellingWords {
  const text = `${item.title} ${item.lead}`;
  const all = splitWords(text).words;
  const countries = placeIndex();
  const content = new Set(contentStems(all.filter((w) => !countries.has(w))));
  // unlike defining-words.ts, a word the English vectors do not know is rare in any script ("Катару", "дітей")
  const rare = new Set(contentStems(all.filter((w) => !countries.has(w) && frequencyRank(w) >= COMMON_WORDS)));
  for (const t of tokenize(text)) {
    if (t.isNumber && isTelling(t.term)) {
      content.add(`#${t.term}`);
      rare.add(`#${t.term}`);
    }
  }
  return { content, rare };
}

/** An amount that says which event it is: "146", "6.5", "45bn"; not a small count ("11 killed") or a year. */
function isTelling(term: string): boolean {
  if (term.startsWith('≈')) return false;
  const n = Number.parseFloat(term);
  if (Number.isNaN(n)) return true;
  if (!Number.isInteger(n)) return true;
  return n >= 100 && !(n >= 1900 && n < 2100);
}
