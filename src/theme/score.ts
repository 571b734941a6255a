// Scores one story (a cluster of items) against every theme.
//
// Evidence per theme:
// - keywords: a keyword in an item's title is strong evidence (so is a word derived from it there, compile.ts);
//   in the text it counts less, less still after the opening words, and repeats give diminishing returns. Item scores are
//   averaged, so a story told by five feeds is not five times as "on theme" as one told by one.
// - description similarity: cosine between the story's words (titles and openings) and the
//   theme's title + description, on the shared stems (text/words.ts); it separates stories that use none of the
//   listed keywords.
// - the section the outlet filed an item under, when its address or the feed's category for it names the theme
//   (address.ts): as strong as a keyword in the title.
// - meaning: the cosine of the story's word vectors (headlines, and the first 300 words of each
//   text) with the theme's, read against the other themes; in a digest about one subject, half of it with the
//   theme's nearest keyword, and for a story with text without what every story of the edition shares
//   (readInOneSubject).

import type { Cluster } from '../types.js';
import type { CompiledThemes } from './compile.js';
import type { TermMatcher } from '../text/terms.js';
import { tokenize, type Tokens } from '../text/tokens.js';
import { contentStems } from '../text/words.js';
import { cosineDense, difference, meanVector, normalise, textMeaning, type WeightedText } from '../text/meaning.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { glossParts } from './gloss.js';
import { filedUnder, taggedUnder } from './address.js';

export const WEIGHTS = {
  /** first keyword in a title */
  title: 2,
  /** each further distinct keyword in the same title */
  titleExtra: 1,
  /** the item's address files it under a section of the theme's name (address.ts) */
  section: 2,
  /** most the text of one item can add to a theme, whatever the number of keywords */
  textThemeCap: 2,
  lead: 0.6,
  rest: 0.2,
  /** most a keyword can earn from one item's text */
  textCap: 1.2,
  similarity: 6,
  /** meaning: how much closer the story is to this theme than to the average theme (word vectors) */
  meaning: 15,
};

/**
 * Below this cosine a story's meaning is not near enough to a theme to count at all: every story is
 * closest to some theme, and one that fits none must not be pushed into the nearest ("Chess olympiad opens
 * in Budapest" into peace talks). Same-theme stories of the tuning sets mostly sit at 0.55–0.9, stories that
 * fit no theme at 0.25–0.5 (0.4 left 12% of the aggregator's real headlines in Other, 0.35 leaves 9%).
 */
export const MEANING_FLOOR = 0.35;
/**
 * A story told only in headlines sits lower: a headline of names and a score ("Hearts 3-1 Hibernian",
 * "Houllier praises Benitez regime") reaches its theme at 0.25–0.35, and has no text to say more. At 0.25
 * the aggregator's headlines leave Other (7.8% → 5.9% of stories, sections 0.858 → 0.870), and so do BBC
 * headlines (0.753 → 0.763), under every wording of their themes; the headline sets whose items include
 * ones that fit no theme (a, c) keep the same Other; 0.2 is no better.
 */
export const HEADLINE_MEANING_FLOOR = 0.25;
/** The headline says what the story is about; a body can wander into another theme's words. */
const MEANING_TITLE_WEIGHT = 3;
/**
 * Words of an item's text its meaning is read from: a whole short article, the first part of a long one.
 * The lead alone (60 words) reads one angle of a long article; 300 gain on the full-text tuning sets
 * (ecbplus-dev 0.91 → 0.94, bbc-dev 0.94 → 0.95) and change nothing for headlines.
 */
const MEANING_WORDS = 300;

/**
 * A story's meaning read without the edition's subject (readWithoutSubject) spreads its cosines with the themes
 * about twice as wide as the plain ones: this brings its lead back to their scale. Chosen on the tuning weeks:
 * 0.5 and 0.6 decide alike and lose no tuning row; 0.35 gains as much in all but loses `l`, `c-teasers` and
 * `i-teasers` and sends more to Other (`i` 14% → 17%, `d-teasers` 12% → 15%); 0.75 loses `d` (1.000 → 0.962)
 * and `i-teasers` (0.783 → 0.723).
 */
export const SUBJECT_FREE_SCALE = 0.5;
/**
 * A theme of a digest about one subject gathers several kinds of its news (talks and mediators, leaders' visits,
 * prisoner swaps, sanctions), and its whole meaning is their blur: a story of one kind sits nearer the blur of
 * another theme than of its own ("UK sanctions drone-part suppliers" nearer the money theme's). There a story's
 * closeness to a theme is read this much from the theme's nearest keyword and the rest from the whole theme.
 * Chosen on the tuning weeks (docs/editorial.md): 0.4–0.6 alike for headlines, 0.7 loses `g-headlines` and
 * `l-headlines`, 1 loses five weeks; 0.3–0.5 alike for stories with text. Not in a digest of distinct subjects,
 * whose themes are one kind each and whose headlines, a few words, come near some keyword of every theme.
 */
export const NEAREST_KEYWORD_SHARE = 0.5;
/** Fewer stories than this do not tell the edition's subject from their own news. */
export const MIN_SUBJECT_STORIES = 10;

/** words of the text that count as its opening */
export const LEAD_WORDS = 60;
/** text beyond this many characters is not read (keeps a 10 000-item build fast; themes show early) */
const MAX_TEXT_CHARS = 2500;

export interface KeywordEvidence {
  keyword: string;
  inTitle: boolean;
  /** the word derived from the keyword that a title used instead ("immigrants" for "immigration") */
  as?: string;
  score: number;
}

export interface ThemeScore {
  index: number;
  keywordScore: number;
  similarity: number;
  /**
   * cosine of the story's and the theme's meaning, minus the mean over all themes (in a one-subject digest, read
   * as readInOneSubject says)
   */
  meaning: number;
  /** the plain cosine of the story's and the theme's meaning */
  closeness: number;
  /** how much closer the story is to this theme's clear cases in the edition than to the average theme's (examples.ts) */
  examples: number;
  /** keywords, description and meaning: the story's own evidence, which alone decides whether it fits any theme */
  ownScore: number;
  /** ownScore and the examples' evidence: decides which theme */
  score: number;
  evidence: KeywordEvidence[];
  /** the section words of the items' addresses that name this theme (address.ts) */
  sections: string[];
  /** the feed categories of the items that name this theme (address.ts) */
  tags: string[];
}

type Region = 'title' | 'lead' | 'rest';
/** per theme: keyword → occurrences in one region of one item */
type RegionCounts = Map<string, number>[];

export interface StoryScores {
  scores: ThemeScore[];
  /** the story's meaning (unit word vector), to compare stories with each other */
  meaning: Float32Array;
  /** every item is a bare headline: its meaning is read from a few words */
  headlinesOnly: boolean;
  /** the meaning evidence was read without the edition's subject (readWithoutSubject) */
  withoutSubject?: boolean;
  /** the meaning evidence was read against each theme's nearest keyword too (readInOneSubject) */
  nearestKeyword?: boolean;
}

/** What every story of an edition shares, and each theme's meaning without it (subjectOf). */
export interface EditionSubject {
  /** the mean of the edition's story meanings */
  mean: Float32Array;
  /** per theme (by index), its meaning minus `mean`, as a unit vector */
  themes: Float32Array[];
  /** per theme (by index), each keyword's meaning minus `mean`, as unit vectors */
  keywords: Float32Array[][];
  /** per theme (by index), each keyword's meaning as it is */
  plainKeywords: Float32Array[][];
}

/**
 * `subject`: the edition's subject (subjectOf), when the digest is about one subject; the story's meaning is then
 * read as readInOneSubject says.
 */
export function scoreStory(cluster: Cluster, compiled: CompiledThemes, subject?: EditionSubject | null): StoryScores {
  const n = Math.max(1, cluster.items.length);
  const perTheme = compiled.themes.map(() => new Map<string, KeywordEvidence>());
  const sections = compiled.themes.map(() => new Set<string>());
  const tags = compiled.themes.map(() => new Set<string>());
  const storyStems = new Map<string, number>();
  const itemScores = compiled.themes.map(() => 0);
  const meaningParts: WeightedText[] = [];

  // a fixed order makes the floating-point sums, and so the decision, independent of input order
  const items = [...cluster.items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const item of items) {
    const title = tokenize(item.title);
    const text = tokenize(headOf(item.text || item.lead));
    const lead = slice(text, 0, LEAD_WORDS);
    const rest = slice(text, LEAD_WORDS, text.words.length);
    const derivedInTitle = compiled.themes.map(() => new Map<string, string>());
    const found: Record<Region, RegionCounts> = {
      title: countPerTheme(title, compiled, compiled.headlineKeywords, derivedInTitle),
      lead: countPerTheme(lead, compiled, compiled.keywords),
      rest: countPerTheme(rest, compiled, compiled.keywords),
    };
    const phraseWordsInTitle = phraseWordsPerTheme(title, compiled);
    const filed = filedUnder(item.url ?? item.canonicalUrl, compiled);
    const tagged = taggedUnder(item.categories, compiled);
    compiled.themes.forEach((_, t) => {
      const keywords = new Set([...found.title[t].keys(), ...found.lead[t].keys(), ...found.rest[t].keys()]);
      let titleHits = 0;
      let textScore = 0;
      for (const keyword of keywords) {
        const inTitle = found.title[t].has(keyword);
        const fromText = Math.min(
          WEIGHTS.textCap,
          WEIGHTS.lead * (found.lead[t].get(keyword) ?? 0) + WEIGHTS.rest * (found.rest[t].get(keyword) ?? 0),
        );
        if (inTitle) titleHits++;
        textScore += fromText;
        const ev = perTheme[t].get(keyword) ?? { keyword, inTitle: false, score: 0 };
        ev.inTitle ||= inTitle;
        ev.as ??= derivedInTitle[t].get(keyword);
        ev.score += ((inTitle ? WEIGHTS.title : 0) + fromText) / n;
        perTheme[t].set(keyword, ev);
      }
      // diminishing returns, so that a title outweighs a body full of another theme's words
      let titleScore = titleHits === 0 ? 0 : WEIGHTS.title + WEIGHTS.titleExtra * (titleHits - 1);
      // a title with no keyword of the theme but a word of one of its phrases: part of a keyword (compile.ts)
      const part = titleHits === 0 ? phraseWordsInTitle.get(t) : undefined;
      if (part) {
        titleScore = WEIGHTS.title * part.share;
        const ev = perTheme[t].get(part.phrase) ?? { keyword: part.phrase, inTitle: false, score: 0 };
        ev.inTitle = true;
        ev.as ??= part.word;
        ev.score += titleScore / n;
        perTheme[t].set(part.phrase, ev);
      }
      const section = filed.get(t);
      if (section !== undefined) sections[t].add(section);
      const tag = tagged.get(t);
      if (tag !== undefined) tags[t].add(tag.toLowerCase());
      // the address and the feed's category are one editor's call: it counts once
      const sectionScore = section === undefined && tag === undefined ? 0 : WEIGHTS.section;
      itemScores[t] += (titleScore + Math.min(WEIGHTS.textThemeCap, textScore) + sectionScore) / n;
    });
    addStems(storyStems, title.words, 2);
    addStems(storyStems, lead.words, 1);
    const meaningText = text.words.slice(0, MEANING_WORDS).join(' ');
    meaningParts.push(
      { text: item.title, weight: MEANING_TITLE_WEIGHT / n },
      { text: meaningText, weight: 1 / n },
      // Ukrainian words have no vector: their English gloss stands in (gloss.ts)
      ...glossParts(item.title, MEANING_TITLE_WEIGHT / n),
      ...glossParts(meaningText, 1 / n),
    );
  }

  // Relative to the other themes: in a digest about one subject every story is close to every theme.
  const storyMeaning = textMeaning(meaningParts, STOP_WORDS);
  const closeness = compiled.themes.map((theme) => cosineDense(storyMeaning, theme.meaning));
  const headlinesOnly = items.every((item) => !(item.text || item.lead).trim());
  const floor = headlinesOnly ? HEADLINE_MEANING_FLOOR : MEANING_FLOOR;
  const meanCloseness = mean(closeness);

  const storyVector = sublinear(storyStems);
  const scores = compiled.themes.map((theme, index) => {
    const evidence = [...perTheme[index].values()].sort(
      (a, b) => b.score - a.score || (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0),
    );
    const keywordScore = itemScores[index];
    const similarity = cosineWithSet(storyVector, theme.descStems);
    const meaning = closeness[index] >= floor ? closeness[index] - meanCloseness : 0;
    const score = ownScoreOf(keywordScore, similarity, meaning);
    return { index, keywordScore, similarity, meaning, closeness: closeness[index], examples: 0, ownScore: score, score, evidence, sections: [...sections[index]].sort(), tags: [...tags[index]].sort() };
  });
  const story = { scores, meaning: storyMeaning, headlinesOnly };
  return subject ? readInOneSubject(story, subject) : story;
}

/** A theme's own evidence weighed into one score. */
function ownScoreOf(keywordScore: number, similarity: number, meaning: number): number {
  return keywordScore + WEIGHTS.similarity * similarity + WEIGHTS.meaning * meaning;
}

/**
 * What every story of the edition shares: the mean of their meanings, and the themes' meanings without it
 * (worked out once per edition); null for an edition too small to tell (MIN_SUBJECT_STORIES).
 */
export function subjectOf(stories: StoryScores[], compiled: CompiledThemes): EditionSubject | null {
  if (stories.length < MIN_SUBJECT_STORIES) return null;
  const mean = meanVector(stories.map((story) => story.meaning), stories[0].meaning.length);
  return {
    mean,
    themes: compiled.themes.map((theme) => normalise(difference(theme.meaning, mean))),
    keywords: compiled.themes.map((theme) => theme.keywordMeanings.map((k) => normalise(difference(k, mean)))),
    plainKeywords: compiled.themes.map((theme) => theme.keywordMeanings),
  };
}

/**
 * A story's closeness to a theme, NEAREST_KEYWORD_SHARE of it from the theme's nearest keyword: `whole` is its cosine
 * with the whole theme, `meaning` and `keywords` read the same way (plainly, or without the subject).
 */
function withNearestKeyword(whole: number, meaning: Float32Array, keywords: Float32Array[]): number {
  if (keywords.length === 0) return whole;
  const nearest = Math.max(...keywords.map((keyword) => cosineDense(meaning, keyword)));
  return (1 - NEAREST_KEYWORD_SHARE) * whole + NEAREST_KEYWORD_SHARE * nearest;
}

/** The mean of a list of numbers (0 for none). */
function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
}

/**
 * How a story's meaning is read in a digest about one subject (`subject`: subjectOf): against each theme's nearest
 * keyword as well as the whole theme (NEAREST_KEYWORD_SHARE), and a story with text without the subject
 * (readWithoutSubject). The story's scores with their meaning evidence read so, before the edition's examples are
 * added (a new object; `story` is left as it is).
 */
export function readInOneSubject(story: StoryScores, subject: EditionSubject): StoryScores {
  return story.headlinesOnly ? readByNearestKeyword(story, subject) : readWithoutSubject(story, subject);
}

/**
 * In a digest about one subject every story's meaning, and every theme's, leans the subject's way (the war,
 * Ukraine, Russia), and the theme nearest that direction is near every story: a story's lead over the other
 * themes is then read with the subject (the edition's mean meaning) taken off both the story's meaning and the
 * themes' (and their keywords'), so what is particular to the story decides. Whether its meaning is near enough to
 * count at all (MEANING_FLOOR) and the off-subject test (index.ts) still read the plain cosines. Not for a bare
 * headline: a few words without the subject leave one word's sense (the tuning weeks' headline variants lost up
 * to 0.048 with it).
 */
function readWithoutSubject(story: StoryScores, subject: EditionSubject): StoryScores {
  const own = normalise(difference(story.meaning, subject.mean));
  const closeness = subject.themes.map((theme, t) => withNearestKeyword(cosineDense(own, theme), own, subject.keywords[t]));
  return { ...story, scores: withMeaning(story, closeness, MEANING_FLOOR, SUBJECT_FREE_SCALE), withoutSubject: true, nearestKeyword: true };
}

/**
 * A bare headline of a digest about one subject, its meaning read plainly but against each theme's nearest
 * keyword as well as the whole theme. Whether it is near enough to count at all (HEADLINE_MEANING_FLOOR) still
 * reads the plain cosine with the whole theme.
 */
function readByNearestKeyword(story: StoryScores, subject: EditionSubject): StoryScores {
  // the plain cosine with the whole theme is the one scoreStory read
  const closeness = story.scores.map((score) => withNearestKeyword(score.closeness, story.meaning, subject.plainKeywords[score.index]));
  return { ...story, scores: withMeaning(story, closeness, HEADLINE_MEANING_FLOOR, 1), nearestKeyword: true };
}

/**
 * The story's scores with their meaning evidence read from `closeness` (per theme): its lead over the themes' mean,
 * ×`scale`, counted where the plain cosine with the whole theme reaches `floor`.
 */
function withMeaning(story: StoryScores, closeness: number[], floor: number, scale: number): ThemeScore[] {
  const average = mean(closeness);
  return story.scores.map((score) => {
    const meaning = score.closeness >= floor ? scale * (closeness[score.index] - average) : 0;
    const ownScore = ownScoreOf(score.keywordScore, score.similarity, meaning);
    return { ...score, meaning, ownScore, score: ownScore };
  });
}

/**
 * Keyword occurrences per theme in one region. Where several keywords of a theme cover the same
 * words (a theme listing both "missile" and "missiles", or "peace" and "peace talks"), the
 * words count once, for the first keyword that found them: listing inflections twice must not
 * double a theme's evidence. `matcher` is the themes' keywords, in a headline with their derived words; a derived
 * word counts as its keyword, and the first one found for a keyword goes into `derivedSeen` (per theme), for `why`.
 */
function countPerTheme(tokens: Tokens, compiled: CompiledThemes, matcher: TermMatcher, derivedSeen?: Map<string, string>[]): RegionCounts {
  const counts: RegionCounts = compiled.themes.map(() => new Map());
  const coveredUntil = compiled.themes.map(() => -1);
  for (const occ of matcher.occurrencesInTokens(tokens)) {
    // a derived word counts as the keyword it comes from ("immigrant" as "immigration")
    const keyword = compiled.keywordOf.get(occ.term) ?? occ.term;
    for (const t of compiled.keywordThemes.get(keyword) ?? []) {
      if (occ.start < coveredUntil[t]) continue;
      coveredUntil[t] = occ.end;
      counts[t].set(keyword, (counts[t].get(keyword) ?? 0) + 1);
      if (keyword !== occ.term && !derivedSeen?.[t].has(keyword)) derivedSeen?.[t].set(keyword, occ.term);
    }
  }
  return counts;
}

/** Per theme, the weightiest word of one of its phrases a title holds (compile.ts), and the word as the title writes it. */
function phraseWordsPerTheme(title: Tokens, compiled: CompiledThemes): Map<number, { phrase: string; word: string; share: number }> {
  const found = new Map<number, { phrase: string; word: string; share: number }>();
  for (const occ of compiled.phraseWordMatcher?.occurrencesInTokens(title) ?? []) {
    const { theme, phrase, share } = compiled.phraseWords.get(occ.term)!;
    if ((found.get(theme)?.share ?? 0) < share) found.set(theme, { phrase, word: title.words[occ.start], share });
  }
  return found;
}

/** The first MAX_TEXT_CHARS of a text, cut at whitespace so no partial word is read. */
function headOf(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  const cut = text.lastIndexOf(' ', MAX_TEXT_CHARS);
  return text.slice(0, cut > 0 ? cut : MAX_TEXT_CHARS);
}

function slice(t: Tokens, from: number, to: number): Tokens {
  return { words: t.words.slice(from, to), gaps: t.gaps.slice(from, to) };
}

function addStems(into: Map<string, number>, words: string[], weight: number): void {
  for (const s of contentStems(words)) into.set(s, (into.get(s) ?? 0) + weight);
}

/** 1 + ln(tf): a word said ten times is not ten times as telling */
function sublinear(tf: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of tf) out.set(k, 1 + Math.log(v));
  return out;
}

function cosineWithSet(vector: Map<string, number>, set: Set<string>): number {
  if (set.size === 0 || vector.size === 0) return 0;
  let dot = 0;
  let norm = 0;
  for (const [k, v] of vector) {
    norm += v * v;
    if (set.has(k)) dot += v;
  }
  return dot / Math.sqrt(norm * set.size);
}
