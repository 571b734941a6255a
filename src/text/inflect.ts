// Simple inflections, deliberately conservative: a term should find its own plural,
// singular and possessive, never a derived word (Ukraine ≠ Ukrainian).
//
// English/Latin words (length ≥ 3): +s, +es, consonant+y ↔ ies, and a written plural also
// matches its singular (missiles → missile, allies → ally, taxes → tax). Possessives are
// removed by the tokenizer.
//
// Cyrillic words: a term loses one final vowel/soft sign/й to give a stem (Україна → україн);
// a text word matches when it is that stem plus one common noun case ending of at most 3
// letters (України, Україні, Україною). Three-letter stems (рада → рад, мир) accept only plain
// noun endings (Ради, Раді, Радою, миру), because adjective endings would reach unrelated
// words (радий "glad", мирний "peaceful"); shorter stems get no endings at all.
// Derived words keep their suffix (українськ-ий) and so never match. Stem changes
// (Київ → Києва) are not handled: list such forms as their own terms. Latin words are matched without their
// diacritics (fold.ts): "Erdogan" finds "Erdoğan".

import { withoutDiacritics } from './fold.js';

// Words ending in s that are not plurals.
const INVARIANT = new Set([
  'news', 'series', 'species', 'means', 'politics', 'economics', 'always', 'perhaps',
  'sometimes', 'whereas', 'yes', 'lens', 'chaos', 'does', 'goes', 'this', 'thus',
]);

const CYRILLIC_ENDINGS = new Set([
  '', 'а', 'я', 'у', 'ю', 'і', 'ї', 'и', 'ы', 'е', 'є', 'о', 'ь', 'й',
  'ою', 'ею', 'єю', 'ой', 'ей', 'ом', 'ем', 'єм', 'ам', 'ям', 'ах', 'ях', 'ів', 'їв', 'ов', 'ев',
  'ами', 'ями', 'ій', 'ий', 'им', 'ім', 'ых', 'их', 'ые',
]);
const MAX_ENDING = 3;
const MIN_STEM = 4;
// Three-letter stems (рада → рад, мир) take only plain noun case endings: with the full set
// they would reach unrelated words (радий "glad", мирний "peaceful").
const SHORT_STEM = 3;
const SHORT_STEM_ENDINGS = new Set(['', 'а', 'я', 'и', 'і', 'у', 'ю', 'ою', 'ею', 'ом', 'ам', 'ах', 'ами']);
const CYRILLIC_STRIP = /[аяоеєіїиыуюьй]$/;

/** Marks keys that stand for a Cyrillic stem rather than a whole word. */
const STEM = '~';
/** Marks keys that stand for a three-letter Cyrillic stem (restricted endings). */
const SHORT = '≈';

export function isCyrillic(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0x0400 && c <= 0x052f;
}

/** Every key under which a term's word may be found (see textKeys for the text side). */
export function termWordKeys(word: string): string[] {
  if (isCyrillic(word)) {
    const stem = word.replace(CYRILLIC_STRIP, '');
    if (stem.length >= MIN_STEM) return [word, STEM + stem];
    if (stem.length === SHORT_STEM) return [word, SHORT + stem];
    return [word];
  }
  return [...englishForms(withoutDiacritics(word))];
}

function englishForms(w: string): Set<string> {
  const forms = new Set([w]);
  // Short words (US, UN, EU) take no endings: "US" must not find "uses".
  if (w.length < 3 || !/[a-z]/.test(w)) {
    if (/\d$/.test(w)) forms.add(w + 's'); // F-16s
    return forms;
  }
  forms.add(w + 's');
  if (/(s|x|z|ch|sh|o)$/.test(w)) forms.add(w + 'es');
  if (/[^aeiou]y$/.test(w)) forms.add(w.slice(0, -1) + 'ies');
  // a plural written in the config also finds its singular
  if (w.length >= 4 && w.endsWith('s') && !/(ss|us|is)$/.test(w) && !INVARIANT.has(w)) {
    if (w.endsWith('ies')) forms.add(w.slice(0, -3) + 'y');
    else if (/(ch|sh|x|z|ss)es$/.test(w)) forms.add(w.slice(0, -2));
    else forms.add(w.slice(0, -1));
  }
  return forms;
}

/** Keys to look up for a word of the text: the word itself (a Latin one without diacritics), and for Cyrillic its possible stems. */
export function textKeys(word: string): string[] {
  if (!isCyrillic(word)) return [withoutDiacritics(word)];
  if (word.length < SHORT_STEM) return [word];
  const keys = [word];
  for (let cut = 1; cut <= MAX_ENDING && word.length - cut >= SHORT_STEM; cut++) {
    const ending = word.slice(-cut);
    const stem = word.slice(0, -cut);
    if (stem.length >= MIN_STEM && CYRILLIC_ENDINGS.has(ending)) keys.push(STEM + stem);
    else if (stem.length === SHORT_STEM && SHORT_STEM_ENDINGS.has(ending)) keys.push(SHORT + stem);
  }
  // zero ending: the word is the bare stem (genitive plural: ракет; мир)
  keys.push((word.length === SHORT_STEM ? SHORT : STEM) + word);
  return keys;
}
