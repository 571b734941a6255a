// Names written in two scripts, reduced to one comparable Latin key.
//
// Cyrillic is transliterated after the Ukrainian national system (KMU 2010, src/text/translit.ts), with the
// Russian letters it lacks; then both sides are folded so that the usual English spellings meet it:
// г/h and g (Belgorod, Ukrenergo), y/i/j (Zelensky/Зеленський), doubled letters (Odessa/Odesa),
// diacritics (Fetești, Erdoğan). The key is for matching only, never for display.

import { transliterate } from '../text/translit.js';

/**
 * A spelling-tolerant Latin key for a name in either script: diacritics dropped, letters that
 * transliteration conventions swap folded together, doubled letters collapsed, non-letters dropped.
 */
export function nameKey(word: string): string {
  const latin = transliterate(word)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i');
  const folded = latin
    .replace(/ie|ye/g, 'e') // є and its English renderings: Бєлгород/Belgorod
    .replace(/[yj]/g, 'i')
    .replace(/h/g, 'g') // Ukrainian г is h, the Russian-style English spelling has g; kh/zh/sh fold alike on both sides
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/c(?!g)/g, 'k') // c is not a Cyrillic rendering except in ch (now cg)
    .replace(/[^a-z0-9]/g, '');
  return folded.replace(/(.)\1+/g, '$1');
}

/** Length of the common beginning of two strings. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/** Shortest key that can stand for a name: shorter stems ("сум", "рад") match too many words. */
export const MIN_NAME_KEY = 4;

/**
 * Two name keys name the same thing when one is a stem of the other (the shorter, at least
 * MIN_NAME_KEY long, begins the longer, which adds at most a case ending or suffix), or when they
 * share a long beginning (Бєлгородській/Belgorod, Фетешть/Fetești).
 */
export function sameName(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < MIN_NAME_KEY) return false;
  const common = commonPrefix(a, b);
  if (common === shorter) return Math.max(a.length, b.length) - shorter <= 4;
  return common >= 5 && common >= shorter - 2;
}
