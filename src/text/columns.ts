// How wide a text is on a fixed-width screen (a terminal mail client, a plain-text view), and where it may be
// broken without harm: Chinese, Japanese and Korean letters and emoji take two columns, a combining mark or a
// joiner none; a letter and its marks, an emoji sequence or a flag are one character that is never split.

// Wide characters (Unicode East Asian Width W and F, in the ranges news text uses); the half-width forms are narrow.
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u2e80-\u303e\u3200-\u33ff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]|\p{Emoji_Presentation}|\ufe0f/u;
const HALF_WIDTH = /^[\uff61-\uffdc\uffe8-\uffee]/u;
// a grapheme of only marks and format characters (a stray joiner) takes no column
const SHOWS = /[^\p{M}\p{Cf}]/u;

// made on first use: every command loads this module, few wrap text
let graphemeSegmenter: Intl.Segmenter | undefined;
let wordSegmenter: Intl.Segmenter | undefined;

/** The user-perceived characters of a text, one by one: a letter with its marks, an emoji sequence, a flag. */
export function* eachGrapheme(text: string): Generator<string> {
  for (const s of (graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text)) yield s.segment;
}

/** The user-perceived characters of a text. */
export function graphemes(text: string): string[] {
  return Array.from(eachGrapheme(text));
}

function graphemeColumns(g: string): number {
  if (!SHOWS.test(g)) return 0;
  return WIDE.test(g) && !HALF_WIDTH.test(g) ? 2 : 1;
}

/** Columns `text` takes on a fixed-width screen. */
export function columns(text: string): number {
  // the common case, ASCII: one column a character
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let n = 0;
  for (const g of graphemes(text)) n += graphemeColumns(g);
  return n;
}

// scripts written without spaces between words, whose lines break between any two of them
const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;

/** Whether a word may be broken within although it fits on a line: it is in a script written without spaces. */
export function breaksWithin(word: string): boolean {
  return UNSPACED.test(word);
}

/**
 * Where a word (no spaces) may be broken, as consecutive pieces: between dictionary words where the script writes
 * none (Chinese, Japanese, Thai), with punctuation kept on the word it follows (。 never starts a line) and opening
 * brackets on the one they open; a piece wider than `width` between its characters.
 */
export function breakableParts(word: string, width: number): string[] {
  const parts: string[] = [];
  let opening = '';
  for (const seg of (wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' })).segment(word)) {
    const text = seg.segment;
    if (!seg.isWordLike && /^[\p{Ps}\p{Pi}]+$/u.test(text)) opening += text;
    else if (!seg.isWordLike && parts.length && !opening) parts[parts.length - 1] += text;
    else {
      parts.push(opening + text);
      opening = '';
    }
  }
  if (opening) parts.push(opening);
  return parts.flatMap((part) => (columns(part) <= width ? [part] : graphemeRuns(part, width)));
}

/** `text` cut between characters into runs at most `width` columns wide. */
function graphemeRuns(text: string, width: number): string[] {
  const runs: string[] = [];
  let run = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = graphemeColumns(g);
    if (run && used + w > width) {
      runs.push(run);
      run = '';
      used = 0;
    }
    run += g;
    used += w;
  }
  if (run) runs.push(run);
  return runs;
}
