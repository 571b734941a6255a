// A shared representation for items in two scripts, where words never meet:
//  - anchors: numbers (150, 3,8 = 3.8, 24-й = 24th, F-16), names brought to one Latin key (Укренерго =
//    Ukrenergo, Фетешть = Fetești; translit.ts), and the lexicon's places, states and people (Стамбул = Istanbul);
//  - actions: the lexicon's domain words (обмін полоненими = prisoner swap, графіки відключень = blackout schedules);
//  - borrowed words both scripts have in the edition (візит = visit, меморандум = memorandum), counted with the
//    actions at the gates of cross-script.ts but kept out of their cosine.
// BM25-weighted like the word vectors (features.ts), headline counted twice.

import type { Item } from '../types.js';
import { conceptsOf } from './concepts.js';
import { findEntityTerms, itemTokens, K1, MAX_BLOCKING_DF, MIN_CORPUS, PLACE_WEIGHTS, sparse, type RawItem, type SparseVector } from './features.js';
import type { Token } from './tokenize.js';
import { commonPrefix, MIN_NAME_KEY, nameKey, sameName } from './translit.js';

export type Script = 'latin' | 'cyrillic';

export interface PivotFeatures {
  script: Script;
  /** numbers, names and actor concepts */
  anchors: SparseVector;
  /** action concepts */
  actions: SparseVector;
  /**
   * ids of the words both scripts borrowed that this item has, ascending: evidence of what happened that the
   * gates count with the actions, kept out of the actions' cosine, which words only some pairs share would dilute
   */
  cognates: Int32Array;
  /** ids of the anchors that single out an event (not Ukraine/Russia, not a lone digit, not carried by most items), ascending */
  specific: Int32Array;
  /** the specific anchors that are names, places and organisations, not numbers, ascending */
  specificNames: Int32Array;
  /** ids of the headline's specific anchors, actions and borrowed words, ascending: what the item is about */
  headline: Int32Array;
  /** ids of the headline's actions and borrowed words, ascending: what happened */
  headlineActions: Int32Array;
  /** a bare headline or a teaser: at most SHORT_TEXT_TERMS terms of text besides the headline */
  short: boolean;
  /** ms since epoch; NaN when unknown */
  time: number;
}

const CYRILLIC_LETTER = /\p{Script=Cyrillic}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
const ANY_CYRILLIC = /\p{Script=Cyrillic}/u;

/** The script most of the headline and lead is written in. */
export function scriptOf(item: Item): Script {
  const text = `${item.title} ${item.lead ?? ''}`;
  if (!ANY_CYRILLIC.test(text)) return 'latin';
  const cyrillic = text.match(CYRILLIC_LETTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  return cyrillic > latin ? 'cyrillic' : 'latin';
}

/** Does the input hold items of both scripts? Only then is there anything to compare across them. */
export function hasBothScripts(items: Item[]): boolean {
  let latin = false;
  let cyrillic = false;
  for (const item of items) {
    if (scriptOf(item) === 'cyrillic') cyrillic = true;
    else latin = true;
    if (latin && cyrillic) return true;
  }
  return false;
}

/** A number as both languages write it: decimal comma → point (3,8 → 3.8), no ordinal ending (24-й → 24). */
function pivotNumber(term: string): string {
  return term.replace(/^(\d+)-\p{Script=Cyrillic}{1,3}$/u, '$1').replace(/^(\d+),(\d{1,2})$/, '$1.$2');
}

/** A lone digit is too common to tell events apart; 12, 3.8, F-16 or 2027 can. */
function isSpecificNumber(n: string): boolean {
  return !/^\d$/.test(n);
}

type Kind = 'anchor' | 'specific' | 'action' | 'cognate';

/**
 * A word both languages borrowed (візит / visit, бюджет / budget, санкції / sanctions, моніторинг / monitoring)
 * counts with the actions when the edition has it in both scripts, read through the name keys (translit.ts) with з
 * as s, as Ukrainian writes the s of Latin words (президент, мобілізація). Shorter stems than this meet by chance.
 */
const MIN_COGNATE_KEY = 5;
/**
 * A text of at most this many terms (stop words left out) beside the headline is a teaser's one or two sentences:
 * like a bare headline it has room for who and where more than for what happened (cross-script.ts). Chosen on sets
 * d and e: 30 and 45 alike, 20 half the gain, 0 (bare headlines only) none.
 */
const SHORT_TEXT_TERMS = 30;
function cognateKey(term: string): string {
  return nameKey(term).replace(/z/g, 's');
}
interface PivotTerm {
  term: string;
  kind: Kind;
}

/**
 * What one token contributes to the shared representation. Names come back as `name:<key>` with the
 * key still in the item's own transliteration; keys are unified across scripts afterwards.
 */
function pivotTerms(token: Token, cyrillicWord: boolean, isName: boolean): PivotTerm[] {
  if (token.isNumber) {
    const n = pivotNumber(token.term);
    return [{ term: `n:${n}`, kind: isSpecificNumber(n) ? 'specific' : 'anchor' }];
  }
  const concepts = conceptsOf(token.term, cyrillicWord);
  if (concepts.length) {
    return concepts.map((c) => ({
      term: `c:${c.id}`,
      kind: c.actor ? (c.general ? 'anchor' : 'specific') : 'action',
    }));
  }
  if (!isName) {
    const cognate = cognateKey(token.term);
    return cognate.length >= MIN_COGNATE_KEY ? [{ term: `cog:${cognate}`, kind: 'cognate' }] : [];
  }
  const key = nameKey(token.term);
  return key.length >= MIN_NAME_KEY ? [{ term: `name:${key}`, kind: 'specific' }] : [];
}

/**
 * Name keys from Cyrillic words are mapped onto the matching Latin-script key (sameName), so that
 * both sides share one term. Latin keys are bucketed by their first letters to keep this linear.
 */
function unifyNames(cyrillicKeys: Set<string>, latinKeys: Set<string>): Map<string, string> {
  const buckets = new Map<string, string[]>();
  for (const key of [...latinKeys].sort()) {
    const bucket = key.slice(0, MIN_NAME_KEY);
    const list = buckets.get(bucket);
    if (list) list.push(key);
    else buckets.set(bucket, [key]);
  }
  const mapping = new Map<string, string>();
  for (const key of cyrillicKeys) {
    if (latinKeys.has(key)) continue;
    // The closest spelling wins (longest common beginning; the first in sort order on a tie).
    let best: string | undefined;
    for (const latin of buckets.get(key.slice(0, MIN_NAME_KEY)) ?? []) {
      if (sameName(key, latin) && (best === undefined || commonPrefix(key, latin) > commonPrefix(key, best))) best = latin;
    }
    if (best !== undefined) mapping.set(key, best);
  }
  return mapping;
}

const isCyrillicWord = (term: string) => ANY_CYRILLIC.test(term);

/** Shared-representation vectors of every item, against the input's own statistics (items in canonical order). */
export function buildPivots(items: Item[]): PivotFeatures[] {
  const scripts = items.map(scriptOf);
  const raw: RawItem[] = items.map(itemTokens);
  const entities = findEntityTerms(raw);

  // Pass 1: terms per item, weighted by where they stand.
  const perItem = raw.map((r, index) => {
    // `unsure`: a name read from a headline's capitals alone, kept only where the other script names it too
    const terms: { term: string; kind: Kind; weight: number; headline: boolean; unsure?: boolean; twin?: number }[] = [];
    const foreignScript = scripts[index] === 'cyrillic';
    // A headline in sentence case capitalises its names only ("Lithuania's Budrys in Kyiv: Vilnius to keep paying for
    // Starlink", "Ракетний удар по Полтаві"): across scripts they are the anchors a bare headline has, and the
    // edition's name finding (features.ts) reads none from bare headlines.
    const sentenceCase = !r.title.filter((t) => !t.isNumber && !t.term.startsWith('@')).every((t) => t.capitalised);
    for (const place of ['title', 'lead', 'body'] as const) {
      for (const token of r[place]) {
        const cyrillicWord = isCyrillicWord(token.term);
        // A Latin word inside a Ukrainian text (ATACMS, Patriot, IRIS-T) is a name.
        const named = entities.has(token.term) || (foreignScript && !cyrillicWord && token.term.length >= 3);
        const headlineName = !named && place === 'title' && sentenceCase && token.capitalised && !token.sentenceStart && !token.isNumber;
        const found = pivotTerms(token, cyrillicWord, named || headlineName);
        for (const t of found) {
          terms.push({ ...t, weight: PLACE_WEIGHTS[place], headline: place === 'title', ...(headlineName && t.term.startsWith('name:') ? { unsure: true } : {}) });
        }
        // the capital of a headline's first word says nothing, so it may be a name too ("Магучіх виграла…" beside
        // "Ukraine's Mahuchikh clears 2.02m"): kept, like the other names read from capitals, only where the other script names it
        const firstWord = !named && place === 'title' && sentenceCase && token.capitalised && token.sentenceStart && !token.isNumber;
        if (firstWord && found.every((t) => t.kind === 'cognate')) {
          // the name and the borrowed word it would otherwise be are one word: whichever is kept, the other goes
          const twin = found.length ? terms.length - found.length : undefined;
          for (const t of pivotTerms(token, cyrillicWord, true)) terms.push({ ...t, weight: PLACE_WEIGHTS[place], headline: true, unsure: true, twin });
        }
      }
    }
    return terms;
  });

  const cyrillicKeys = new Set<string>();
  const latinKeys = new Set<string>();
  const cyrillicCognates = new Set<string>();
  const latinCognates = new Set<string>();
  perItem.forEach((terms, index) => {
    const cyrillic = scripts[index] === 'cyrillic';
    for (const t of terms) {
      if (t.term.startsWith('name:')) (cyrillic ? cyrillicKeys : latinKeys).add(t.term);
      else if (t.term.startsWith('cog:')) (cyrillic ? cyrillicCognates : latinCognates).add(t.term.slice(4));
    }
  });
  const unified = unifyNames(
    new Set([...cyrillicKeys].map((k) => k.slice(5))),
    new Set([...latinKeys].map((k) => k.slice(5))),
  );
  // a borrowed word counts only where the other script has it too: the rest can meet nothing
  const cognates = unifyNames(cyrillicCognates, latinCognates);
  const sharedCognates = new Set([...latinCognates].filter((k) => cyrillicCognates.has(k)).concat([...cognates.values()]));
  const crossKeys = new Set([...latinKeys].map((k) => k.slice(5)).filter((k) => cyrillicKeys.has(`name:${k}`)).concat([...unified.values()]));
  /** a `name:` term the other script names too */
  const namedByBoth = (term: string) => {
    const key = term.slice(5);
    return crossKeys.has(unified.get(key) ?? key);
  };
  for (const terms of perItem) {
    // a first word kept as a name is not also a borrowed word (its twin); one not kept stays the borrowed word it is
    const twins = new Set(terms.flatMap((t) => (t.twin !== undefined && namedByBoth(t.term) ? [t.twin] : [])));
    for (let k = terms.length - 1; k >= 0; k--) {
      const t = terms[k];
      if (twins.has(k)) {
        terms.splice(k, 1);
        continue;
      }
      if (t.unsure) {
        if (!namedByBoth(t.term)) terms.splice(k, 1);
        continue;
      }
      if (!t.term.startsWith('cog:')) continue;
      const key = cognates.get(t.term.slice(4)) ?? t.term.slice(4);
      if (sharedCognates.has(key)) t.term = `cog:${key}`;
      else terms.splice(k, 1);
    }
  }

  // Pass 2: ids, document frequencies, BM25 weights.
  const termIds = new Map<string, number>();
  const kindById: Kind[] = [];
  const df: number[] = [];
  const headlines: Int32Array[] = [];
  const headlineActions: Int32Array[] = [];
  const counts = perItem.map((terms) => {
    const tf = new Map<number, number>();
    const headline = new Set<number>();
    for (const t of terms) {
      const term = t.term.startsWith('name:') ? `name:${unified.get(t.term.slice(5)) ?? t.term.slice(5)}` : t.term;
      let id = termIds.get(term);
      if (id === undefined) {
        termIds.set(term, (id = termIds.size));
        kindById[id] = t.kind;
      }
      tf.set(id, (tf.get(id) ?? 0) + t.weight);
      if (t.headline && t.kind !== 'anchor') headline.add(id);
    }
    headlines.push(Int32Array.from(headline).sort());
    headlineActions.push(Int32Array.from([...headline].filter((id) => kindById[id] === 'action' || kindById[id] === 'cognate')).sort());
    for (const id of tf.keys()) df[id] = (df[id] ?? 0) + 1;
    return tf;
  });

  const numberIds = new Set([...termIds].flatMap(([term, id]) => (term.startsWith('n:') ? [id] : [])));
  const corpus = Math.max(items.length, MIN_CORPUS);
  return items.map((item, index) => {
    const entries = [...counts[index].entries()].sort((x, y) => x[0] - y[0]);
    const ids = Int32Array.from(entries.map(([id]) => id));
    const weights = Float64Array.from(entries.map(([id, tf]) => {
      const idf = Math.log(1 + (corpus - df[id] + 0.5) / (df[id] + 0.5));
      return ((tf * (K1 + 1)) / (tf + K1)) * idf;
    }));
    const specific = ids.filter((id) => kindById[id] === 'specific' && df[id] <= MAX_BLOCKING_DF);
    return {
      script: scripts[index],
      anchors: sparse(ids, weights, (k) => kindById[ids[k]] === 'anchor' || kindById[ids[k]] === 'specific'),
      actions: sparse(ids, weights, (k) => kindById[ids[k]] === 'action'),
      cognates: ids.filter((id) => kindById[id] === 'cognate'),
      specific,
      specificNames: specific.filter((id) => !numberIds.has(id)),
      headline: headlines[index],
      headlineActions: headlineActions[index],
      short: raw[index].lead.length + raw[index].body.length <= SHORT_TEXT_TERMS,
      time: Date.parse(item.published),
    };
  });
}
