// Look up the lexicon's concepts for one stemmed word (lexicon.ts has the data and its matching rules).

import { CONCEPTS, type Concept } from './lexicon.js';
import { stem } from '../text/stem.js';

/** Shortest Ukrainian entry that matches as a word beginning rather than a whole stem. */
const MIN_PREFIX = 5;
/** Shortest stem of such an entry that still stands for it alone. */
const MIN_STEM = 4;

interface Index {
  exact: Map<string, Concept[]>;
  prefix: Map<string, Concept[]>;
}

function add(map: Map<string, Concept[]>, key: string, concept: Concept): void {
  const list = map.get(key);
  if (!list) map.set(key, [concept]);
  else if (!list.includes(concept)) list.push(concept);
}

function buildIndex(side: 'en' | 'uk'): Index {
  const index: Index = { exact: new Map(), prefix: new Map() };
  for (const concept of CONCEPTS) {
    for (const entry of concept[side]) {
      if (side === 'en') {
        if (entry.endsWith('*')) add(index.prefix, entry.slice(0, -1), concept);
        else add(index.exact, stem(entry), concept);
      } else if (entry.startsWith('=')) add(index.exact, entry.slice(1), concept);
      else if (entry.endsWith('*')) add(index.prefix, entry.slice(0, -1), concept);
      else if (entry.length >= MIN_PREFIX) {
        add(index.prefix, entry, concept);
        // the stemmer takes a word's own ending for a case ending (Харків → харк, вогню → вогн): an entry also
        // matches the word it stems to, unless that stem is short enough to be another word's (білий → біл)
        const stemmed = stem(entry);
        if (stemmed.length >= MIN_STEM) add(index.exact, stemmed, concept);
      } else add(index.exact, entry, concept);
    }
  }
  return index;
}

const INDEX = { en: buildIndex('en'), uk: buildIndex('uk') };

/** Concepts a stemmed, lower-cased word stands for (none for most words). */
export function conceptsOf(term: string, cyrillic: boolean): readonly Concept[] {
  const index = cyrillic ? INDEX.uk : INDEX.en;
  const found: Concept[] = [...(index.exact.get(term) ?? [])];
  // Every beginning of the word that is an entry: at most one lookup per letter.
  for (let end = term.length; end >= 3; end--) {
    for (const concept of index.prefix.get(term.slice(0, end)) ?? []) if (!found.includes(concept)) found.push(concept);
  }
  return found;
}
