// A story told only in headlines (feeds with no description, as many aggregators and some outlets serve)
// has no sentence to summarise, but its other outlets' headlines say more than the one chosen as its
// title: who acted, a figure, another angle ("Mt. Gox files for US bankruptcy to halt class action",
// "Hackers claim Mt. Gox chief held stolen bitcoins"). The summary is then up to two of those headlines,
// each as a sentence: the ones most of the other headlines agree with, each adding words the title and
// the first do not have (redundancy.ts repeatsTitle, as for sentences). A headline cut short by the feed
// ("… Dogecoin ..."), a question, an opinion piece's headline (it argues; text/opinion.ts) and a label of a few
// words are left out; one in Title Case reads as a label rather than a sentence, so a sentence-case one that says
// as much comes first.

import type { Item } from '../types.js';
import { tokenize } from '../text/tokens.js';
import { contentStems } from '../text/words.js';
import { hasFurnitureWords } from '../text/furniture.js';
import { isQuestionHeadline } from '../text/question.js';
import { isOpinionPiece } from '../text/opinion.js';
import { withoutHeadlineMarks } from '../text/headline-marks.js';
import { withoutLeadingPictographs } from '../text/pictographs.js';
import { factsOf, type Candidate } from './candidates.js';
import { isRedundant, repeatsTitle } from './redundancy.js';
import { fullStopFor, joinSentences } from '../text/sentences.js';

const MAX_HEADLINES = 2;
/** a cut headline ends in an ellipsis, or breaks off after a colon, comma or dash ('Ukraine downs 70 drones, says air force:') */
const CUT = /(?:\.\.\.|…|[:;,–—-])\s*$/u;
/** fewer words than this are a label ("Ukraine at crossroads"), not a report */
const MIN_WORDS = 5;

export function headlineSummary(items: Item[], titleStems: Set<string>, titleKey: string, limits: { sentences: number; chars: number }): string {
  const seen = new Set<string>();
  const headlines: Candidate[] = [];
  items.forEach((item, index) => {
    const title = withoutHeadlineMarks(withoutLeadingPictographs(item.title.trim()).replace(/\s+/g, ' '));
    if (CUT.test(title) || isQuestionHeadline(title) || isOpinionPiece(item)) return;
    const words = tokenize(title).words;
    if (words.length < MIN_WORDS) return;
    const key = words.join(' ');
    if (!key || seen.has(key)) return;
    seen.add(key);
    const stems = new Set(contentStems(words));
    if (stems.size === 0) return;
    headlines.push({ text: asSentence(title), stems, facts: factsOf(stems, words), key, item: index, position: 0, score: 0 });
  });
  if (headlines.length < 2) return '';

  // how many of the other headlines use each word: what the outlets agree on is the story
  const df = new Map<string, number>();
  for (const h of headlines) for (const s of h.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const others = headlines.length - 1;
  for (const h of headlines) h.score = [...h.stems].reduce((sum, s) => sum + (df.get(s)! - 1) / others, 0) / h.stems.size;
  const titleCase = (h: Candidate) => (isTitleCase(h.text) ? 1 : 0);
  headlines.sort((a, b) => titleCase(a) - titleCase(b) || b.score - a.score || a.item - b.item);

  const chosen: Candidate[] = [];
  const known = new Set(titleStems);
  let length = 0;
  for (const h of headlines) {
    if (chosen.length === Math.min(MAX_HEADLINES, limits.sentences)) break;
    if (repeatsTitle(h, known, titleKey) || hasFurnitureWords(h.text) || isRedundant(h, chosen)) continue;
    const added = length + (chosen.length > 0 ? 1 : 0) + h.text.length;
    if (added > limits.chars) continue;
    chosen.push(h);
    for (const s of h.stems) known.add(s);
    length = added;
  }
  return joinSentences(chosen.map((h) => h.text));
}

/** A headline as a sentence: its own closing mark, or a full stop (。 after Chinese or Japanese). */
function asSentence(headline: string): string {
  return /[.!?…。！？؟۔]["”’)」』]?$/u.test(headline) ? headline : `${headline}${fullStopFor(headline)}`;
}

/** Every word of four letters or more capitalised: "Mt. Gox Files For US Chapter 15 Bankruptcy". */
function isTitleCase(text: string): boolean {
  const long = text.match(/\p{L}{4,}/gu) ?? [];
  return long.length >= 3 && long.every((w) => /^\p{Lu}/u.test(w));
}
