// Words derived from a common word that mean the same thing: "immigrant" of "immigration", "economic" of "economy",
// "vaccination" of "vaccine". A user who lists "immigration" as a theme's keyword means the migrants' stories too,
// and inflect.ts finds only plurals and singulars. A derived word must keep the keyword's stem (all but its last
// four letters, and at least six) and mean nearly the same in the word vectors, so "internet" never reaches
// "international", "cancer" never "cancel", "investors" never "investigators". Names are left alone: "Ukraine"
// must not find "Ukrainian" (inflect.ts), so only keywords written in lower case have derived words.

import { PREFIX_INDEX, wordVectors } from './vectors.js';

/** How much of the keyword a derived word keeps: all but this many letters at the end… */
const MAX_CHANGED_ENDING = 4;
/** …and never fewer than this many (the vectors' prefix index). */
const MIN_STEM = PREFIX_INDEX;
/** Cosine of the two words' vectors: "immigrant" 0.65, "economic" 0.83; "interactive" (of "internet") 0.65 keeps no stem. */
export const MIN_DERIVED_SIMILARITY = 0.6;

const LOWER_CASE_WORD = /^[a-z]+$/;

/** Words derived from `keyword` (one lower-case word), most frequent first; none for names, phrases and short words. */
export function derivedForms(keyword: string): string[] {
  if (!LOWER_CASE_WORD.test(keyword)) return [];
  const stemLength = Math.max(MIN_STEM, keyword.length - MAX_CHANGED_ENDING);
  if (keyword.length < stemLength) return [];
  const vectors = wordVectors();
  return vectors
    .startingWith(keyword.slice(0, stemLength))
    .filter((w) => w !== keyword && LOWER_CASE_WORD.test(w) && (vectors.similarity(w, keyword) ?? 0) >= MIN_DERIVED_SIMILARITY);
}
