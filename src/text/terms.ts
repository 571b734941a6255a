// Term matching for scope terms and theme keywords (contract §2): whole words or phrases,
// case-insensitive, simple inflections (see inflect.ts), Unicode word boundaries; on request a word's
// British or American spelling too (spelling.ts), and a compound however it is written: "ceasefire" finds
// "cease-fire" and "cease fire", "air strike" finds "airstrike".
// A term is compiled once; matching a text is one pass over its words with a hash lookup
// per word, so cost grows with the text, not with the number of terms.

import { UserError } from '../errors.js';
import { termWordKeys, textKeys } from './inflect.js';
import { spellingVariants } from './spelling.js';
import { tokenize, type Tokens } from './tokens.js';

export interface TermMatcher {
  /** distinct terms (as written in config) found in text */
  find(text: string): string[];
  test(text: string): boolean;
  /** like find, for text already tokenized (lets callers tokenize once for several matchers) */
  findInTokens(tokens: Tokens): string[];
  /** how many times each term occurs; terms that do not occur are absent */
  countInTokens(tokens: Tokens): Map<string, number>;
  /** every occurrence, in text order: the term and the word range [start, end) it covers */
  occurrencesInTokens(tokens: Tokens): TermOccurrence[];
}

export interface TermOccurrence {
  term: string;
  start: number;
  end: number;
}

interface Pattern {
  /** index into the distinct terms, which keeps results in config order */
  term: number;
  /** per word: the keys it may be found under */
  words: Set<string>[];
  /** gaps[j]: separator required before word j (see Tokens.gaps) */
  gaps: string[];
}

export interface CompileOptions {
  /**
   * a word also finds its other spelling ("defence" finds "defense": needs the word vectors, spelling.ts), and a
   * compound its other ways of being written ("ceasefire", "cease-fire", "cease fire")
   */
  spellings?: boolean;
}

export function compileTerms(terms: string[], opts: CompileOptions = {}): TermMatcher {
  const distinct = [...new Set(terms)];
  const byFirstKey = new Map<string, Pattern[]>();
  /** the beginnings of one-word keys that a text may write as two words ("cease" of "ceasefire") */
  const firstParts = new Set<string>();
  distinct.forEach((term, index) => {
    if (typeof term !== 'string') throw new UserError(`term ${JSON.stringify(term)} is not text: expected a word or phrase`);
    const { words, gaps } = tokenize(term);
    if (words.length === 0) throw new UserError(`term "${term}" has no letters or digits: expected a word or phrase`);
    const keysOf = (w: string) => (opts.spellings ? [w, ...spellingVariants(w)].flatMap(termWordKeys) : termWordKeys(w));
    const patterns: Pattern[] = [{ term: index, words: words.map((w) => new Set(keysOf(w))), gaps }];
    // "air strike" is also written "airstrike"
    if (opts.spellings && words.length === 2 && gaps[1] === '' && joinable(words[0], words[1])) {
      patterns.push({ term: index, words: [new Set(keysOf(words[0] + words[1]))], gaps: [''] });
    }
    for (const pattern of patterns) {
      for (const key of pattern.words[0]) {
        const list = byFirstKey.get(key);
        if (list) list.push(pattern);
        else byFirstKey.set(key, [pattern]);
        // "ceasefire" is also written "cease-fire" (or "cease fire"): the text's two words are looked up as one
        if (opts.spellings && pattern.words.length === 1) {
          for (let j = 1; j < key.length; j++) if (joinable(key.slice(0, j), key.slice(j))) firstParts.add(key.slice(0, j));
        }
      }
    }
  });

  /** calls onMatch(termIndex, wordIndex, wordCount) for every occurrence; stops when onMatch returns true */
  function scan(tokens: Tokens, onMatch: (term: number, at: number, length: number) => boolean | void): void {
    const { words, gaps } = tokens;
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      // two words written apart that a one-word term writes as one ("cease-fire" for "ceasefire"): looked up
      // after the word's own patterns, and a term found there at this word is not found again
      const apart = firstParts.has(word) && i + 1 < words.length && gaps[i + 1] === '' && joinable(word, words[i + 1]);
      const here = apart ? new Set<number>() : null;
      // a Latin word is looked up without its diacritics; only Cyrillic words have several keys
      const keys = textKeys(word);
      if (keys.length === 1 && !byFirstKey.has(keys[0]) && !apart) continue;
      // a pattern listed under several of this word's keys counts once
      const seen = keys.length > 1 ? new Set<Pattern>() : null;
      for (const key of keys) {
        const candidates = byFirstKey.get(key);
        if (!candidates) continue;
        for (const p of candidates) {
          if (seen?.has(p) || !matchesRest(p, words, gaps, i)) continue;
          seen?.add(p);
          here?.add(p.term);
          if (onMatch(p.term, i, p.words.length) === true) return;
        }
      }
      if (!here) continue;
      for (const p of byFirstKey.get(textKeys(word + words[i + 1])[0]) ?? []) {
        if (p.words.length !== 1 || here.has(p.term)) continue;
        here.add(p.term);
        if (onMatch(p.term, i, 2) === true) return;
      }
    }
  }

  function findInTokens(tokens: Tokens): string[] {
    const found = new Set<number>();
    scan(tokens, (t) => {
      found.add(t);
    });
    return [...found].sort((a, b) => a - b).map((t) => distinct[t]);
  }

  function countInTokens(tokens: Tokens): Map<string, number> {
    const counts = new Map<number, number>();
    scan(tokens, (t) => {
      counts.set(t, (counts.get(t) ?? 0) + 1);
    });
    return new Map([...counts].sort((a, b) => a[0] - b[0]).map(([t, n]) => [distinct[t], n]));
  }

  function occurrencesInTokens(tokens: Tokens): TermOccurrence[] {
    const out: TermOccurrence[] = [];
    scan(tokens, (t, at, length) => {
      out.push({ term: distinct[t], start: at, end: at + length });
    });
    return out;
  }

  return {
    find: (text) => (byFirstKey.size === 0 ? [] : findInTokens(tokenize(text))),
    test(text) {
      if (byFirstKey.size === 0) return false;
      let hit = false;
      // Paragraph by paragraph (no phrase crosses a blank line), so that a long article whose
      // title or lead matches is not tokenized to the end.
      for (const chunk of paragraphChunks(text)) {
        scan(tokenize(chunk), () => (hit = true));
        if (hit) return true;
      }
      return false;
    },
    findInTokens,
    countInTokens,
    occurrencesInTokens,
  };
}

/**
 * Two words that may be one compound written apart: two words of two letters or more ("co-operation",
 * "re-election"; never "e-mail"'s "e"), or letters and a number (a model: "F-16", "Su-35", "S-400").
 */
function joinable(first: string, second: string): boolean {
  return LETTERS.test(first) && ((first.length >= 2 && second.length >= 2 && LETTERS.test(second)) || DIGITS.test(second));
}
const LETTERS = /^\p{L}+$/u;
const DIGITS = /^\d+$/;

const CHUNK_CHARS = 2000;

/** The text cut at blank lines into pieces of about CHUNK_CHARS (a paragraph is never split). */
function* paragraphChunks(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const next = text.indexOf('\n\n', start + CHUNK_CHARS);
    const end = next < 0 ? text.length : next;
    yield text.slice(start, end);
    start = end;
  }
}

function matchesRest(p: Pattern, words: string[], gaps: string[], start: number): boolean {
  if (start + p.words.length > words.length) return false;
  for (let j = 1; j < p.words.length; j++) {
    if (gaps[start + j] !== p.gaps[j]) return false;
    const word = words[start + j];
    if (!textKeys(word).some((k) => p.words[j].has(k))) return false;
  }
  return true;
}
