// Sentence splitting for news text in English, Ukrainian and Russian.
// A sentence ends at . ! ? or … (plus closing quotes/brackets) when whitespace and then an
// upper-case letter or digit (optionally after an opening quote) follow — unless the word before
// the full stop is an abbreviation (Mr., Jan., Gen.), an initial (J.), or a dotted abbreviation
// such as U.S. that is not followed by a typical sentence opener. Numbers like 1.5 never split
// because no whitespace follows their point.

const ABBREVIATIONS = new Set([
  // titles and ranks
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'pvt',
  'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'sec', 'jr', 'sr', 'st', 'mt', 'ft',
  // months and days
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  // misc
  'no', 'nos', 'vs', 'etc', 'approx', 'est', 'inc', 'corp', 'ltd', 'co', 'dept', 'univ', 'fig', 'vol', 'pp',
  // Ukrainian / Russian
  'р', 'рр', 'м', 'ст', 'вул', 'обл', 'ім', 'т', 'д', 'тис', 'тыс', 'млн', 'млрд', 'див', 'напр', 'проф',
  'ген', 'г', 'гг', 'ул', 'пол', 'акад', 'пров', 'просп',
]);

// After "U.S." these words usually begin a new sentence ("…imposed by the U.S. The EU…").
const OPENERS = new Set([
  'the', 'a', 'an', 'but', 'and', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'these',
  'those', 'in', 'on', 'at', 'as', 'after', 'before', 'when', 'while', 'there', 'meanwhile', 'however',
]);

const BOUNDARY = /([.!?…]+)(["'”’»“)\]]*)(\s+)(?=["'“‘«„(\[]?[\p{Lu}\p{N}])/gu;

/** Splits one paragraph (whitespace already collapsed) into sentences. */
export function splitParagraph(paragraph: string): string[] {
  const text = collapseSpaces(paragraph);
  if (!text) return [];
  const sentences: string[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const end = m.index + m[1].length + m[2].length;
    if (m[1] === '.' && !m[2] && !endsSentence(text.slice(start, m.index), text.slice(end + m[3].length))) continue;
    sentences.push(text.slice(start, end).trim());
    start = end + m[3].length;
  }
  const tail = text.slice(start).trim();
  if (tail) sentences.push(tail);
  return sentences;
}

/**
 * Paragraphs and lines of a text, as trimmed blocks. Cleaned text separates paragraphs by blank
 * lines; a single line break is also a break (captions, credits, list items), except where a
 * line ends mid-sentence and the next goes on in lower case (hard-wrapped plain text).
 */
export function toBlocks(text: string): string[] {
  const blocks: string[] = [];
  let blankBefore = true;
  for (const raw of text.split('\n')) {
    const line = collapseSpaces(raw);
    if (!line) {
      blankBefore = true;
      continue;
    }
    const prev = blocks[blocks.length - 1];
    if (!blankBefore && prev !== undefined && !/[.!?…:"”»]$/u.test(prev) && /^\p{Ll}/u.test(line)) {
      blocks[blocks.length - 1] = `${prev} ${line}`;
    } else blocks.push(line);
    blankBefore = false;
  }
  return blocks;
}

/** Splits a cleaned text into sentences, block by block. */
export function splitSentences(text: string): string[] {
  return toBlocks(text).flatMap(splitParagraph);
}

/** Trim and collapse runs of whitespace to one space (skipping the regex when there are none). */
function collapseSpaces(s: string): string {
  const messy = s.includes('  ') || s.includes('\n') || s.includes('\t') || s.includes('\r') || s.includes('\u00a0');
  return messy ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/** Is the full stop after `before` the end of a sentence, given the text that follows? */
function endsSentence(before: string, after: string): boolean {
  const word = before.slice(before.lastIndexOf(' ') + 1).replace(/^["'“‘«(\[]+/, '');
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  // J. Smith, Volodymyr O. Zelensky
  if (/^\p{Lu}$/u.test(word)) return false;
  // U.S. / U.K. / e.g. / a.m.: a boundary only if a typical opener follows
  if (/^\p{L}(\.\p{L})+$/u.test(word)) {
    const next = /^["'“‘«(\[]?(\p{L}+)/u.exec(after)?.[1].toLowerCase() ?? '';
    return OPENERS.has(next);
  }
  return true;
}
