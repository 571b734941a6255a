// Summaries (issue 5 §5): extractive, 1–3 whole sentences, at most ~320 characters (the config's `summary` may say
// otherwise), chosen from
// the story's items. A sentence scores for being central to the story's text (its words are the ones
// the story's other sentences use), for sharing words with the other sources (what everyone reports
// is the story) and with the title. News puts the point first, so the best usable lead opens the
// summary when it is about what the story is about (it scores close to the best sentence); a
// scene-setting lead ("The morning was cold and grey…") gives way to the sentence that says what
// happened. A later sentence that names its subject as already known ("The money will pay for…")
// reads as the middle of a story and does not open it. Sentences follow only when they are nearly as
// central as the best: the summary says what the story is about, not everything that fits. Repeats of
// the title, and sentences that say again what is already chosen (also in other words, from another
// source), are skipped. A story told only in headlines is summed up by its other headlines (headlines.ts), and so is
// one whose every sentence only repeats its headline; when they say no more either, the summary is empty and the
// reader sees the headline alone (as Techmeme and Google News show a headline with nothing under it), never the
// headline twice.
// Under the story's headline, another report's sentence speaks only when it is about what the headline's own
// report says (ON_THE_FACE): a report the clustering joined wrongly then stays out of the summary. A story told in
// several languages is summed up in the reader's when it has reports in it, else in its headline's.
// Deterministic.

import type { Cluster, Item } from '../types.js';
import { tokenize } from '../text/tokens.js';
import { contentStems } from '../text/words.js';
import { hasFurnitureWords } from '../text/furniture.js';
import { readItem, type Candidate, type ItemReading } from './candidates.js';
import { isRedundant, repeatsTitle } from './redundancy.js';
import { headlineSummary } from './headlines.js';
import { joinSentences } from '../text/sentences.js';
import { hasSentenceShapeWithoutStop } from './prose.js';
import type { ReaderLanguage } from '../text/script-language.js';

/** how long a summary runs unless the config's `summary` says otherwise: at most this many characters and sentences */
export const MAX_SUMMARY_CHARS = 320;
export const MAX_SENTENCES = 3;
/**
 * score = the mean share of other sources using each of the sentence's words + title × the share of
 * the title's words it uses + central × the sentence's centrality (see centralityOf). Position does
 * not enter the score: past the lead, a later sentence of a news article is about as likely to belong
 * in a summary as an earlier one, and the lead has its own rule (LEAD_RELATIVE_SCORE). Chosen with the
 * two thresholds below on the tuning half of the reference-summary set (`npm run eval`, bbcsum-dev),
 * see docs/evaluation.md.
 */
const WEIGHTS = { title: 0.3, central: 3 };
/**
 * The best usable lead opens the summary when it says what the story is about: it tells the headline
 * (has every content word of the title) or scores at least this share of the best sentence. Otherwise
 * it sets a scene or tells one detail, and the sentences are taken by score (the lead may still be
 * among them).
 */
const LEAD_RELATIVE_SCORE = 0.8;
/** …or this share when the best sentence opens on something already introduced (see opensOnContext) */
const LEAD_AFTER_CONTEXT = 0.6;
/**
 * A second sentence must score at least the first of these shares of the first sentence's score, a
 * third the second: one sentence rarely says enough, but a third is added only when it is nearly as
 * central as the first, not to fill the room.
 */
const MIN_RELATIVE_SCORE = [0.35, 0.6];
/** up to this many usable sentences in the whole story, every one that passes the other tests may be added */
const FEW_SENTENCES = 3;
/** with several sources, an added sentence needs at least this score */
const MIN_EXTRA_SCORE = 0.25;
/**
 * A sentence of a report other than the one whose headline the story shows must share at least this many
 * content words with that report (its headline and the sentences read of it): reports on one event tell
 * its who, where and what with the same words, while a report merged on its subject alone ("Russia", "Iran"),
 * whose best sentence may be the most central, tells something else under the headline. Chosen on the tuning
 * weeks and bbcsum-dev/allsides-dev (docs/editorial.md, "A summary under its headline", session 44); used
 * only when the headline's report has a sentence to give.
 */
const ON_THE_FACE = 3;
/**
 * Sentences that lean on the one before them. "The former"/"the latter" only as pronouns
 * ("The former is…"), not as adjectives ("The former minister said…").
 */
const ANAPHORIC =
  /^["“]?(?:this|that|these|those|it|its|he|she|they|their|his|her|but|however|also|meanwhile|instead|such|both|the (?:former|latter)(?= (?:is|was|are|were|has|had|have|will|would|said|says)\b|[,.])|це|цей|ця|ці|він|вона|вони|але|проте|однак|это|этот|эти|он|она|они|но|однако)(?!\p{L})/iu;

/** "The" and a common noun: a definite thing the text has named before (not "The European Commission") */
const DEFINITE_OPENING = /^["“]?The \p{Ll}/u;

export interface SummaryOptions {
  /** the reader's language: a story with reports in it is summed up from them (see inStoryLanguage) */
  reader?: ReaderLanguage;
  /** at most this many whole sentences (default MAX_SENTENCES) */
  sentences?: number;
  /** at most this many characters (default MAX_SUMMARY_CHARS) */
  maxLength?: number;
}

/** How long a summary may run. */
interface Limits {
  sentences: number;
  chars: number;
}

export function summarize(cluster: Cluster, storyTitle: string, options: SummaryOptions = {}): string {
  const items = [...cluster.items].sort(byPublishedThenKey);
  const own = inStoryLanguage(items, storyTitle, options.reader);
  const limits = { sentences: options.sentences ?? MAX_SENTENCES, chars: options.maxLength ?? MAX_SUMMARY_CHARS };
  // the reports in the story's language say nothing the headline does not: the others may
  return (own.length < items.length ? summaryOf(own, storyTitle, limits) : '') || summaryOf(items, storyTitle, limits);
}

/**
 * The reports a summary is read from: those in the reader's language when the story has some (its headline is one
 * of them, cluster/representative.ts), else those in the language of the report whose headline the story shows, so
 * that a German headline never stands over an English summary of the story's other reports; all of them when no
 * language is known.
 */
function inStoryLanguage(items: Item[], storyTitle: string, reader: ReaderLanguage | undefined): Item[] {
  if (!reader) return items;
  const languages = items.map((item) => reader.languageOf(item));
  const face = items.findIndex((item) => item.title === storyTitle);
  const language = languages.includes(reader.language) ? reader.language : face >= 0 ? languages[face] : null;
  return language === null ? items : items.filter((_, i) => languages[i] === language);
}

function summaryOf(items: Item[], storyTitle: string, limits: Limits): string {
  const titleWords = tokenize(storyTitle).words;
  const titleStems = new Set(contentStems(titleWords));
  // a title of a word or three ("Ukraine") is no sentence's headline: containment counts from four words
  const titleKey = titleWords.length >= 4 ? titleWords.join(' ') : '';
  const readings = items.map((item, i) => readItem(item, i));
  const candidates = readings.flatMap((r) => r.candidates);
  // no text to read: the other outlets' headlines say what the title does not, else an excerpt the feed cut short
  if (candidates.length === 0) return headlineSummary(items, titleStems, titleKey, limits) || cutExcerpt(readings, titleStems, titleKey, limits.chars);
  const onTheFace = aboutTheFace(candidates, readings, items.findIndex((it) => it.title === storyTitle), titleStems);
  const story = { others: items.length - 1, sentences: readings.flatMap((r) => r.sentences), titleStems, titleKey, limits };
  // the headline's report and what agrees with it first; when none of those will do, every report as before
  const chosen = onTheFace.length < candidates.length ? choose(onTheFace, story) : [];
  if (chosen.length > 0) return joinSentences(inReadingOrder(chosen).map((c) => c.text));
  const all = choose(candidates, story);
  // every sentence only says the headline again: the other outlets' headlines may still say more, else nothing does
  if (all.length === 0) return fallback(candidates, titleStems, titleKey, limits.chars) || headlineSummary(items, titleStems, titleKey, limits);
  return joinSentences(inReadingOrder(all).map((c) => c.text));
}

/**
 * The candidates that may speak under the headline: the headline's own report's sentences, and another
 * report's that share ON_THE_FACE content words with it. All of them when the headline's report gives no
 * sentence (a bare headline) or is not among the items.
 */
function aboutTheFace(candidates: Candidate[], readings: ItemReading[], face: number, titleStems: Set<string>): Candidate[] {
  if (face < 0 || readings[face].candidates.length === 0) return candidates;
  const faceStems = new Set(titleStems);
  for (const sentence of readings[face].sentences) for (const s of sentence) faceStems.add(s);
  return candidates.filter((c) => {
    if (c.item === face) return true;
    let shared = 0;
    for (const s of c.stems) if (faceStems.has(s) && ++shared >= ON_THE_FACE) return true;
    return false;
  });
}

interface StoryText {
  /** how many items besides one */
  others: number;
  /** content stems of every sentence read of every item */
  sentences: Set<string>[];
  titleStems: Set<string>;
  titleKey: string;
  limits: Limits;
}

/** Scores the candidates (in place) and chooses the summary's sentences among them: none when none will do. */
function choose(candidates: Candidate[], { others, sentences, titleStems, titleKey, limits }: StoryText): Candidate[] {
  const df = documentFrequency(candidates);
  const centrality = centralityOf(candidates, sentences);
  for (const [i, c] of candidates.entries()) {
    const shared = others > 0 ? meanOf([...c.stems].map((s) => (df.get(s)! - 1) / others)) : 0;
    c.score = shared + WEIGHTS.title * overlap(c.stems, titleStems) + WEIGHTS.central * centrality[i];
  }
  candidates.sort((a, b) => b.score - a.score || a.item - b.item || a.position - b.position);
  // news puts the point first: the best usable lead opens the summary when it says what the story is about
  const lead = candidates.findIndex((c) => c.position === 0 && c.text.length <= limits.chars && !repeatsTitle(c, titleStems, titleKey) && !hasFurnitureWords(c.text));
  if (lead > 0 && isPointOfStory(candidates[lead], candidates[0], titleStems)) candidates.unshift(...candidates.splice(lead, 1));
  else if (opensOnContext(candidates[0])) {
    // the best sentence cannot open: the lead that introduced its subject does, unless it only sets a scene
    const opener = lead > 0 && candidates[lead].score >= LEAD_AFTER_CONTEXT * candidates[0].score ? lead : candidates.findIndex((c) => !opensOnContext(c) && !ANAPHORIC.test(c.text));
    if (opener > 0) candidates.unshift(...candidates.splice(opener, 1));
  }

  const chosen: Candidate[] = [];
  let length = 0;
  for (const c of candidates) {
    if (chosen.length === limits.sentences) break;
    // in a text of a few sentences nothing is central: the bar is for choosing among many
    if (chosen.length > 0 && candidates.length > FEW_SENTENCES && c.score < MIN_RELATIVE_SCORE[chosen.length - 1] * chosen[0].score) continue;
    // with several sources, an added sentence must be about what they report, not one source's colour
    if (chosen.length > 0 && others > 0 && c.score < MIN_EXTRA_SCORE) continue;
    if (repeatsTitle(c, titleStems, titleKey)) continue;
    // checked only for sentences about to be chosen: it is the costly part of the furniture test
    if (hasFurnitureWords(c.text)) continue;
    if (isRedundant(c, chosen)) continue;
    if (leansOnMissing(c, chosen)) continue;
    const added = length + (chosen.length > 0 ? 1 : 0) + c.text.length;
    if (added > limits.chars) continue;
    chosen.push(c);
    length = added;
  }
  return chosen;
}

/** A lead that tells the headline in full, or is nearly as central as the best sentence, states the story's point. */
function isPointOfStory(lead: Candidate, best: Candidate, titleStems: Set<string>): boolean {
  return (titleStems.size > 0 && overlap(lead.stems, titleStems) === 1) || lead.score >= LEAD_RELATIVE_SCORE * best.score;
}

/**
 * A later sentence that opens on a thing already introduced ("The money will pay for…", "The call was
 * made in…", "The band were forced…") reads as the middle of a story: the lead that introduced it opens.
 */
function opensOnContext(c: Candidate): boolean {
  return c.position > 0 && DEFINITE_OPENING.test(c.text);
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

/**
 * Nothing could be chosen as it is: take the best sentence that is not the title again, preferring
 * one that stands on its own but keeping an item's "It …" lead when nothing better exists (it follows
 * the headline), and shorten it at a word boundary, marking the cut, when it is too long.
 */
function fallback(candidates: Candidate[], titleStems: Set<string>, titleKey: string, chars: number): string {
  const usable = candidates.filter((c) => !repeatsTitle(c, titleStems, titleKey) && !hasFurnitureWords(c.text));
  const best = usable.find((c) => !leansOnMissing(c, [])) ?? usable.find((c) => c.position === 0);
  return best ? shortened(best.text, chars) : '';
}

/**
 * A story whose only text is an excerpt its feed cut short mid-sentence ("… carrying its oil to…") has no whole
 * sentence to give: the excerpt, its ellipsis saying it goes on, tells more than nothing, when it is a sentence's
 * opening of prose that says more than the title.
 */
function cutExcerpt(readings: ItemReading[], titleStems: Set<string>, titleKey: string, chars: number): string {
  for (const [item, { cut }] of readings.entries()) {
    if (!cut || !hasSentenceShapeWithoutStop(cut.replace(/(?:…|\.\.\.)$/u, '').trimEnd()) || hasFurnitureWords(cut)) continue;
    const words = tokenize(cut).words;
    const stems = new Set(contentStems(words));
    const c = { text: cut, stems, facts: stems, key: words.join(' '), item, position: 0, score: 0 };
    if (!repeatsTitle(c, titleStems, titleKey)) return shortened(cut, chars);
  }
  return '';
}

/** The text within `chars`: when too long, cut at a word boundary and the cut marked. */
function shortened(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const room = chars - 1;
  const cut = text.lastIndexOf(' ', room);
  const head = text.slice(0, cut > 0 ? cut : room).replace(/[\s,;:–—.…-]+$/u, '');
  return `${head}…`;
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

/**
 * How close each candidate is to what the whole story's text is about: for each of its content words,
 * in how many other sentences of the story it occurs (every sentence read, quotations and short lines
 * too), summed and divided by the square root of its number of words (a cosine to the story's word
 * counts), relative to the most central candidate (0–1).
 */
function centralityOf(candidates: Candidate[], sentences: Set<string>[]): number[] {
  const inSentences = new Map<string, number>();
  for (const stems of sentences) for (const s of stems) inSentences.set(s, (inSentences.get(s) ?? 0) + 1);
  const raw = candidates.map((c) => {
    let elsewhere = 0;
    for (const s of c.stems) elsewhere += inSentences.get(s)! - 1;
    return c.stems.size ? elsewhere / Math.sqrt(c.stems.size) : 0;
  });
  const max = raw.reduce((m, x) => Math.max(m, x), 0);
  return raw.map((x) => (max > 0 ? x / max : 0));
}

function byPublishedThenKey(a: Item, b: Item): number {
  return a.published < b.published ? -1 : a.published > b.published ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
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
