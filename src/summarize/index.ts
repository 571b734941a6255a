// Summaries (issue 5 §5): extractive, 1–3 whole sentences, at most ~320 characters, chosen from
// the story's items. A sentence scores for coming early in its article (news puts the point
// first) and for sharing words with the other sources (what everyone reports is the story);
// near-repeats of the title or of a sentence already chosen are skipped. Deterministic.

import type { Cluster, Item } from '../types.js';
import { tokenize } from '../theme/tokens.js';
import { contentStems } from '../theme/words.js';
import { captionBlocks, hasFurnitureFragment, looksLikeProse, stripDateline } from './furniture.js';
import { splitParagraph, toBlocks } from '../text/sentences.js';

export const MAX_SUMMARY_CHARS = 320;
const MAX_SENTENCES = 3;
/** only the opening of each article is read: summaries are lead-biased and builds must stay fast */
const MAX_TEXT_CHARS = 2500;
const MAX_SENTENCES_PER_ITEM = 8;
/** Jaccard overlap of stems above which two sentences say the same thing */
const NEAR_REPEAT = 0.5;
/** share of new words and numbers a sentence must bring beyond the title and the sentences already chosen */
const MIN_NOVELTY = 0.5;
/** a lead that restates the headline but adds who said it and some detail is still worth reading */
const MIN_TITLE_NOVELTY = 0.4;
/** marks numbers among a sentence's facts */
const NUMBER = '#';
/** a later sentence must be at least this good relative to the first to be added */
const MIN_RELATIVE_SCORE = 0.35;
/**
 * score = position weight × (base + relevance), where relevance = the mean share of other
 * sources using each of the sentence's words + title × the share of the title's words it uses
 */
const WEIGHTS = { base: 0.6, title: 0.3 };
/** with several sources, an added sentence needs at least this relevance */
const MIN_EXTRA_RELEVANCE = 0.25;
/** sentences that lean on the one before them */
const ANAPHORIC =
  /^["“]?(this|that|these|those|it|its|he|she|they|their|his|her|but|however|also|meanwhile|instead|such|the latter|the former|both|це|цей|ця|ці|він|вона|вони|але|проте|однак|это|этот|эти|он|она|они|но|однако)(?!\p{L})/iu;

interface Candidate {
  text: string;
  stems: Set<string>;
  /** stems plus numbers: what a paraphrase of the same fact would share */
  facts: Set<string>;
  /** lower-cased words joined by spaces, to compare with the title */
  key: string;
  item: number;
  /** index among the item's usable sentences: 0 is its lead */
  position: number;
  relevance: number;
  score: number;
}

export function summarize(cluster: Cluster, storyTitle: string): string {
  const items = [...cluster.items].sort(byPublishedThenKey);
  const titleWords = tokenize(storyTitle).words;
  const titleStems = new Set(contentStems(titleWords));
  // a title of a word or three ("Ukraine") is no sentence's headline: containment counts from four words
  const titleKey = titleWords.length >= 4 ? titleWords.join(' ') : '';
  const candidates = items.flatMap((item, i) => candidatesOf(item, i));
  if (candidates.length === 0) return '';

  const df = documentFrequency(candidates);
  const others = items.length - 1;
  for (const c of candidates) {
    const shared = others > 0 ? meanOf([...c.stems].map((s) => (df.get(s)! - 1) / others)) : 0;
    c.relevance = shared + WEIGHTS.title * overlap(c.stems, titleStems);
    // multiplicative: an early sentence about nothing the story is about does not win on position alone
    c.score = positionWeight(c.position) * (WEIGHTS.base + c.relevance);
  }
  candidates.sort((a, b) => b.score - a.score || a.item - b.item || a.position - b.position);

  const chosen: Candidate[] = [];
  let length = 0;
  for (const c of candidates) {
    if (chosen.length === MAX_SENTENCES) break;
    if (chosen.length > 0 && c.score < MIN_RELATIVE_SCORE * chosen[0].score) break;
    // with several sources, an added sentence must be about what they report, not one source's colour
    if (chosen.length > 0 && others > 0 && c.relevance < MIN_EXTRA_RELEVANCE) continue;
    if (repeatsTitle(c, titleStems, titleKey)) continue;
    // checked only for sentences about to be chosen: it is the costly part of the furniture test
    if (hasFurnitureFragment(c.text)) continue;
    if (chosen.some((o) => jaccard(o.stems, c.stems) >= NEAR_REPEAT)) continue;
    // a paraphrase of what is already said (other words, same names and numbers) adds nothing
    if (chosen.length > 0 && (novelty(c.facts, chosen) < MIN_NOVELTY || sharesFigures(c, chosen) || restates(c, chosen))) continue;
    if (leansOnMissing(c, chosen)) continue;
    const added = length + (chosen.length > 0 ? 1 : 0) + c.text.length;
    if (added > MAX_SUMMARY_CHARS) continue;
    chosen.push(c);
    length = added;
  }
  if (chosen.length === 0) return fallback(candidates, titleStems, titleKey);
  return inReadingOrder(chosen).map((c) => c.text).join(' ');
}

/** "This is seen as…" needs the sentence before it. */
function leansOnMissing(c: Candidate, chosen: Candidate[]): boolean {
  return ANAPHORIC.test(c.text) && !chosen.some((o) => o.item === c.item && o.position === c.position - 1);
}

/**
 * Sentences of one source stay together and in their order (so "It…" follows what it refers
 * to); sources come in the order of their earliest chosen sentence.
 */
function inReadingOrder(chosen: Candidate[]): Candidate[] {
  const firstPosition = new Map<number, number>();
  for (const c of chosen) firstPosition.set(c.item, Math.min(firstPosition.get(c.item) ?? Infinity, c.position));
  return [...chosen].sort(
    (a, b) =>
      firstPosition.get(a.item)! - firstPosition.get(b.item)! || a.item - b.item || a.position - b.position,
  );
}

/** Usable sentences of one item, in order. */
function candidatesOf(item: Item, itemIndex: number): Candidate[] {
  const blocks = toBlocks(headOf(item.text || item.lead));
  const captions = captionBlocks(blocks);
  const out: Candidate[] = [];
  for (let bi = 0; bi < blocks.length && out.length < MAX_SENTENCES_PER_ITEM; bi++) {
    if (captions.has(bi)) continue;
    for (const raw of splitParagraph(blocks[bi])) {
      if (out.length >= MAX_SENTENCES_PER_ITEM) break;
      const text = stripDateline(raw);
      if (!looksLikeProse(text)) continue;
      const words = tokenize(text).words;
      const stems = new Set(contentStems(words));
      if (stems.size === 0) continue;
      const facts = new Set([...stems, ...words.filter((w) => /^\d/.test(w)).map((w) => NUMBER + w)]);
      out.push({ text, stems, facts, key: words.join(' '), item: itemIndex, position: out.length, relevance: 0, score: 0 });
    }
  }
  return out;
}

/** No sentence fits whole: shorten the best one at a word boundary and mark the cut. */
function fallback(candidates: Candidate[], titleStems: Set<string>, titleKey: string): string {
  const best = candidates.find(
    (c) => !repeatsTitle(c, titleStems, titleKey) && !hasFurnitureFragment(c.text) && !leansOnMissing(c, []),
  );
  if (!best) return '';
  if (best.text.length <= MAX_SUMMARY_CHARS) return best.text;
  const room = MAX_SUMMARY_CHARS - 1;
  const cut = best.text.lastIndexOf(' ', room);
  const head = best.text.slice(0, cut > 0 ? cut : room).replace(/[\s,;:–—-]+$/u, '');
  return `${head}…`;
}

/** The sentence contains the title, or says little that the title does not. */
function repeatsTitle(c: Candidate, titleStems: Set<string>, titleKey: string): boolean {
  if (titleKey && (` ${c.key} `.includes(` ${titleKey} `) || ` ${titleKey} `.includes(` ${c.key} `))) return true;
  return share(c.stems, (s) => !titleStems.has(s)) < MIN_TITLE_NOVELTY;
}

/**
 * Share of a sentence's facts that no chosen sentence has yet. Numbers weigh double: two
 * sentences with the same "372 to 99" report the same vote however they word it.
 */
function novelty(facts: Set<string>, chosen: Candidate[]): number {
  return share(facts, (f) => !chosen.some((o) => o.facts.has(f)));
}

/** Two figures in common (not years) mean the same fact: "by 81 votes to 52" / "By 81 to 52". */
function sharesFigures(c: Candidate, chosen: Candidate[]): boolean {
  let shared = 0;
  for (const f of c.facts) {
    if (!f.startsWith(NUMBER) || /^#(19|20)\d\d$/.test(f)) continue;
    if (chosen.some((o) => o.facts.has(f)) && ++shared >= 2) return true;
  }
  return false;
}

/** How long a run of words two sentences share before the later one counts as restating the first. */
const RESTATED_RUN = 4;

/**
 * The same phrase about the same figure is the same fact said twice: "keeping the minimum age for
 * mobilisation at 25" / "The minimum age for mobilisation stays at 25". A shared run of words with
 * three content words in it, plus one shared figure (not a year), marks the restatement.
 */
function restates(c: Candidate, chosen: Candidate[]): boolean {
  const words = c.key.split(' ');
  return chosen.some((o) => {
    const figures = [...c.facts].filter((f) => f.startsWith(NUMBER) && !/^#(19|20)\d\d$/.test(f) && o.facts.has(f));
    if (figures.length === 0) return false;
    const other = ` ${o.key} `;
    for (let i = 0; i + RESTATED_RUN <= words.length; i++) {
      const run = words.slice(i, i + RESTATED_RUN);
      if (contentStems(run).length >= 3 && other.includes(` ${run.join(' ')} `)) return true;
    }
    return false;
  });
}

function share(set: Set<string>, test: (x: string) => boolean): number {
  let total = 0;
  let n = 0;
  for (const x of set) {
    const weight = x.startsWith(NUMBER) ? 2 : 1;
    total += weight;
    if (test(x)) n += weight;
  }
  return total === 0 ? 0 : n / total;
}

function positionWeight(position: number): number {
  return 1 / (1 + 0.5 * position);
}

/** In how many items' candidate sentences each stem appears. */
function documentFrequency(candidates: Candidate[]): Map<string, number> {
  const perItem = new Map<number, Set<string>>();
  for (const c of candidates) {
    const set = perItem.get(c.item) ?? new Set<string>();
    for (const s of c.stems) set.add(s);
    perItem.set(c.item, set);
  }
  const df = new Map<string, number>();
  for (const set of perItem.values()) for (const s of set) df.set(s, (df.get(s) ?? 0) + 1);
  return df;
}

function headOf(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  const cut = text.lastIndexOf(' ', MAX_TEXT_CHARS);
  return text.slice(0, cut > 0 ? cut : MAX_TEXT_CHARS);
}

function byPublishedThenKey(a: Item, b: Item): number {
  return a.published < b.published ? -1 : a.published > b.published ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** share of b's stems that a contains */
function overlap(a: Set<string>, b: Set<string>): number {
  if (b.size === 0) return 0;
  let n = 0;
  for (const x of b) if (a.has(x)) n++;
  return n / b.size;
}

function meanOf(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length;
}
