// One outlet writes "the European Central Bank", another "the ECB"; "World Health Organization" and "WHO",
// "United Arab Emirates" and "UAE", "International Atomic Energy Agency" and "IAEA". The edition itself says
// which short forms stand for which names: a word written in capitals (3–6 letters) somewhere in it, and
// somewhere a whole name, a run of capitalised words ("of", "for", "and", "the" may join them), whose initials
// spell it. An item that writes the name in full also gets the short form's term, so the two meet. Nothing is
// listed by hand, and a short form that no item spells out adds nothing. Only a whole run counts: in a name of
// many words ("Senate Majority Leader Chuck Schumer") or a headline in Title Case, three neighbouring initials
// spell some short form of a large edition by chance.

import type { Item } from '../types.js';
import { tokenize, type Token } from './tokenize.js';

const SHORT_FORM = /(?<![\p{L}\p{N}])\p{Lu}{3,6}(?![\p{L}\p{N}])/gu;
/** a capitalised word, or a small word that joins the words of a name */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’-]*|of|for|and|the|de)$/u;
const CONNECTOR = /^(?:of|for|and|the|de)$/;
/** how much of an item's text is searched: the part clustering reads (features.ts) */
const TEXT_CHARS = 3300;

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
export function addShortForms(items: Item[], raw: Parts[]): void {
  const texts = items.map((item) => ({ title: item.title, rest: `${item.lead}\n${(item.text ?? '').slice(0, TEXT_CHARS)}` }));
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

/**
 * The short forms a text spells out: each maximal run of capitalised words (joined by "of", "for", "and", "the",
 * "de"; a leading "The" left out), whose initials, without or with the joining words', are a short form.
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
  // words and what stands between them: a run ends at any punctuation but a hyphen or an apostrophe
  for (const part of text.normalize('NFKC').split(/([^\p{L}\p{M}\p{N}'’-]+)/u)) {
    if (part === '') continue;
    if (/^[^\p{L}\p{M}\p{N}'’-]+$/u.test(part)) {
      if (!/^\s+$/u.test(part)) flush();
      continue;
    }
    // a word in capitals is a short form itself, not part of a name
    if (NAME_WORD.test(part) && !(part.length > 1 && part === part.toUpperCase())) run.push(part);
    else flush();
  }
  flush();
  return out;
}
