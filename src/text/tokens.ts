// Word tokenizer shared by term matching, theme scoring and summaries.
// Words are runs of Unicode letters, marks and digits (not `\b`, which is ASCII-only),
// so Cyrillic and accented text tokenize like English.

export interface Tokens {
  /** lower-cased words, possessive 's / ’s removed */
  words: string[];
  /**
   * gaps[i] is what separates words[i-1] from words[i], with whitespace and hyphens removed:
   * '' means the words were joined only by spaces, line breaks or hyphens (a phrase may match
   * across it); '¶' is a blank line (paragraph break), which no phrase crosses; anything else
   * ('.', ',', "'") is punctuation a phrase must repeat to match.
   */
  gaps: string[];
}

// Character classes: a hand-written scan is about twice as fast as a /\p{L}/u regex loop,
// and tokenizing is most of the cost of themes and summaries. Non-ASCII classes are looked up
// once per character and remembered.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const bmpClass = new Uint8Array(0x10000); // 0 unknown, 1 word, 2 not
// Apostrophe look-alikes (right single quote, Ukrainian modifier-letter apostrophe) separate words
// like "'" does; the modifier letter would otherwise count as a letter.
const APOSTROPHES = /[\u2019\u02BC]/g;
const SOFT_GAP = /[\s\-\u2010\u2011\u00AD\u200B]+/g;

// The zero-width non-joiner and joiner shape the letters of a word (Persian, Indic scripts) or join emoji: they belong to
// the word they sit in, which matching reads without them (a keyword matches written with or without them).
const JOINERS = /[\u200c\u200d]/g;

function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c === 0x2019 || c === 0x02bc) return false;
  if (c === 0x200c || c === 0x200d) return true;
  let k = bmpClass[c];
  if (k === 0) {
    // surrogate halves: a character outside the BMP (rare in news) counts as a word character
    k = (c >= 0xd800 && c <= 0xdfff) || WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    bmpClass[c] = k;
  }
  return k === 1;
}

// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese): a run of their
// letters is one "word" to the scan above, so it is cut into words by Intl.Segmenter's dictionaries. Text in
// other scripts never reaches the segmenter.
const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
// made on first use: building it takes about 15 ms, which every command that loads this module (config checks) would pay
let wordSegmenter: Intl.Segmenter | undefined;

/** The words of a run of word characters: itself, or its dictionary words when its script writes no spaces. */
function unspacedWords(run: string): string[] {
  if (!UNSPACED.test(run)) return [run];
  const out: string[] = [];
  for (const seg of (wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' })).segment(run)) if (seg.isWordLike) out.push(seg.segment);
  return out.length ? out : [run];
}

/** Separator for a paragraph break: phrases never run from one paragraph into the next. */
export const PARAGRAPH_GAP = '¶';

// Texts use few distinct separators (", ", ". ", "’s "), so normalised gaps are memoised.
const gapMemo = new Map<string, string>();

function normalizeGap(raw: string): string {
  if (raw === ' ' || raw === '') return '';
  let gap = gapMemo.get(raw);
  if (gap === undefined) {
    gap = computeGap(raw);
    if (raw.length <= 8 && gapMemo.size < 10_000) gapMemo.set(raw, gap);
  }
  return gap;
}

function computeGap(raw: string): string {
  if (/\n[^\S\n]*\n/.test(raw)) return PARAGRAPH_GAP;
  return (
    raw
      .replace(APOSTROPHES, "'")
      // plural possessive ("allies' talks"): the apostrophe belongs to the word before
      .replace(/^'(?=\s)/, '')
      .replace(SOFT_GAP, '')
  );
}

/**
 * Call visit(start, end) for every run of word characters in s, in order. Both tokenizers (this module's, for term
 * matching, and the clustering terms) read words through this one scan, so a word is the same thing everywhere.
 */
export function scanWords(s: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  const n = s.length;
  for (let i = 0; i <= n; i++) {
    if (i < n && isWordUnit(s.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(start, i);
      start = -1;
    }
  }
}

/** The words of s[start, end): the run itself, or its dictionary words when its script writes no spaces. */
export function wordsOfRun(s: string, start: number, end: number): string[] {
  const word = s.slice(start, end);
  // ASCII words (most of any text) skip the script test
  if (word.charCodeAt(0) < 128 && word.charCodeAt(word.length - 1) < 128) return [word];
  const bare = word.replace(JOINERS, '');
  return bare ? unspacedWords(bare) : [];
}

/** Lower-case, NFC-normalise and split text into words plus normalised separators. */
export function tokenize(text: string): Tokens {
  const s = text.normalize('NFC').toLowerCase();
  const words: string[] = [];
  const gaps: string[] = [];
  let lastEnd = 0;
  scanWords(s, (start, end) => {
    // fast path: words separated by one plain space (most of any text)
    const gap = start === lastEnd + 1 && s.charCodeAt(lastEnd) === 32 ? ' ' : s.slice(lastEnd, start);
    lastEnd = end;
    // "Ukraine's" / "Ukraine’s": the 's is an inflection of the previous word, not a word
    if (end - start === 1 && s.charCodeAt(start) === 115 && words.length > 0 && (gap === "'" || gap === '\u2019' || gap === '\u02bc')) return;
    const pieces = wordsOfRun(s, start, end);
    // the segmenter's words of one run are joined without a gap, so a keyword of several of them still matches
    pieces.forEach((piece, k) => {
      words.push(piece);
      gaps.push(k === 0 ? normalizeGap(gap) : '');
    });
  });
  return { words, gaps };
}
