// Whether a sentence can stand in a summary: shaped like a sentence of prose, and not furniture
// (the shared filter in src/text/furniture.ts, held to its stricter sentence standard).
import { opensLikeFurniture } from '../text/furniture.js';

/** a sentence must start like one: capital, digit, opening quote, or a letter of a script without case */
const STARTS_LIKE_SENTENCE = /^["'“‘«„(]?[\p{Lu}\p{N}\p{Lo}]/u;
/** ...and end like one (an Arabic-script question ends in ؟, an Urdu sentence in ۔) */
const ENDS_LIKE_SENTENCE = /[.!?…。！？؟۔]["'”’»“)]*$/u;
/** scripts written without spaces between words: their sentences are counted in characters */
const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;

export const MIN_SENTENCE_CHARS = 40;
const MIN_WORDS = 6;
const MIN_UNSPACED_CHARS = 12;

/** Shaped like prose (long enough, starts and ends like a sentence, not shouting, quotes closed) and not furniture. */
export function looksLikeProse(sentence: string): boolean {
  return hasSentenceShape(sentence) && !isShouting(sentence) && quotesBalanced(sentence) && !opensLikeFurniture(sentence);
}

/** The shape alone, ignoring the final stop: a standfirst without one is still a complete thought. */
export function hasSentenceShapeWithoutStop(sentence: string): boolean {
  return long(sentence) && STARTS_LIKE_SENTENCE.test(sentence) && /[\p{L}\p{N}"'”’»)]$/u.test(sentence);
}

function hasSentenceShape(sentence: string): boolean {
  return long(sentence) && STARTS_LIKE_SENTENCE.test(sentence) && ENDS_LIKE_SENTENCE.test(sentence);
}

function long(sentence: string): boolean {
  if (UNSPACED.test(sentence)) return sentence.length >= MIN_UNSPACED_CHARS;
  return sentence.length >= MIN_SENTENCE_CHARS && sentence.split(' ').length >= MIN_WORDS;
}

/**
 * A quotation that opens in one sentence and closes in another (one too long for the splitter to keep whole with
 * what attributes it, text/sentences.ts) cannot be cut out whole. Quote
 * styles differ (“…”, „…“, «…», "…"), so count every double-quote mark: an odd count is open.
 */
function quotesBalanced(sentence: string): boolean {
  const marks = sentence.match(/["“”„«»]/g);
  return marks === null || marks.length % 2 === 0;
}

/** ALL-CAPS lines are headings or banners, not prose. */
function isShouting(sentence: string): boolean {
  return /\p{Lu}/u.test(sentence) && !/\p{Ll}/u.test(sentence);
}
