// Words derived from a common word that mean the same thing: "immigrant" of "immigration", "economic" of "economy",
// "vaccination" of "vaccine". A user who lists "immigration" as a theme's keyword means the migrants' stories too,
// and inflect.ts finds only plurals and singulars. A derived word must keep the keyword's stem (all but its last
// four letters, and at least six) and mean nearly the same in the word vectors, so "internet" never reaches
// "international", "cancer" never "cancel", "investors" never "investigators". Names are left alone: "Ukraine"
// must not find "Ukrainian" (inflect.ts), so only keywords written in lower case have derived words.

import { MIN_PREFIX, wordVectors } from './vectors.js';

/** How much of the keyword a derived word keeps: all but this many letters at the end… */
const MAX_CHANGED_ENDING = 4;
/** …and never fewer than this many (the shortest prefix the vectors look words up by). */
const MIN_STEM = MIN_PREFIX;
/** Cosine of the two words' vectors: "immigrant" 0.65, "economic" 0.83; "interactive" (of "internet") 0.65 keeps no stem. */
export const MIN_DERIVED_SIMILARITY = 0.6;

const LOWER_CASE_WORD = /^[a-z]+$/;

/** Keyword → its derived words, for the process: themes are compiled again for every edition. */
const memo = new Map<string, string[]>();

/** For each keyword, the words derived from it (one lower-case word: none for names, phrases and short words), most frequent first. */
export function derivedForms(keywords: string[]): string[][] {
  const stemOf = (k: string) => (LOWER_CASE_WORD.test(k) ? k.slice(0, Math.max(MIN_STEM, k.length - MAX_CHANGED_ENDING)) : '');
  const asked = [...new Set(keywords)].filter((k) => !memo.has(k));
  const looked = asked.filter((k) => stemOf(k).length >= MIN_STEM);
  for (const k of asked) if (!looked.includes(k)) memo.set(k, []);
  if (looked.length) {
    const vectors = wordVectors();
    vectors.startingWith(looked.map(stemOf)).forEach((words, i) => {
      const k = looked[i];
      memo.set(k, words.filter((w) => w !== k && LOWER_CASE_WORD.test(w) && (vectors.similarity(w, k) ?? 0) >= MIN_DERIVED_SIMILARITY));
    });
  }
  return keywords.map((k) => memo.get(k)!);
}
