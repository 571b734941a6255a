// What an article's text opens with, as a short fingerprint: a wire story (AP, Reuters, AFP) is printed by many outlets
// under their own links, with the agency's headline and text, and a copy that turns up a week later under another
// outlet's link is the story the reader already had. A dateline ("KYIV, Ukraine (AP) —"), which some outlets keep and
// some cut, and case, punctuation and spacing are left aside; a teaser and the full text open alike.
import { createHash } from 'node:crypto';

/** the words that make the fingerprint; a text with fewer names no opening (a headline alone says too little) */
const OPENING_WORDS = 20;

/** "KYIV, Ukraine (AP) — ", "LONDON (Reuters) - ", "Kyiv, Nov 20 (AFP) - " */
const AGENCY_DATELINE = /^[^.!?\n]{0,80}?\((?:AP|Reuters|AFP|dpa|UPI|Bloomberg|Ukrinform)\)\s*[-–—:]\s*/u;
/** "KYIV — ", "ODESA, Ukraine – " */
const CAPITAL_DATELINE = /^\p{Lu}[\p{Lu} .'’-]{1,30}(?:,\s*[\p{L} .'’-]{1,30})?\s+[-–—]\s+/u;

/** A fingerprint of the text's first words, or null when it has too few to tell one article from another. */
export function openingOf(text: string): string | null {
  const body = text.trim().replace(AGENCY_DATELINE, '').replace(CAPITAL_DATELINE, '');
  const words = body.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < OPENING_WORDS) return null;
  return createHash('sha1').update(words.slice(0, OPENING_WORDS).join(' ')).digest('hex').slice(0, 16);
}
