// The story's face: the item closest to all the others (the medoid), so the headline is
// the one most sources would agree with rather than the first or the longest. A headline that asks
// ("… what next?") is the face only when every headline of the story asks, and a title that is a sentence of
// the report in the headline's place (some feeds put their teaser there: "In an interview, the Philly Fed's new
// president shows support for Fed Chair Jerome Powell and says rate cuts can wait") only when no other item has
// a headline. An opinion piece ("Opinion | …", an address under /opinion/) argues about what the reports tell: it is
// the face only when the story has no report, not even one that asks.

import type { Cluster, Item } from '../types.js';
import { scriptOf } from './pivot.js';
import { tokenize } from './tokenize.js';
import { isQuestionHeadline } from '../text/question.js';
import { isOpinionPiece } from '../text/opinion.js';
import type { ReaderLanguage } from '../text/script-language.js';

function termCounts(item: Item): Map<string, number> {
  const counts = new Map<string, number>();
  // headline counted twice, as in clustering
  for (const t of tokenize(item.title)) counts.set(t.term, (counts.get(t.term) ?? 0) + 2);
  for (const t of tokenize(item.lead || (item.text ?? '').slice(0, 300))) counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
  return counts;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [term, x] of a) {
    na += x * x;
    const y = b.get(term);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Order of preference among equally central items: one with a link, more text, earlier, smaller key. */
function preferred(a: Item, b: Item): number {
  if (!!a.url !== !!b.url) return a.url ? -1 : 1;
  if ((a.text ?? '').length !== (b.text ?? '').length) return (b.text ?? '').length - (a.text ?? '').length;
  if (a.published !== b.published) return a.published < b.published ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The reports in the reader's language, when the story has any: a German reader's story told in German and in
 * English is headlined in German (and an English reader's in English), however many reports each language has.
 */
function inReaderLanguage(items: Item[], reader: ReaderLanguage | undefined): Item[] | null {
  if (!reader) return null;
  const own = items.filter((item) => reader.languageOf(item) === reader.language);
  return own.length > 0 ? own : null;
}

/**
 * A story told in English and in Ukrainian, none of it in the reader's language, is headlined in the script most of
 * its items use, so a lone Ukrainian report never gives an English story its title (or the reverse); on a tie, Latin.
 */
function inMainScript(items: Item[]): Item[] {
  const cyrillic = items.filter((item) => scriptOf(item) === 'cyrillic');
  if (cyrillic.length === 0 || cyrillic.length === items.length) return items;
  return cyrillic.length > items.length - cyrillic.length ? cyrillic : items.filter((item) => scriptOf(item) === 'latin');
}

/**
 * More words than a headline has: the feed put a sentence of the report in the title's place. Headlines run to
 * 8–14 words; of a real week's 246 titles from five feeds (FT, WSJ, NYT, The Economist), the 24 over 16 words are
 * all WSJ Economy's teaser sentences, and only one headline has 17.
 */
const MAX_HEADLINE_WORDS = 17;

function readsAsHeadline(item: Item): boolean {
  return item.title.trim().split(/\s+/u).length <= MAX_HEADLINE_WORDS;
}

/** The items that pass `test`, or all of them when none does. */
function preferring(items: Item[], test: (item: Item) => boolean): Item[] {
  const kept = items.filter(test);
  return kept.length > 0 ? kept : items;
}

/**
 * The cluster's most representative item (its title becomes the story title; its url the story url), among its
 * reports in the reader's language when it has some.
 */
export function representative(cluster: Cluster, reader?: ReaderLanguage): Item {
  if (cluster.items.length === 0) throw new RangeError('representative: the cluster has no items; expected at least one');
  const inScript = inReaderLanguage(cluster.items, reader) ?? inMainScript(cluster.items);
  // a report that asks before an opinion piece that argues: it still tells the story's events
  const told = preferring(preferring(inScript, (item) => !isOpinionPiece(item)), (item) => !isQuestionHeadline(item.title));
  const headlines = told.filter(readsAsHeadline);
  const candidates = headlines.length > 0 ? headlines : told;
  if (told.length <= 2) return [...candidates].sort(preferred)[0];
  // the face is central to what the story's reports tell, sentences in a title's place included
  const vectors = told.map(termCounts);
  const centrality = vectors.map((v, i) => vectors.reduce((sum, w, j) => (i === j ? sum : sum + cosine(v, w)), 0));
  const eligible = told.flatMap((item, i) => (headlines.length === 0 || readsAsHeadline(item) ? [i] : []));
  // Scores within 1% count as a tie, so rounding noise does not decide the headline.
  const best = Math.max(...eligible.map((i) => centrality[i]));
  const contenders = eligible.filter((i) => centrality[i] >= best * 0.99).map((i) => told[i]);
  return contenders.sort(preferred)[0];
}

/**
 * The story's link: its representative's, else that of the most representative item with one (a feed may give an
 * item no link). The title stays the representative's.
 */
export function representativeUrl(cluster: Cluster, rep: Item = representative(cluster)): string | null {
  if (rep.url) return rep.url;
  const linked = cluster.items.filter((item) => item.url);
  return linked.length > 0 ? representative({ items: linked }).url : null;
}
