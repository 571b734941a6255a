// Content words and their stems, for similarity (themes' descriptions, summaries' sentences):
// the shared stop words and the shared stemmer, so a word means the same thing in every stage.
// Term matching (keywords) does not use this: it must stay exact (see inflect.ts).

import { stem } from './stem.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * Chinese and Japanese write a word in few characters, each a syllable with a meaning: most of their words
 * (美国, 会见, 停火) have two, which the three-letter floor for alphabets would drop, leaving a Chinese
 * sentence no content word (and a Chinese story no summary).
 */
const IDEOGRAPHIC = /[\p{scx=Han}\p{Script=Katakana}]/u;

export function isContentWord(word: string): boolean {
  return (word.length > 2 || (word.length === 2 && IDEOGRAPHIC.test(word))) && !STOP_WORDS.has(word) && !/^\d+$/.test(word);
}

// Vocabulary is small compared with the number of words read, so stems are memoised.
const memo = new Map<string, string>();
const MEMO_LIMIT = 200_000;

/** The similarity key of a lower-cased word: its stem. */
export function wordStem(word: string): string {
  let s = memo.get(word);
  if (s === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    s = stem(word);
    memo.set(word, s);
  }
  return s;
}

/** Stems of the content words among already tokenized (lower-cased) words. */
export function contentStems(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) if (isContentWord(w)) out.push(wordStem(w));
  return out;
}
