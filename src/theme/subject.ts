// The subject a digest names: its title names a country ("The Ukraine Brief", "The Kyiv Weekly Digest"), or most
// of its themes name one thing ("Russian strikes on Ukrainian towns", "Political decisions in Kyiv", "Efforts to make
// Moscow pay" are three sections of one war; "AI chips", "AI rules", "AI money" of one technology). A digest of
// distinct subjects (business, sport, health; or markets, the economy, companies and trade) names none that most of
// its themes share, however alike their words.

import type { ThemeConfig } from '../types.js';
import { findPlaces } from '../text/places.js';
import { scanWords, wordsOfRun } from '../text/tokens.js';
import { STOP_WORDS } from '../text/stopwords.js';

const CAPITALISED = /^\p{Lu}/u;
/** Where a sentence ends: the next word opens a sentence, and its capital letter names nothing. */
const SENTENCE_END = /[.:;!?]/;

/** The written words of a text, each with whether it opens a sentence. */
function writtenWords(text: string): { word: string; opens: boolean }[] {
  const out: { word: string; opens: boolean }[] = [];
  let last = 0;
  scanWords(text, (start, end) => {
    const opens = out.length === 0 || SENTENCE_END.test(text.slice(last, start));
    wordsOfRun(text, start, end).forEach((word, k) => out.push({ word, opens: opens && k === 0 }));
    last = end;
  });
  return out;
}

/**
 * The names a text gives: its countries however named (a capital or a people names its country: "Kyiv" and
 * "Ukrainian" both name UKR), and the other words written with a capital where no sentence opens ("AI", "NATO",
 * "Zelensky"). `anywhere`: a keyword list, where a capital letter is a name wherever it stands. A text written in
 * capitals throughout (Title Case) gives its countries only: there a capital letter says nothing.
 */
function namesIn(text: string, anywhere: boolean): Set<string> {
  const words = writtenWords(text);
  const names = new Set<string>();
  const inPlaces = new Uint8Array(words.length);
  for (const place of findPlaces(words.map((w) => w.word))) {
    names.add(place.country);
    inPlaces.fill(1, place.start, place.start + place.length);
  }
  const capitals = words.filter((w) => CAPITALISED.test(w.word)).length;
  if (!anywhere && capitals * 2 > words.length) return names;
  words.forEach((w, i) => {
    const lower = w.word.toLowerCase();
    if (inPlaces[i] || !CAPITALISED.test(w.word) || (w.opens && !anywhere) || STOP_WORDS.has(lower)) return;
    names.add(lower);
  });
  return names;
}

/**
 * The name that at least half of the themes (and two or more) give in their descriptions or keywords, the one most
 * give; null when none does. A title is left out: titles are often written in Title Case.
 */
export function namedSubject(themes: readonly ThemeConfig[]): string | null {
  if (themes.length < 2) return null;
  const counts = new Map<string, number>();
  for (const theme of themes) {
    const names = new Set([...namesIn(theme.description, false), ...theme.keywords.flatMap((k) => [...namesIn(k, true)])]);
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  // the most themes first, the name in alphabetical order on a tie, so the answer never depends on the order met
  const needed = Math.max(2, Math.ceil(themes.length / 2));
  const [best] = [...counts].filter(([, n]) => n >= needed).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return best ? best[0] : null;
}

/**
 * The country a digest's title names ("UKR" for "The Ukraine Brief" or "The Kyiv Weekly Digest"), or null. Only a
 * country: a title's other capitals are its Title Case, or an outlet's name ("The FT Weekly"), not a subject.
 */
export function titleSubject(title: string | undefined): string | null {
  if (!title) return null;
  return findPlaces(writtenWords(title).map((w) => w.word))[0]?.country ?? null;
}
