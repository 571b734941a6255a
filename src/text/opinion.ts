// An opinion piece, a column or a letter argues about the news; it does not report it. Outlets say so in the
// title's label ("Opinion | …", "Comment: …", "Editorial: …") or in the section of the address ("/opinion/",
// "/commentisfree/", "/opinions/"). Beside a report of the same events it is not the story's face.

import type { Item } from '../types.js';
import { urlSectionWords } from './url-section.js';

/** A label naming the piece's kind before the headline, with its separator: "Opinion | ", "OPINION: ", "Op-Ed — ". */
const LABEL = /^(?:opinion|comment|commentary|editorial|op-?ed|column|letters?|guest (?:essay|column)|viewpoint|perspective)\s*[|:–—]\s*(?=\S)/iu;
/** Section words of an address that file a page under opinion (text/url-section.ts reads them). */
const SECTIONS = new Set(['opinion', 'opinions', 'commentisfree', 'comment', 'commentary', 'editorial', 'editorials', 'oped', 'op', 'columns', 'letters']);

export function isOpinionPiece(item: Pick<Item, 'title' | 'url' | 'canonicalUrl'>): boolean {
  if (LABEL.test(item.title.trim())) return true;
  return urlSectionWords(item.url ?? item.canonicalUrl).some((word) => SECTIONS.has(word));
}

/**
 * The headline without the label naming it an opinion piece ("Opinion | Iran's Line on the Protests" → "Iran's Line on the
 * Protests"); any other headline as it is. The label is the outlet's filing, not what the piece is about: read as a word,
 * it is one that every opinion piece of the outlet shares, whatever their subjects.
 */
export function withoutOpinionLabel(headline: string): string {
  const trimmed = headline.trim();
  const rest = trimmed.replace(LABEL, '');
  return rest !== trimmed ? rest : headline;
}
