// Turn headline and lead text into comparable terms: Unicode letters and numbers,
// lower-cased and lightly stemmed, stop words dropped, numbers kept as features.

import { stem } from '../text/stem.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { withoutDiacritics } from '../text/fold.js';
import { scanWords, wordsOfRun } from '../text/tokens.js';
import { stopAfterAbbreviation } from '../text/sentences.js';

export interface Token {
  /** normalised term (stemmed word or number) */
  term: string;
  /** contains a digit: an amount, a count, a model name like f-16 */
  isNumber: boolean;
  /** written with a capital first letter */
  capitalised: boolean;
  /** first word of a sentence, so its capital says nothing */
  sentenceStart: boolean;
  /** first word after a colon ("Netanyahu: Evidence proves…"), whose capital says nothing either */
  clauseStart?: boolean;
}

const DIGIT = /\p{N}/u;
const UPPER_FIRST = /^\p{Lu}/u;
const CYRILLIC_ABBREVIATION = /^(?:(?=\p{Lu})\p{Script=Cyrillic}){2,6}$/u;

// The word tables below are Maps: a plain object would answer "constructor" (a contractor's word, and any word of
// a headline in capitals) with Object's own function.

/** Words whose capitalised abbreviation collides with a stop word or another spelling. */
const ABBREVIATIONS = new Map(Object.entries({ us: 'usa', usa: 'usa', uk: 'uk', eu: 'eu', un: 'un' }));

/**
 * A magnitude written onto an amount ("2.4bn", "$12trn", "$50k", "€300m") scales it: "$12m" is not "$12trn", and
 * "1.2bn" is the "1.2 billion" another outlet writes out (inMagnitudes). "m" is read as million: a distance in
 * metres is written the same way by both reports, so they still meet.
 */
const SUFFIX_SCALE = new Map(
  Object.entries({ k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, bln: 1e9, t: 1e12, tn: 1e12, trn: 1e12, trln: 1e12 }),
);
const SCALED = new RegExp(String.raw`^(\d+(?:\.\d+)?)(${[...SUFFIX_SCALE.keys()].join('|')})$`);

/** A written number as a term, and the count as written before its magnitude (the rough term depends on it). */
function normaliseNumber(raw: string): { term: string; written: number } {
  const plain = raw
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, '$1') // 1,000 → 1000
    .replace(/(\d),(\d{1,2})(?!\d)/g, '$1.$2') // a decimal comma (2,5 bn, 6,5 percent) → 2.5, 6.5
    .replace(/['’]s$/, '')
    .replace(/(\d)s$/, '$1'); // F-16s → f-16
  const scaled = SCALED.exec(plain);
  if (scaled) return { term: String(scaledAmount(Number(scaled[1]), SUFFIX_SCALE.get(scaled[2])!)), written: Number(scaled[1]) };
  const term = plain.replace(/^(\d[\d.]*)(?:km|th|st|nd|rd)$/, '$1'); // 300km → 300, 5th → 5
  return { term, written: Number(term) };
}

/** The amount a count and its magnitude stand for. */
function scaledAmount(count: number, scale: number): number {
  return Math.round(count * scale);
}

/**
 * Outlets round counts differently ("93 missiles" / "more than 90 missiles", "410 drones" / "about 400"),
 * so a count also yields a rough term at one significant figure that such reports share.
 * Years and small numbers (where one unit is a different fact) get none.
 */
function roughCount(term: string, written = Number(term)): string | null {
  if (!/^\d+(\.\d+)?$/.test(term)) return null;
  const n = Number(term);
  // "1.2bn" is as exact as "1.2": a count written under 20 gets no rough term, whatever its magnitude
  if (n < 20 || written < 20 || (Number.isInteger(n) && n >= 1900 && n <= 2100)) return null;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  return `≈${Math.round(n / magnitude) * magnitude}`;
}

interface WordAnalysis {
  /** a term's own isNumber, where it differs from the word's ("45-day": 45 is a number, "day" is not) */
  terms: { term: string; capitalised: boolean; isNumber?: boolean }[];
  isNumber: boolean;
}

/**
 * Counts from ten written in words, in English and Ukrainian ("eleven", "forty-five", "дванадцять"), read as their
 * digits, so "Eleven children returned" meets "11 children back". Below ten a count is more often a word than a
 * fact ("two days", "three people") and stays one: read as numbers, they cost two headline weeks (c, d) more
 * than the digits they met gained.
 */
const TEENS = new Map(
  Object.entries({
    ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
    десять: 10, одинадцять: 11, дванадцять: 12, тринадцять: 13, чотирнадцять: 14, "п'ятнадцять": 15, шістнадцять: 16,
    сімнадцять: 17, вісімнадцять: 18, "дев'ятнадцять": 19,
  }),
);
const TENS = new Map(
  Object.entries({
    twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
    двадцять: 20, тридцять: 30, сорок: 40, "п'ятдесят": 50, шістдесят: 60, сімдесят: 70, вісімдесят: 80, "дев'яносто": 90,
  }),
);
/** the second half of "forty-five" */
const UNITS = new Map(Object.entries({ one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 }));

/** The count a word writes out ("eleven", "forty-five"), with the words joined after it ("ten-year" → 10, "year"), or null. */
function countInWords(raw: string): { value: number; rest: string[] } | null {
  const parts = raw.toLowerCase().replace(/[’ʼ]/g, "'").split('-');
  const first = parts[0];
  const tens = TENS.get(first);
  const unit = parts.length > 1 ? UNITS.get(parts[1]) : undefined;
  if (tens !== undefined && unit !== undefined) return { value: tens + unit, rest: parts.slice(2) };
  const value = tens ?? TEENS.get(first);
  return value === undefined ? null : { value, rest: parts.slice(1) };
}

/** "45-day", "12-year-old": a count joined to the words it measures is the count and those words. */
const COUNT_AND_WORDS = /^(\d+(?:[.,]\d+)?)-(\p{L}+(?:-\p{L}+)*)$/u;

function countTerms(value: string, capitalised: boolean): WordAnalysis['terms'] {
  const { term, written } = normaliseNumber(value);
  const approx = roughCount(term, written);
  return approx ? [{ term, capitalised, isNumber: true }, { term: approx, capitalised, isNumber: true }] : [{ term, capitalised, isNumber: true }];
}

/** What one written word contributes, independent of where it stands. */
function analyseWord(raw: string): WordAnalysis {
  const inWords = DIGIT.test(raw) ? null : countInWords(raw);
  const joined = inWords ? null : COUNT_AND_WORDS.exec(raw);
  if (inWords || joined) {
    const terms = countTerms(inWords ? String(inWords.value) : joined![1], UPPER_FIRST.test(raw));
    for (const word of inWords ? inWords.rest : joined![2].split('-')) {
      const rest = analyseWord(word);
      terms.push(...rest.terms.map((t) => ({ ...t, isNumber: t.isNumber ?? rest.isNumber })));
    }
    return { terms, isNumber: true };
  }
  if (DIGIT.test(raw)) {
    const { term, written } = normaliseNumber(raw);
    const approx = roughCount(term, written);
    const capitalised = UPPER_FIRST.test(raw);
    return { terms: approx ? [{ term, capitalised }, { term: approx, capitalised }] : [{ term, capitalised }], isNumber: true };
  }
  // U.S. / U.K. / US: all-capital abbreviations keep their identity.
  if ((raw.length <= 4 && raw === raw.toUpperCase()) || /^(\p{L}\.)+\p{L}?\.?$/u.test(raw)) {
    const abbreviation = ABBREVIATIONS.get(raw.replace(/[.'’]/g, '').toLowerCase());
    if (abbreviation) return { terms: [{ term: abbreviation, capitalised: true }], isNumber: false };
  }
  const terms: WordAnalysis['terms'] = [];
  // Hyphenated words count as their parts (long-range = long range).
  for (const part of raw.split(/[-.,]/)) {
    const lower = withoutDiacritics(part.toLowerCase());
    const abbreviation = part.length >= 2 && part === part.toUpperCase() ? ABBREVIATIONS.get(lower) : undefined;
    if (abbreviation) {
      terms.push({ term: abbreviation, capitalised: true });
      continue;
    }
    if (lower.length < 2 || STOP_WORDS.has(lower.replace(/['’]s?$/, ''))) continue;
    // A Cyrillic abbreviation (НАБУ, ЗСУ) does not decline: its last letter is not a case ending.
    const term = CYRILLIC_ABBREVIATION.test(part) ? lower : stem(lower);
    if (term.length < 2 || STOP_WORDS.has(term)) continue;
    terms.push({ term, capitalised: UPPER_FIRST.test(part) });
  }
  return { terms, isNumber: false };
}

// Words repeat across a week's items: each spelling is analysed once.
const WORD_CACHE = new Map<string, WordAnalysis>();
function analyse(raw: string): WordAnalysis {
  let analysis = WORD_CACHE.get(raw);
  if (analysis === undefined) {
    if (WORD_CACHE.size > 200_000) WORD_CACHE.clear();
    WORD_CACHE.set(raw, (analysis = analyseWord(raw)));
  }
  return analysis;
}

/**
 * What the text between two written units says of the second: it starts a new sentence after a full stop,
 * question or exclamation mark, ellipsis or line break, except the stop of an abbreviation or initial ("U.S.
 * Border", "George P. Smith": sentences.ts decides); it starts a clause after a colon, where headlines and quotes
 * open with a capital ("Netanyahu: Evidence proves…"). Either way its capital says nothing about names.
 */
function breakBefore(text: string, previousStart: number, from: number, to: number): 'sentence' | 'clause' | null {
  let stop = false;
  let colon = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 33 || c === 63 || c === 10 || c === 0x2026) return 'sentence'; // ! ? newline …
    if (c === 46) stop = true;
    else if (c === 58) colon = true;
  }
  if (stop && !stopAfterAbbreviation(text.slice(previousStart, from), text.slice(to, to + 20))) return 'sentence';
  return colon ? 'clause' : null;
}

/**
 * A title written short before a name ("Sen. Haldane", "Gov. Newsom", "Lt. Gen. Budanov") is the word another report
 * writes out ("five US senators", "the governor"). Only with its full stop, capitalised.
 */
const TITLE_ABBREVIATIONS = new Map(
  Object.entries({
    Sen: 'Senator', Rep: 'Representative', Gov: 'Governor', Gen: 'General', Lt: 'Lieutenant', Col: 'Colonel', Maj: 'Major',
    Adm: 'Admiral', Sgt: 'Sergeant', Capt: 'Captain', Amb: 'Ambassador', Pres: 'President', Supt: 'Superintendent',
  }),
);

/** Joins two words into one written unit when it alone stands between them: F-16s, 1,000, U.S., don't. */
function isJoiner(c: number): boolean {
  return c === 45 || c === 46 || c === 44 || c === 39 || c === 0x2019 || c === 0x02bc; // - . , ' ’ ʼ
}

/** Split text into tokens; stop words are dropped but still mark sentence position. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const normalised = text.normalize('NFKC');
  let previousStart = -1;
  let previousEnd = -1;
  let unitStart = -1;
  let unitEnd = -1;
  const emit = (): void => {
    if (unitStart < 0) return;
    const before = previousEnd < 0 ? 'sentence' : breakBefore(normalised, previousStart, previousEnd, unitStart);
    const sentenceStart = before === 'sentence';
    const clauseStart = before === 'clause';
    previousStart = unitStart;
    previousEnd = unitEnd;
    const titled = normalised.charCodeAt(unitEnd) === 46 ? TITLE_ABBREVIATIONS.get(normalised.slice(unitStart, unitEnd)) : undefined;
    for (const raw of titled ? [titled] : wordsOfRun(normalised, unitStart, unitEnd)) {
      const { terms, isNumber } = analyse(raw);
      for (const t of terms) out.push({ term: t.term, isNumber: t.isNumber ?? isNumber, capitalised: t.capitalised, sentenceStart, clauseStart });
    }
  };
  scanWords(normalised, (start, end) => {
    if (unitStart >= 0 && start === unitEnd + 1 && isJoiner(normalised.charCodeAt(unitEnd))) {
      unitEnd = end;
      return;
    }
    emit();
    unitStart = start;
    unitEnd = end;
  });
  emit();
  return inKilometres(inThousands(inMagnitudes(out)));
}

/** The count of a written number and the index of the token after its rough term, or null when the token is no plain count. */
function countAt(tokens: Token[], k: number): { value: number; next: number } | null {
  const token = tokens[k];
  if (!token.isNumber || token.term.startsWith('≈') || !/^\d+(\.\d+)?$/.test(token.term)) return null;
  let next = k + 1;
  while (next < tokens.length && tokens[next].isNumber && tokens[next].term.startsWith('≈')) next++;
  return { value: Number(token.term), next };
}

/** The count at k becomes `value` (and its rough term), in place: the rough term after it is replaced or added. */
function setCount(tokens: Token[], k: number, next: number, value: number, written = value): void {
  const term = String(value);
  const approx = roughCount(term, written);
  tokens[k] = { ...tokens[k], term };
  if (next > k + 1) {
    if (approx) tokens[k + 1] = { ...tokens[k + 1], term: approx };
    else tokens.splice(k + 1, next - k - 1);
  } else if (approx) tokens.splice(k + 1, 0, { ...tokens[k], term: approx }); // 1,5 тис. had no rough term, 1,500 has
}

/** "mile" and "miles" as the tokenizer stems them. */
const MILE_WORDS = new Set(['mile']);
const KM_PER_MILE = 1.609344;

/**
 * "500 miles from the border" is the "800km" another report gives: a distance in miles becomes kilometres, so
 * that its rough term (≈800) meets the other report's.
 */
function inKilometres(tokens: Token[]): Token[] {
  for (let k = 0; k < tokens.length; k++) {
    const count = countAt(tokens, k);
    if (!count || count.next >= tokens.length || !MILE_WORDS.has(tokens[count.next].term)) continue;
    setCount(tokens, k, count.next, Math.round(count.value * KM_PER_MILE));
  }
  return tokens;
}

/**
 * A count followed by a word for its scale becomes the amount it stands for, in place; the word stays a term of its
 * own. `roughFromWritten`: the rough term follows the count as written ("1.2 billion" gets none, as "1.2" does not),
 * else the amount ("1,5 тис." gets one, as "1,500" does).
 */
function scaleCounts(tokens: Token[], scales: ReadonlyMap<string, number>, roughFromWritten: boolean): Token[] {
  for (let k = 0; k < tokens.length; k++) {
    const count = countAt(tokens, k);
    const scale = count && count.next < tokens.length ? scales.get(tokens[count.next].term) : undefined;
    if (!count || scale === undefined) continue;
    const amount = scaledAmount(count.value, scale);
    setCount(tokens, k, count.next, amount, roughFromWritten ? count.value : amount);
  }
  return tokens;
}

/** Words for "thousand" after a count ("60 тисяч", "1,5 тис.", "40 thousand"), stemmed as the tokenizer stems them. */
const THOUSAND_WORDS = new Map(['тисяч', 'тис', 'thousand'].map((w) => [w, 1e3]));

/**
 * "60 тисяч гривень" is the 60,000 an English report writes in digits: a count followed by a word for thousand
 * becomes the number it stands for (and its rough term), so both spellings meet.
 */
function inThousands(tokens: Token[]): Token[] {
  return scaleCounts(tokens, THOUSAND_WORDS, false);
}

/** Words for a million, a billion and a trillion after a count ("650 mil.", "2 Mrd."), in English and Ukrainian, stemmed. */
const MAGNITUDE_WORDS = new Map<string, number>([
  ...['million', 'mln', 'mn', 'mil', 'mill', 'mio', 'мільйон', 'млн'].map((w) => [stem(w), 1e6] as const),
  ...['billion', 'bln', 'bn', 'mrd', 'мільярд', 'млрд'].map((w) => [stem(w), 1e9] as const),
  ...['trillion', 'tn', 'trn', 'trln', 'трильйон', 'трлн'].map((w) => [stem(w), 1e12] as const),
]);

/**
 * "$12 million" is not the "$12trn" of another story, and "1.2 billion" is the "1.2bn" another outlet writes: a
 * count followed by a word for its magnitude becomes the amount it stands for, as a magnitude written onto it does
 * (normaliseNumber). The word stays a term of its own.
 */
function inMagnitudes(tokens: Token[]): Token[] {
  return scaleCounts(tokens, MAGNITUDE_WORDS, true);
}
