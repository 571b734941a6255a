// What an item says, as BM25-weighted term vectors over its headline (counted twice), lead and the
// opening of its body: all terms, and split into "who/how much" (named entities, numbers) and
// "what happened" (every other content word).

import type { Item } from '../types.js';
import { CAPITALISED_NON_ENTITIES } from '../text/stopwords.js';
import { tokenize, type Token } from './tokenize.js';
import { findPlaces } from '../text/places.js';
import { addShortForms, type ReadText } from './short-forms.js';
import { COMMON_WORDS, findCompanions, widen } from './companions.js';
import { vectorWords } from '../text/meaning.js';
import { stem } from '../text/stem.js';
import { frequencyRank } from '../text/vectors.js';

/** Sparse vector: term ids ascending, weights L2-normalised (empty when the item has no terms). */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface ItemFeatures {
  /** every term, title weighted */
  all: SparseVector;
  /** the headline's terms alone */
  title: SparseVector;
  /** named entities and numbers: the actors, places, amounts */
  who: SparseVector;
  /** `who` without the amounts */
  named: SparseVector;
  /** a headline with no lead or text, and no amount in it: it says nothing of how many */
  noAmountGiven: boolean;
  /** `all` with the companions of its rare terms in this edition's headlines (companions.ts), for bare headlines */
  withCompanions: SparseVector;
  /** a headline with no lead or text */
  brief: boolean;
  /** a whole article (ARTICLE_TERMS terms of text or more), not a headline or a teaser */
  article: boolean;
  /** the remaining content words: the action and its object */
  what: SparseVector;
  /** what the item means (meaning.ts): a unit vector centred on the edition; null when not computed */
  meaning: Float32Array | null;
  /** ms since epoch; NaN when unknown */
  time: number;
  /** the outlet that told the item: its feed, or for an aggregator's item the publisher it names */
  outlet: string;
  /** the item's heaviest terms shared with at least one other item, for candidate blocking */
  blockingTerms: number[];
  /** per term id of the edition (shared by all items): 1 for a country's term or a word that named a place here */
  placeTerm: Uint8Array;
  /** per term id of the edition: 1 for a place of the edition's subject (subjectPlaces) */
  subjectPlace: Uint8Array;
  /** the kinds of thing its `who` terms name (NAME_KINDS bits) */
  nameKinds: number;
  /**
   * per term id of the edition (editions with bare headlines only): 1 for a word its headlines write as one of the
   * vectors' COMMON_WORDS most frequent, or a country; not a name the headlines write capitalised mid-line
   */
  commonTerm: Uint8Array;
}

/**
 * What a `who` term names (ItemFeatures.nameKinds), as bits: a person or an organisation, a place (a country, its
 * capital or people, or a word that named a place here), an amount, a year (a count from 1900 to 2099 says when,
 * not how many).
 */
export const NAME_KINDS = { named: 1, place: 2, amount: 4, year: 8 } as const;
const YEAR = /^(?:19|20)\d\d$/;

/** The headline says what the story is about more densely than the lead. */
const TITLE_WEIGHT = 2;
/** BM25 term-frequency saturation: the tenth "Ukraine" adds little. */
export const K1 = 1.2;
/**
 * IDF needs a corpus; a handful of items is not one. Below this size we pretend the corpus is this large,
 * so that a term shared by all three items of a tiny input still counts as evidence.
 */
export const MIN_CORPUS = 50;
/**
 * Terms of text (stop words left out) from which an item is a whole article rather than a headline or a teaser:
 * about 120 words, a short news report. Chosen on the tuning sets with ARTICLE_TIME_FLOOR (similarity.ts): 40 and
 * 60 alike, 100 leaves a live blog's 110-word entry out and the gain with it.
 */
export const ARTICLE_TERMS = 60;
/** How many of an item's heaviest terms are used to find its candidate neighbours. */
const BLOCKING_TERMS = 8;
/**
 * A term carried by more items than this is too common to single out one event's coverage
 * (a fixed number, not a share of the input, so blocking work grows linearly with the input).
 */
export const MAX_BLOCKING_DF = 150;

export interface RawItem {
  title: Token[];
  lead: Token[];
  body: Token[];
  /** the headline's neighbouring words joined, where they may be one name written apart (joinedPairs) */
  joined?: string[];
  /** the terms of the words that named a country, its capital or its people ("brussel", "dutch", "kyiv") */
  places: Set<string>;
  /** the words that alone named a country, lower-cased ("brussels"), with the country's code */
  placeNames: Map<string, string>;
}

/** The body beyond the lead adds evidence, but less per word, and only its opening. */
const BODY_WEIGHT = 0.5;
// Long articles tell one event from several angles: the first 3,000 characters hold most of what they share (chosen on newswcl50-dev).
const BODY_CHARS = 3000;

function leadOf(item: Item): string {
  if (item.lead && item.lead.trim()) return item.lead;
  return (item.text ?? '').slice(0, 300);
}

/** Text after the lead, cut at a word boundary. */
function bodyOf(item: Item, lead: string): string {
  const text = item.text ?? '';
  const at = lead ? text.indexOf(lead.slice(0, 60)) : -1;
  const rest = at >= 0 ? text.slice(at + lead.length) : text.slice(lead.length);
  return rest.slice(0, BODY_CHARS).replace(/\S*$/, '');
}

const WRITTEN = /[\p{L}\p{N}]+/gu;

/**
 * A country however it is named ("Dutch", "the Netherlands", "Amsterdam") is one more term: @NLD (countryTerm).
 * The terms of the words that named it are added to `places`; a word that named it alone, to `names` with its
 * country. In a headline written in lower case, a word in `known` (one the edition writes capitalised as a place)
 * is read as that place.
 */
function withPlaces(text: string, places: Set<string>, names: Map<string, string>, known?: ReadonlyMap<string, string>): Token[] {
  const tokens = tokenize(text);
  const written = text.match(WRITTEN) ?? [];
  const named = new Set<number>();
  const add = (code: string, words: string[]) => {
    tokens.push({ term: countryTerm(code), isNumber: false, capitalised: true, sentenceStart: false });
    for (const word of words) places.add(stem(word.toLowerCase()));
  };
  for (const place of findPlaces(written)) {
    const words = written.slice(place.start, place.start + place.length);
    add(place.country, words);
    for (let k = place.start; k < place.start + place.length; k++) named.add(k);
    if (place.length === 1) names.set(words[0].toLowerCase(), place.country);
  }
  if (known) {
    written.forEach((word, k) => {
      const code = named.has(k) ? undefined : known.get(word);
      if (code) add(code, [word]);
    });
  }
  return tokens;
}

/** a capital after the first word: the headline writes names capitalised */
const NAME_CAPITAL = /[\p{L}\p{N}][^\p{L}\p{N}]+.*\p{Lu}/su;

/**
 * A headline written in lower case, or with only its first word capitalised ("Trump to visit uk, meet pm"), names
 * places as the rest of the edition writes them capitalised: its words that name a place elsewhere count as that place. One word alone
 * is looked up only when capitalised (china the porcelain, polish the verb), so the edition says which are meant.
 */
function placesInLowerCaseHeadlines(items: Item[], raw: RawItem[]): void {
  const known = new Map<string, string>();
  for (const r of raw) for (const [word, code] of r.placeNames) known.set(word, code);
  if (!known.size) return;
  items.forEach((item, i) => {
    if (NAME_CAPITAL.test(item.title.trim())) return;
    raw[i].title = withPlaces(item.title, raw[i].places, new Map(), known);
  });
}

/**
 * The term for a country. "US", "U.S." and "UK" are too short for the gazetteer, but the tokenizer reads
 * them as the country (tokenize.ts); the United States and the United Kingdom however named get that same
 * term, so "US" meets "United States" and "American", "UK" meets "Britain".
 */
const ABBREVIATED_COUNTRIES: Record<string, string> = { USA: 'usa', GBR: 'uk' };
const COUNTRY_TERMS = new Set(Object.values(ABBREVIATED_COUNTRIES));

function countryTerm(code: string): string {
  return ABBREVIATED_COUNTRIES[code] ?? `@${code}`;
}

function isCountryTerm(term: string): boolean {
  return term.startsWith('@') || COUNTRY_TERMS.has(term);
}

/** What clustering reads of an item: its headline, and its lead and the opening of its body. */
function readText(item: Item): ReadText {
  const lead = leadOf(item);
  return { title: item.title, rest: `${lead}\n${bodyOf(item, lead)}` };
}

/** The tokens of an item's headline, lead and the opening of its body. */
export function itemTokens(item: Item): RawItem {
  const lead = leadOf(item);
  const places = new Set<string>();
  const placeNames = new Map<string, string>();
  return {
    title: withPlaces(item.title, places, placeNames),
    lead: withPlaces(lead, places, placeNames),
    body: BODY_WEIGHT > 0 ? withPlaces(bodyOf(item, lead), places, placeNames) : [],
    joined: joinedPairs(item.title),
    places,
    placeNames,
  };
}

const CAPITALISED = /^\p{Lu}/u;
/** What may stand between two halves of one name written apart: a space, an abbreviating point, a hyphen. */
const NAME_GAP = /^(?:\.?\s|-)$/;

/**
 * Each two neighbouring words of a headline that may be one name written apart (both capitalised, or
 * hyphenated), as the term the name would be written as one word: "Mt. Gox" → mtgox, "pin-up" → pinup.
 */
function joinedPairs(headline: string): string[] {
  const out: string[] = [];
  const text = headline.normalize('NFKC');
  let previous: RegExpMatchArray | null = null;
  for (const word of text.matchAll(/\p{L}+/gu)) {
    if (previous) {
      const gap = text.slice(previous.index! + previous[0].length, word.index);
      if (NAME_GAP.test(gap) && (gap === '-' || (CAPITALISED.test(previous[0]) && CAPITALISED.test(word[0])))) {
        out.push(stem(`${previous[0]}${word[0]}`.toLowerCase()));
      }
    }
    previous = word;
  }
  return out;
}

/** How much one occurrence counts, by where it stands (shared with the cross-script representation). */
export const PLACE_WEIGHTS = { title: TITLE_WEIGHT, lead: 1, body: BODY_WEIGHT } as const;

/**
 * A term is a named entity when, across the whole input, it is written with a capital letter
 * inside sentences at least as often as in lower case. Headlines are left out of the count
 * because Title Case capitalises every word, and so are sentences of the text written in it (a feed's
 * description that repeats the headline, a subheading). `inTitles`: the headlines alone are read, those in
 * Title Case left out (the names of an edition of bare headlines, for commonTerm).
 */
export function findEntityTerms(raw: RawItem[], inTitles = false): Set<string> {
  const capital = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const { title, lead, body } of raw) {
    for (const sentence of inTitles ? sentencesOf(title) : [...sentencesOf(lead), ...sentencesOf(body)]) {
      if (isTitleCase(sentence)) continue;
      for (const token of sentence) {
        if (token.isNumber || token.term.startsWith('@')) continue;
        if (!token.capitalised) lower.set(token.term, (lower.get(token.term) ?? 0) + 1);
        else if (!token.sentenceStart && !token.clauseStart) capital.set(token.term, (capital.get(token.term) ?? 0) + 1);
      }
    }
  }
  const entities = new Set<string>();
  for (const [term, count] of capital) {
    if (!CAPITALISED_NON_ENTITIES.has(term.replace(CONTRACTED, '')) && count >= (lower.get(term) ?? 0)) entities.add(term);
  }
  return entities;
}

/** A contraction's ending: "I'm", "I've" are the pronoun, always capitalised and never a name. */
const CONTRACTED = /['’](?:m|ve|ll|d)$/;

/** Tokens split where a sentence starts. */
function sentencesOf(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  for (const token of tokens) {
    if (token.sentenceStart || out.length === 0) out.push([]);
    out[out.length - 1].push(token);
  }
  return out;
}

/**
 * A headline written into the text ("Trump Warns Iran Over Nuclear Program"): every word has a capital, so
 * its capitals say nothing about which words are names.
 */
const TITLE_CASE_WORDS = 4;
function isTitleCase(sentence: Token[]): boolean {
  const words = sentence.filter((t) => !t.isNumber && !t.term.startsWith('@'));
  return words.length >= TITLE_CASE_WORDS && words.every((t) => t.capitalised);
}

/**
 * Whether a term is a rare word (companions.ts): written in some headline as a word outside the vectors'
 * COMMON_WORDS most frequent, or as one they do not know ("Fyffes", "MtGox"). Amounts and countries are not.
 */
function rareWords(rank: Map<number, number>, excluded: (id: number) => boolean): (id: number) => boolean {
  return (id) => (rank.get(id) ?? 0) >= COMMON_WORDS && !excluded(id);
}

/** Per term id, the vectors' frequency rank of the first headline word that gave it. */
function headlineRanks(items: Item[], termIds: Map<string, number>): Map<number, number> {
  const rank = new Map<number, number>();
  for (const item of items) {
    for (const word of vectorWords(item.title)) {
      const id = termIds.get(stem(word));
      if (id !== undefined && !rank.has(id)) rank.set(id, frequencyRank(word));
    }
  }
  return rank;
}

/** L2-normalised vector from ids (ascending) and their weights; `keep` selects which entries go in. */
export function sparse(ids: Int32Array, weights: Float64Array, keep: (k: number) => boolean): SparseVector {
  let size = 0;
  for (let k = 0; k < ids.length; k++) if (keep(k)) size++;
  const outIds = new Int32Array(size);
  const outWeights = new Float64Array(size);
  let norm = 0;
  let at = 0;
  for (let k = 0; k < ids.length; k++) {
    if (!keep(k)) continue;
    outIds[at] = ids[k];
    outWeights[at] = weights[k];
    norm += weights[k] * weights[k];
    at++;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let k = 0; k < size; k++) outWeights[k] /= norm;
  return { ids: outIds, weights: outWeights };
}

/** Cosine of two L2-normalised sparse vectors (a merge of two sorted id lists). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) sum += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * An edition about one place names it in a large share of its headlines: the tuning weeks of the war name Ukraine
 * in 36–58% of their headlines, Russia in 12–24%, Kyiv in about 10%. Those places are the edition's subject, not an
 * event's: two bare headlines that share nothing else ("Book Arsenal festival opens in Kyiv" and "The Hague's
 * last fighters reach Kyiv") are not one event by it (similarity.ts). An edition is about a place when its most
 * named place is in SUBJECT_SHARE of its headlines (the aggregator's day names none in more than 14%: China, in
 * its China trade story's 127 headlines); its subject's places are then those in SUBJECT_PLACE_SHARE of them.
 * Chosen on the tuning sets (docs/editorial.md): 0.2–0.3 and 0.1–0.15 alike; at 0.4 `g-headlines` (Ukraine in
 * 36% of its headlines) is no longer about a place; at 0.2 Russia is no longer the subject's and `g-headlines`
 * loses; without the first test, China becomes the aggregator's subject at 0.1.
 */
const SUBJECT_SHARE = 0.25;
const SUBJECT_PLACE_SHARE = 0.1;
/** Fewer items than this say nothing of what the edition is about. */
const MIN_SUBJECT_ITEMS = 20;

/** Per term id, the number of headlines that hold it. */
function headlineCounts(titleTerms: Set<number>[]): number[] {
  const counts: number[] = [];
  for (const terms of titleTerms) for (const id of terms) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

/**
 * Per term id: 1 for a place of the edition's subject (see SUBJECT_SHARE); none when it is about no place. Read from
 * the headlines (`inHeadlines`: per term id, how many hold it), which name what each item is about: an article's text
 * names many places in passing.
 */
function subjectPlaces(placeTerm: Uint8Array, inHeadlines: number[], items: number): Uint8Array {
  const subject = new Uint8Array(placeTerm.length);
  if (items < MIN_SUBJECT_ITEMS) return subject;
  let most = 0;
  for (let id = 0; id < placeTerm.length; id++) if (placeTerm[id]) most = Math.max(most, inHeadlines[id] ?? 0);
  if (most < SUBJECT_SHARE * items) return subject;
  for (let id = 0; id < placeTerm.length; id++) if (placeTerm[id] && (inHeadlines[id] ?? 0) >= SUBJECT_PLACE_SHARE * items) subject[id] = 1;
  return subject;
}

/**
 * Build the vectors of every item against the input's own term statistics.
 * Term ids follow first appearance, so callers must pass items in a canonical order (clusterItems sorts by key).
 */
export function buildFeatures(items: Item[]): ItemFeatures[] {
  const raw = items.map(itemTokens);
  placesInLowerCaseHeadlines(items, raw);
  // "ECB" meets "the European Central Bank" (short-forms.ts), in the text the item's terms come from
  addShortForms(items.map(readText), raw);
  const entities = findEntityTerms(raw);

  const termIds = new Map<string, number>();
  const whoById: boolean[] = [];
  const amountById: boolean[] = [];
  const countryById: boolean[] = [];
  const idOf = (token: Token) => {
    let id = termIds.get(token.term);
    if (id === undefined) {
      termIds.set(token.term, (id = termIds.size));
      countryById[id] = isCountryTerm(token.term);
      whoById[id] = token.isNumber || countryById[id] || entities.has(token.term);
      amountById[id] = token.isNumber;
    }
    return id;
  };

  // A name one headline writes apart counts as the one word another headline writes ("Mt. Gox" meets "MtGox",
  // "pin-up" meets "pinup"). Headlines only: where they are the whole text, a name must be found in them.
  const inHeadlines = new Set<string>();
  for (const r of raw) for (const t of r.title) if (!t.isNumber) inHeadlines.add(t.term);
  for (const r of raw) {
    for (const term of r.joined ?? []) {
      if (inHeadlines.has(term)) r.title.push({ term, isNumber: false, capitalised: true, sentenceStart: false });
    }
  }
  // Per item: distinct term ids ascending with their weighted counts.
  const df: number[] = [];
  const titleTerms = raw.map((r) => new Set(r.title.map(idOf)));
  const counts = raw.map((r) => {
    const tokenIds: number[] = [];
    const tokenWeights: number[] = [];
    const add = (tokens: Token[], weight: number) => {
      for (const t of tokens) {
        tokenIds.push(idOf(t));
        tokenWeights.push(weight);
      }
    };
    add(r.title, PLACE_WEIGHTS.title);
    add(r.lead, PLACE_WEIGHTS.lead);
    add(r.body, PLACE_WEIGHTS.body);
    const order = tokenIds.map((_, k) => k).sort((x, y) => tokenIds[x] - tokenIds[y]);
    const ids: number[] = [];
    const tf: number[] = [];
    for (const k of order) {
      if (ids.length && ids[ids.length - 1] === tokenIds[k]) tf[tf.length - 1] += tokenWeights[k];
      else {
        ids.push(tokenIds[k]);
        tf.push(tokenWeights[k]);
        df[tokenIds[k]] = (df[tokenIds[k]] ?? 0) + 1;
      }
    }
    return { ids: Int32Array.from(ids), tf };
  });

  const brief = raw.map((r) => r.lead.length + r.body.length === 0);
  // the headlines' words ranked once: the companions' rare words and the stricter clustering's common words
  const ranks = brief.some(Boolean) ? headlineRanks(items, termIds) : null;
  const companions = ranks ? findCompanions(titleTerms, rareWords(ranks, (id) => amountById[id] || countryById[id])) : new Map();

  const placeWords = new Set(raw.flatMap((r) => [...r.places]));
  const placeTerm = new Uint8Array(termIds.size);
  for (const [term, id] of termIds) if (countryById[id] || placeWords.has(term)) placeTerm[id] = 1;
  const subjectPlace = subjectPlaces(placeTerm, headlineCounts(titleTerms), items.length);
  const nameKind = new Uint8Array(termIds.size);
  for (const [term, id] of termIds) {
    if (whoById[id]) nameKind[id] = amountById[id] ? (YEAR.test(term) ? NAME_KINDS.year : NAME_KINDS.amount) : placeTerm[id] ? NAME_KINDS.place : NAME_KINDS.named;
  }
  const commonTerm = new Uint8Array(termIds.size);
  if (ranks) {
    const named = findEntityTerms(raw, true);
    for (const [term, id] of termIds) {
      const common = (ranks.get(id) ?? Infinity) < COMMON_WORDS && !amountById[id] && !named.has(term);
      if (common || countryById[id]) commonTerm[id] = 1;
    }
  }
  const corpus = Math.max(items.length, MIN_CORPUS);
  const idf = df.map((d) => Math.log(1 + (corpus - d + 0.5) / (d + 0.5)));

  return items.map((item, index) => {
    const { ids, tf } = counts[index];
    const weights = new Float64Array(ids.length);
    const blocking: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      weights[k] = ((tf[k] * (K1 + 1)) / (tf[k] + K1)) * idf[ids[k]];
      const d = df[ids[k]];
      if (d >= 2 && d <= MAX_BLOCKING_DF) blocking.push(k);
    }
    const blockingTerms = blocking
      .sort((x, y) => weights[y] - weights[x] || ids[x] - ids[y])
      .slice(0, BLOCKING_TERMS)
      .map((k) => ids[k]);
    const all = sparse(ids, weights, () => true);
    return {
      all,
      withCompanions: brief[index] ? widen(all, companions) : all,
      title: sparse(ids, weights, (k) => titleTerms[index].has(ids[k])),
      who: sparse(ids, weights, (k) => whoById[ids[k]]),
      named: sparse(ids, weights, (k) => whoById[ids[k]] && !amountById[ids[k]]),
      noAmountGiven: brief[index] && !ids.some((id) => amountById[id]),
      brief: brief[index],
      article: raw[index].lead.length + raw[index].body.length >= ARTICLE_TERMS,
      what: sparse(ids, weights, (k) => !whoById[ids[k]]),
      meaning: null,
      time: Date.parse(item.published),
      outlet: item.feedName,
      blockingTerms,
      placeTerm,
      subjectPlace,
      nameKinds: ids.reduce((bits, id) => bits | nameKind[id], 0),
      commonTerm,
    };
  });
}
