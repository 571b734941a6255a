// What an article's text opens with, and which sentences it is told in, as short fingerprints: a wire story (AP,
// Reuters, AFP) is printed by many outlets under their own links, with the agency's headline and text, and a copy that
// turns up a week later under another outlet's link is the story the reader already had. A dateline ("KYIV, Ukraine
// (AP) —"), which some outlets keep and some cut, and case, punctuation and spacing are left aside; a teaser and the
// full text open alike. An outlet's desk often rewrites the lede and keeps the agency's next sentences, and a short
// wire item has fewer than the opening's twenty words: its sentences still tell it. The same fingerprints tell two
// items with close headlines apart (a series' "Day 1001" and "Day 1008" under one page): their texts share nothing.
import { createHash } from 'node:crypto';
import { splitSentences } from '../text/sentences.js';

/** the words that make the fingerprint; a text with fewer names no opening (a headline alone says too little) */
const OPENING_WORDS = 20;
/** a sentence shorter than this is too common to tell an article ("Read more.", "Officials said.") */
const SENTENCE_WORDS = 8;
/** the text's first sentences that are fingerprinted: enough to survive a rewritten lede, small to keep */
const SENTENCES_KEPT = 4;

/** "KYIV, Ukraine (AP) — ", "LONDON (Reuters) - ", "Kyiv, Nov 20 (AFP) - " */
const AGENCY_DATELINE = /^[^.!?\n]{0,80}?\((?:AP|Reuters|AFP|dpa|UPI|Bloomberg|Ukrinform)\)\s*[-–—:]\s*/u;
/** "KYIV — ", "ODESA, Ukraine – " */
const CAPITAL_DATELINE = /^\p{Lu}[\p{Lu} .'’-]{1,30}(?:,\s*[\p{L} .'’-]{1,30})?\s+[-–—]\s+/u;

/** A fingerprint of the text's first words, or null when it has too few to tell one article from another. */
export function openingOf(text: string): string | null {
  const words = wordsOf(withoutDateline(text));
  if (words.length < OPENING_WORDS) return null;
  return hash(words.slice(0, OPENING_WORDS).join(' '), 16);
}

/**
 * Fingerprints of the text's first sentences of some length (space-separated), leaving out a sentence that only
 * repeats the headline (an aggregator's item, whose text is its headline and publisher); null when there is none.
 */
export function sentencesOf(title: string, text: string): string | null {
  const headline = new Set(wordsOf(title));
  const prints: string[] = [];
  for (const sentence of splitSentences(withoutDateline(text))) {
    const words = wordsOf(sentence);
    if (words.length < SENTENCE_WORDS) continue;
    if (words.filter((w) => headline.has(w)).length >= words.length * 0.7) continue;
    prints.push(hash(words.join(' '), 8));
    if (prints.length === SENTENCES_KEPT) break;
  }
  return prints.length > 0 ? prints.join(' ') : null;
}

/** What an article's text is, to compare with another's: its opening and its sentences, either possibly unknown. */
export interface TextPrint {
  opening: string | null;
  sentences: string | null;
}

/** Whether two texts are one article's: the same opening or a sentence in common; null when either says nothing. */
export function sameText(a: TextPrint | null | undefined, b: TextPrint | null | undefined): boolean | null {
  if (!a || !b) return null;
  if (a.opening && a.opening === b.opening) return true;
  if (!a.sentences || !b.sentences) return a.opening && b.opening ? false : null;
  const theirs = new Set(b.sentences.split(' '));
  return a.sentences.split(' ').some((s) => theirs.has(s));
}

function withoutDateline(text: string): string {
  return text.trim().replace(AGENCY_DATELINE, '').replace(CAPITAL_DATELINE, '');
}

function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function hash(s: string, chars: number): string {
  return createHash('sha1').update(s).digest('hex').slice(0, chars);
}
