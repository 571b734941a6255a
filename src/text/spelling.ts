// British and American spellings of one word: "defence"/"defense", "programme"/"program", "mobilisation"/
// "mobilization", "centre"/"center", "labour"/"labor". A digest's terms are written one way and its outlets write
// both, so a term also finds its other spelling. The endings that differ are few and regular; what a rewritten
// ending gives is kept only when the word vectors know it as the same word (they were trained on text of both
// kinds): "four" is no "for", "letter" no "lettre", and "offence" (a crime) no "offense" (a team's attack).

import { wordVectors } from './vectors.js';

/** British ending ↔ American ending, whole suffixes of a lower-case word (plurals and verb forms listed too). */
const ENDINGS: [string, string][] = [
  ['our', 'or'],
  ['ours', 'ors'],
  ['tre', 'ter'],
  ['tres', 'ters'],
  ['ence', 'ense'],
  ['ences', 'enses'],
  ['ise', 'ize'],
  ['ises', 'izes'],
  ['ised', 'ized'],
  ['ising', 'izing'],
  ['isation', 'ization'],
  ['isations', 'izations'],
  ['yse', 'yze'],
  ['ogue', 'og'],
  ['ogues', 'ogs'],
  ['gramme', 'gram'],
  ['grammes', 'grams'],
  ['elled', 'eled'],
  ['elling', 'eling'],
];
/** Shorter words are left alone: "four", "hour", "tour" end like "labour" and are other words. */
const MIN_LENGTH = 5;
/** Cosine of the two spellings' vectors: "defence"/"defense" 0.85, "dialogue"/"dialog" 0.60, "offence"/"offense" 0.50. */
const MIN_SIMILARITY = 0.6;

const LOWER_CASE_WORD = /^[a-z]+$/;
const memo = new Map<string, string[]>();

/** The word's other spellings (British for American and back) that the word vectors know as the same word. */
export function spellingVariants(word: string): string[] {
  if (word.length < MIN_LENGTH || !LOWER_CASE_WORD.test(word)) return [];
  const known = memo.get(word);
  if (known) return known;
  const vectors = wordVectors();
  const out: string[] = [];
  for (const [british, american] of ENDINGS) {
    for (const [from, to] of [
      [british, american],
      [american, british],
    ]) {
      if (!word.endsWith(from)) continue;
      const other = word.slice(0, -from.length) + to;
      if (!out.includes(other) && (vectors.similarity(word, other) ?? 0) >= MIN_SIMILARITY) out.push(other);
    }
  }
  memo.set(word, out);
  return out;
}
