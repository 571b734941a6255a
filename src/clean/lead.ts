// The lead: the first one or two sentences of the cleaned text, short enough for a digest line.
import { lineKey } from './normalize-text.js';
import { endsSentence } from './strip-furniture.js';
import { truncateAtWord } from './truncate.js';

export const MAX_LEAD = 300;
/** A first sentence shorter than this gets the second one too, if both fit. */
const SHORT_SENTENCE = 120;

// Abbreviations after which a full stop does not end the sentence ("U.S. officials", "Gen. Syrskyi").
const ABBREVIATION =
  /(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Gov|Sen|Rep|Pres|Amb|St|Mt|Jr|Sr|No|Nos|vs|etc|e\.g|i\.e|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)\s*$/;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentences of the text, in order; a paragraph break always ends a sentence. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    let pending = '';
    for (const { segment } of segmenter.segment(paragraph)) {
      pending += segment;
      if (!ABBREVIATION.test(pending)) {
        if (pending.trim()) sentences.push(pending.trim());
        pending = '';
      }
    }
    if (pending.trim()) sentences.push(pending.trim());
  }
  return sentences;
}

/** The lead needs the first few sentences only; this bounds the work on huge texts. */
const LEAD_WINDOW = 4000;

export function makeLead(text: string, title: string): string {
  const titleKey = lineKey(title);
  let sentences = splitSentences(text.slice(0, LEAD_WINDOW)).filter((s) => lineKey(s) !== titleKey);
  // A standfirst without a full stop ("Also new: …") is a headline, not a lead, if real sentences follow.
  const firstReal = sentences.slice(0, 3).findIndex(endsSentence);
  if (firstReal > 0) sentences = sentences.slice(firstReal);
  if (sentences.length === 0) return '';
  let lead = sentences[0];
  const next = sentences[1];
  if (next && lead.length < SHORT_SENTENCE && endsSentence(lead) && lead.length + 1 + next.length <= MAX_LEAD) {
    lead = `${lead} ${next}`;
  }
  lead = truncateAtWord(lead, MAX_LEAD);
  return lineKey(lead) === titleKey ? '' : lead;
}
