// Everything about a theme list that does not depend on the story, compiled once per list.

import type { ThemeConfig } from '../types.js';
import { compileTerms, type TermMatcher } from '../text/terms.js';
import { tokenize } from '../text/tokens.js';
import { contentStems } from '../text/words.js';
import { cosineDense, textMeaning } from '../text/meaning.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { derivedForms } from '../text/derived.js';
import { namedSubject } from './subject.js';

export interface CompiledTheme {
  config: ThemeConfig;
  /** stems of the theme's title and description, for similarity */
  descStems: Set<string>;
  /** what the theme means: its title, description and keywords (keywords weigh double) as one word vector */
  meaning: Float32Array;
  /** stems of the theme's title that no other theme's title has: a section of that name is this theme's */
  ownTitleStems: Set<string>;
  /** what each keyword means alone, as a unit word vector (a keyword with no known word left out): score.ts */
  keywordMeanings: Float32Array[];
}

/** A theme's keywords say most plainly what belongs in it. */
const KEYWORD_MEANING_WEIGHT = 2;

function keywordMeanings(config: ThemeConfig): Float32Array[] {
  return config.keywords.map((k) => textMeaning([{ text: k, weight: 1 }], STOP_WORDS)).filter((v) => v.some((x) => x !== 0));
}

function themeMeaning(config: ThemeConfig): Float32Array {
  return textMeaning(
    [
      { text: config.title, weight: 1 },
      { text: config.description, weight: 1 },
      // each keyword counts once however many words it has
      ...config.keywords.map((k) => ({ text: k, weight: KEYWORD_MEANING_WEIGHT / Math.max(1, k.split(/\s+/).length) })),
    ],
    STOP_WORDS,
  );
}

export interface CompiledThemes {
  themes: CompiledTheme[];
  /** one matcher over every keyword of every theme: the text is scanned once */
  keywords: TermMatcher;
  /** the keywords and the words derived from them ("immigrant" of "immigration"), for headlines: see headlineKeywords */
  headlineKeywords: TermMatcher;
  /** keyword as written → indices of the themes that list it */
  keywordThemes: Map<string, number[]>;
  /** a word derived from a keyword (text/derived.ts) → the keyword as written */
  keywordOf: Map<string, string>;
  /** the words of the themes' keyword phrases (findPhraseWords), for headlines; null when there are none */
  phraseWordMatcher: TermMatcher | null;
  /** such a word → the theme whose phrases hold it, the first such phrase, and its share of a keyword's weight */
  phraseWords: Map<string, PhraseWord>;
  /**
   * How alike the themes' meanings are: the mean cosine over pairs of themes (1 for a single theme). The sections
   * of a digest about one subject (a war's fighting, talks and money) sit at 0.57–0.64 in the week sets; those of
   * a digest of distinct subjects (business, sport, health) at 0.42–0.49.
   */
  kinship: number;
  /** the name that most of the themes give, the digest's subject ("UKR" for Ukraine however named), or null (subject.ts) */
  namedSubject: string | null;
}

export interface PhraseWord {
  theme: number;
  phrase: string;
  /** 0.5 for the phrase's last word, 0.25 for another */
  share: number;
}

/** A shorter word ("war", "aid", "law") is too general to say which of the themes a headline is in. */
const PHRASE_WORD_MIN_LETTERS = 4;
/** The last word of a phrase counts as half the phrase; another of its words as a quarter. */
const HEAD_SHARE = 0.5;
const MODIFIER_SHARE = 0.25;

/**
 * The words of a keyword phrase, each on its own: a user who lists "ballistic missile" means missiles, and a headline
 * says "Italy to send more SAMP/T missiles"; one who lists "drone raid" or "gas supplies" means drones and gas too.
 * The last word says what the phrase is about and counts for half of it, another word for a quarter (chosen on the
 * tuning sets and their wordings: a half for every word cost `agnews-dev`). A word counts only when no theme lists it
 * as a keyword of its own and the phrases of one theme alone hold it: "minister", in "foreign minister" under
 * diplomacy and "prime minister" under politics, says nothing of which.
 */
function findPhraseWords(themes: ThemeConfig[], keywords: TermMatcher): Map<string, PhraseWord> {
  const found = new Map<string, PhraseWord | null>();
  themes.forEach((t, theme) => {
    for (const phrase of t.keywords) {
      const words = phrase.trim().split(/\s+/);
      if (words.length < 2) continue;
      words.forEach((word, i) => {
        if (!/^[a-z]+$/.test(word) || word.length < PHRASE_WORD_MIN_LETTERS || STOP_WORDS.has(word) || keywords.test(word)) return;
        const share = i === words.length - 1 ? HEAD_SHARE : MODIFIER_SHARE;
        const before = found.get(word);
        if (before === undefined) found.set(word, { theme, phrase, share });
        else if (before !== null && before.theme !== theme) found.set(word, null);
        else if (before !== null && share > before.share) found.set(word, { theme, phrase, share });
      });
    }
  });
  return new Map([...found].filter((e): e is [string, PhraseWord] => e[1] !== null));
}

/**
 * A headline says in a few words what its item is about, so a word derived from a keyword there ("Migrant caravan:
 * immigrants reach the border" under "immigration") is that keyword. In the text, derived words come in other senses
 * and angles too ("serve a sentence" of an actress's rehab under the crime theme's "sentenced"), and are not read.
 */
function headlineKeywords(keywords: string[], plain: TermMatcher): { matcher: TermMatcher; keywordOf: Map<string, string> } {
  const keywordOf = new Map<string, string>();
  const derived = derivedForms(keywords);
  keywords.forEach((keyword, k) => {
    for (const word of derived[k]) {
      // a word that is a keyword, or one's plural or singular, counts as that keyword already
      if (!keywordOf.has(word) && !plain.test(word)) keywordOf.set(word, keyword);
    }
  });
  return { matcher: keywordOf.size ? compileTerms([...keywords, ...keywordOf.keys()], { spellings: true }) : plain, keywordOf };
}

/**
 * Words of a description minus proper names (capitalised, not opening a sentence): names such
 * as Ukraine or Kyiv are in every story of the digest and say nothing about the theme.
 */
function commonWords(description: string): string[] {
  const words: string[] = [];
  const WORD = /[\p{L}\p{M}\p{N}]+/gu;
  for (let m = WORD.exec(description); m !== null; m = WORD.exec(description)) {
    const before = description.slice(0, m.index).trimEnd();
    const opensSentence = before === '' || /[.!?:;]$/.test(before);
    if (/^\p{Lu}/u.test(m[0]) && !opensSentence) continue;
    words.push(...tokenize(m[0]).words);
  }
  return words;
}

const cache = new WeakMap<ThemeConfig[], CompiledThemes>();

export function compileThemes(themes: ThemeConfig[]): CompiledThemes {
  const cached = cache.get(themes);
  if (cached) return cached;
  const keywordThemes = new Map<string, number[]>();
  themes.forEach((t, i) => {
    for (const k of t.keywords) {
      const list = keywordThemes.get(k) ?? [];
      if (!list.includes(i)) list.push(i);
      keywordThemes.set(k, list);
    }
  });
  // "defence" finds "defense" (spelling.ts)
  const keywords = compileTerms([...keywordThemes.keys()], { spellings: true });
  const inHeadlines = headlineKeywords([...keywordThemes.keys()], keywords);
  const titleStems = themes.map((t) => new Set(contentStems(tokenize(t.title).words)));
  const phraseWords = findPhraseWords(themes, keywords);
  const meanings = themes.map(themeMeaning);
  const compiled: CompiledThemes = {
    themes: themes.map((config, i) => ({
      config,
      descStems: new Set([...titleStems[i], ...contentStems(commonWords(config.description))]),
      meaning: meanings[i],
      ownTitleStems: new Set([...titleStems[i]].filter((s) => titleStems.every((other, j) => j === i || !other.has(s)))),
      keywordMeanings: keywordMeanings(config),
    })),
    keywords,
    headlineKeywords: inHeadlines.matcher,
    keywordThemes,
    keywordOf: inHeadlines.keywordOf,
    // "defense" finds the word of "air defence", as it finds the keyword
    phraseWordMatcher: phraseWords.size ? compileTerms([...phraseWords.keys()], { spellings: true }) : null,
    phraseWords,
    kinship: kinshipOf(meanings),
    namedSubject: namedSubject(themes),
  };
  cache.set(themes, compiled);
  return compiled;
}

/** The mean cosine over every pair of the themes' meanings (see CompiledThemes.kinship). */
function kinshipOf(meanings: Float32Array[]): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < meanings.length; a++) {
    for (let b = a + 1; b < meanings.length; b++) {
      sum += cosineDense(meanings[a], meanings[b]);
      pairs++;
    }
  }
  return pairs === 0 ? 1 : sum / pairs;
}
