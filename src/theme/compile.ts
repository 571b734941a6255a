// Everything about a theme list that does not depend on the story, compiled once per list.

import type { ThemeConfig } from '../types.js';
import { compileTerms, type TermMatcher } from '../text/terms.js';
import { tokenize } from '../text/tokens.js';
import { contentStems } from '../text/words.js';
import { textMeaning } from '../text/meaning.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { derivedForms } from '../text/derived.js';

export interface CompiledTheme {
  config: ThemeConfig;
  /** stems of the theme's title and description, for similarity */
  descStems: Set<string>;
  /** what the theme means: its title, description and keywords (keywords weigh double) as one word vector */
  meaning: Float32Array;
  /** stems of the theme's title that no other theme's title has: a section of that name is this theme's */
  ownTitleStems: Set<string>;
}

/** A theme's keywords say most plainly what belongs in it. */
const KEYWORD_MEANING_WEIGHT = 2;

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
  /** the heads of the themes' keyword phrases (phraseHeads), for headlines; null when there are none */
  heads: TermMatcher | null;
  /** head → the theme whose phrases end on it, and the first such phrase */
  headOf: Map<string, { theme: number; phrase: string }>;
}

/** A shorter last word ("war", "aid", "law") is too general to say which of the themes a headline is in. */
const HEAD_MIN_LETTERS = 4;

/**
 * The word a keyword phrase is about: its last ("missile" of "ballistic missile", "grid" of "power grid"). A user who
 * lists "ballistic missile" means missiles, and a headline says "Italy to send more SAMP/T missiles". A head counts only
 * when no theme lists it as a keyword of its own and the phrases of one theme alone end on it: "minister", the head of
 * "foreign minister" under diplomacy and of "prime minister" under politics, says nothing of which.
 */
function phraseHeads(themes: ThemeConfig[], keywords: TermMatcher): Map<string, { theme: number; phrase: string }> {
  const found = new Map<string, { theme: number; phrase: string } | null>();
  themes.forEach((t, theme) => {
    for (const phrase of t.keywords) {
      const words = phrase.trim().split(/\s+/);
      if (words.length < 2) continue;
      const head = words[words.length - 1];
      if (!/^[a-z]+$/.test(head) || head.length < HEAD_MIN_LETTERS || STOP_WORDS.has(head) || keywords.test(head)) continue;
      const before = found.get(head);
      if (before === undefined) found.set(head, { theme, phrase });
      else if (before !== null && before.theme !== theme) found.set(head, null);
    }
  });
  return new Map([...found].filter((e): e is [string, { theme: number; phrase: string }] => e[1] !== null));
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
  const headOf = phraseHeads(themes, keywords);
  const compiled: CompiledThemes = {
    themes: themes.map((config, i) => ({
      config,
      descStems: new Set([...titleStems[i], ...contentStems(commonWords(config.description))]),
      meaning: themeMeaning(config),
      ownTitleStems: new Set([...titleStems[i]].filter((s) => titleStems.every((other, j) => j === i || !other.has(s)))),
    })),
    keywords,
    headlineKeywords: inHeadlines.matcher,
    keywordThemes,
    keywordOf: inHeadlines.keywordOf,
    // "defense" finds the head of "air defence", as it finds the keyword
    heads: headOf.size ? compileTerms([...headOf.keys()], { spellings: true }) : null,
    headOf,
  };
  cache.set(themes, compiled);
  return compiled;
}
