// Countries and their many names, from the world-countries data package (ODbL): common and official names,
// other spellings, capitals and demonyms. "The Netherlands", "Dutch" and "Amsterdam" all name NLD, so two
// reports that call one country differently still share a term. Capitalised words are looked up (china the
// porcelain, turkey the bird stay words); a headline written in lower case still names "united kingdom" or
// "south korea": a country's name of two words or more is found in any case.

import { createRequire } from 'node:module';

interface CountryRecord {
  cca3: string;
  unMember?: boolean;
  independent?: boolean;
  name: { common: string; official: string };
  altSpellings?: string[];
  capital?: string[];
  demonyms?: { eng?: { f?: string; m?: string } };
}

export interface PlaceMatch {
  /** ISO 3166-1 alpha-3 code of the country the words name */
  country: string;
  /** index of the first word and how many words the name spans */
  start: number;
  length: number;
}

const MAX_WORDS = 4;
const CAPITAL = /^\p{Lu}/u;
const STATE_FORM = /^.*\b(?:republic|kingdom|state|commonwealth|federation|principality|duchy|emirate|sultanate) of (?:the )?/i;

/** When two countries share a name ("Dutch": the Netherlands and the Caribbean Netherlands), the UN member wins. */
function standing(c: CountryRecord): number {
  return (c.unMember ? 2 : 0) + (c.independent ? 1 : 0);
}

let index: Map<string, string> | null = null;
/**
 * Names found in lower case too: a country's own names of two words or more, not its capital or people
 * ("the valley", "george town", "central african" are also ordinary words).
 */
let anyCase: Set<string> | null = null;
/** first word of a name → the most words a name starting with it has */
let firstWords: Map<string, number> | null = null;

function surfaceForms(c: CountryRecord): string[] {
  const forms = [c.name.common, c.name.official, ...(c.altSpellings ?? []), ...(c.capital ?? [])];
  for (const d of [c.demonyms?.eng?.f, c.demonyms?.eng?.m]) if (d) forms.push(d);
  // "Washington D.C." is "Washington" in the news; "The Netherlands" also without its article.
  // "Republic of Turkey" is also "Turkey".
  return forms.flatMap((f) => [f, f.replace(/\s+D\.?C\.?$/i, ''), f.replace(/^the\s+/i, ''), f.replace(STATE_FORM, '')]);
}

/** Lower-cased name (words joined by one space) → country code. */
export function placeIndex(): Map<string, string> {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as CountryRecord[];
  const best = new Map<string, { code: string; standing: number; tied: boolean }>();
  anyCase = new Set();
  for (const c of countries) {
    for (const name of [c.name.common, c.name.official, ...(c.altSpellings ?? [])]) {
      const key = words(name.replace(/^the\s+/i, '')).join(' ');
      if (key.includes(' ')) anyCase.add(key);
    }
    for (const form of surfaceForms(c)) {
      // Two-letter codes (NL, UA) and very short forms collide with ordinary words and initials.
      if (form.replace(/[^\p{L}]/gu, '').length < 3) continue;
      const key = words(form).join(' ');
      if (!key.split(' ').some((w) => w.length >= 3 && w !== 'the' && w !== 'and')) continue;
      const seen = best.get(key);
      const mine = standing(c);
      if (!seen || mine > seen.standing) best.set(key, { code: c.cca3, standing: mine, tied: false });
      else if (mine === seen.standing && seen.code !== c.cca3) seen.tied = true;
    }
  }
  // A name two equal countries share says nothing about which one is meant.
  const map = new Map<string, string>();
  for (const [key, entry] of best) if (!entry.tied) map.set(key, entry.code);
  for (const key of anyCase) if (!map.has(key)) anyCase.delete(key);
  firstWords = new Map();
  for (const key of map.keys()) {
    const parts = key.split(' ');
    firstWords.set(parts[0], Math.max(firstWords.get(parts[0]) ?? 0, parts.length));
  }
  index = map;
  return map;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Country names in a sequence of words (as written: the capital letter is checked on the first word).
 * Longest name first; matches do not overlap.
 */
export function findPlaces(written: string[]): PlaceMatch[] {
  const map = placeIndex();
  const starts = firstWords!;
  const out: PlaceMatch[] = [];
  for (let i = 0; i < written.length; i++) {
    const capital = CAPITAL.test(written[i]);
    const longest = starts.get(written[i].toLowerCase());
    if (longest === undefined) continue;
    for (let n = Math.min(longest, MAX_WORDS, written.length - i); n >= (capital ? 1 : 2); n--) {
      const key = written.slice(i, i + n).join(' ').toLowerCase();
      const country = capital || anyCase!.has(key) ? map.get(key) : undefined;
      if (country) {
        out.push({ country, start: i, length: n });
        i += n - 1;
        break;
      }
    }
  }
  return out;
}
