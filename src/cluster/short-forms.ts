// One outlet writes "the European Central Bank", another "the ECB"; "World Health Organization" and "WHO",
// "United Arab Emirates" and "UAE", "International Atomic Energy Agency" and "IAEA". The edition itself says
// which short forms stand for which names: a word written in capitals (3–6 letters) somewhere in it, and
// somewhere a whole name, a run of capitalised words ("of", "for", "and", "the" may join them), whose initials
// spell it. An item that writes the name in full also gets the short form's term, so the two meet. Nothing is
// listed by hand, and a short form that no item spells out adds nothing. Only a whole run counts: in a name of
// many words ("Senate Majority Leader Chuck Schumer") or a headline in Title Case, three neighbouring initials
// spell some short form of a large edition by chance.

import { tokenize, type Token } from './tokenize.js';
import { scanWords } from '../text/tokens.js';

const SHORT_FORM = /(?<![\p{L}\p{N}])\p{Lu}{3,6}(?![\p{L}\p{N}])/gu;
/** a capitalised word, or a small word that joins the words of a name */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’-]*|of|for|and|the|de)$/u;
const CONNECTOR = /^(?:of|for|and|the|de)$/;

/** The text of an item clustering reads (features.ts): its headline, and its lead and the opening of its body. */
export interface ReadText {
  title: string;
  rest: string;
}

interface Parts {
  title: Token[];
  lead: Token[];
  body: Token[];
}

/**
 * The term a short form is read as: its own term ("ECB" → ecb), or, for a short form that is a stop word as a
 * word ("WHO"), a term of its own in capitals, which the items that write it get too.
 */
function shortFormTerm(word: string): { term: string; own: boolean } {
  const tokens = tokenize(word);
  return tokens.length === 1 ? { term: tokens[0].term, own: false } : { term: word, own: true };
}

/** Adds to each item the short forms of the names it spells out (features.ts, before terms are counted). */
export function addShortForms(texts: ReadText[], raw: Parts[]): void {
  const written = texts.map((t) => new Set(`${t.title}\n${t.rest}`.match(SHORT_FORM) ?? []));
  const forms = new Map<string, { term: string; own: boolean }>();
  for (const words of written) for (const word of words) if (!forms.has(word)) forms.set(word, shortFormTerm(word));
  if (forms.size === 0) return;
  const byInitials = new Map<string, string>();
  for (const word of forms.keys()) byInitials.set(word.toLowerCase(), word);

  const spelled = texts.map((t) => ({ title: spelledOut(t.title, byInitials), rest: spelledOut(t.rest, byInitials) }));
  const spelledSomewhere = new Set(spelled.flatMap((s) => [...s.title, ...s.rest]));
  raw.forEach((parts, i) => {
    const has = new Set([...parts.title, ...parts.lead, ...parts.body].map((t) => t.term));
    const add = (word: string, into: Token[]) => {
      const { term } = forms.get(word)!;
      if (has.has(term)) return;
      has.add(term);
      into.push({ term, isNumber: false, capitalised: true, sentenceStart: false });
    };
    for (const word of spelled[i].title) add(word, parts.title);
    for (const word of spelled[i].rest) add(word, parts.lead);
    // a short form with a term of its own ("WHO") is added where it is written too, once some item spells it out
    // (a word of a line in capitals, "THE", "WHAT", is spelled out by none)
    for (const word of written[i]) if (forms.get(word)!.own && spelledSomewhere.has(word)) add(word, parts.title);
  });
}

/** What may stand inside one written word between two runs of letters: "Anglo-Dutch", "O'Brien", "Ukraine's". */
const JOINER = /^[-'’]$/u;
/** A gap that keeps a name's run going: spaces, after a plural possessive's apostrophe ("Veterans' Affairs"). */
const SPACE = /^['’]?\s+$/u;

/**
 * The short forms a text spells out: each maximal run of capitalised words (joined by "of", "for", "and", "the",
 * "de"; a leading "The" left out), whose initials, without or with the joining words', are a short form. Words are
 * read through the tokenizers' one scan (text/tokens.ts); any punctuation but spaces ends a run.
 */
function spelledOut(text: string, byInitials: Map<string, string>): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    while (run.length && CONNECTOR.test(run[run.length - 1])) run.pop();
    while (run.length && CONNECTOR.test(run[0].toLowerCase())) run.shift();
    if (run.length >= 2) {
      const main = run.filter((w) => !CONNECTOR.test(w)).map((w) => w[0].toLowerCase()).join('');
      const all = run.map((w) => w[0].toLowerCase()).join('');
      for (const initials of new Set([main, all])) {
        const form = byInitials.get(initials);
        if (form) out.push(form);
      }
    }
    run = [];
  };
  // a written word: runs of word characters with only a joiner between them
  const s = text.normalize('NFKC');
  let unitStart = -1;
  let unitEnd = -1;
  const units: [number, number][] = [];
  scanWords(s, (start, end) => {
    if (unitStart >= 0 && JOINER.test(s.slice(unitEnd, start))) {
      unitEnd = end;
      return;
    }
    if (unitStart >= 0) units.push([unitStart, unitEnd]);
    unitStart = start;
    unitEnd = end;
  });
  if (unitStart >= 0) units.push([unitStart, unitEnd]);
  let previousEnd = -1;
  for (const [start, end] of units) {
    if (previousEnd >= 0 && !SPACE.test(s.slice(previousEnd, start))) flush();
    previousEnd = end;
    const word = s.slice(start, end);
    // a word in capitals is a short form itself, not part of a name
    if (NAME_WORD.test(word) && !(word.length > 1 && word === word.toUpperCase())) run.push(word);
    else flush();
  }
  flush();
  return out;
}
