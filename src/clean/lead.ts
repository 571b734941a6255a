// The lead: the first one or two sentences of the cleaned text, short enough for a digest line.
import { lineKey } from './normalize-text.js';
import { truncateAtWord } from './truncate.js';
import { endsLikeSentence, splitSentences } from '../text/sentences.js';

export const MAX_LEAD = 300;
/** A first sentence shorter than this gets the second one too, if both fit. */
const SHORT_SENTENCE = 120;

/** The lead needs the first few sentences only; this bounds the work on huge texts. */
const LEAD_WINDOW = 4000;

export function makeLead(text: string, title: string): string {
  const titleKey = lineKey(title);
  let sentences = splitSentences(text.slice(0, LEAD_WINDOW)).filter((s) => lineKey(s) !== titleKey);
  // A standfirst without a full stop ("Also new: …") is a headline, not a lead, if real sentences follow.
  const firstReal = sentences.slice(0, 3).findIndex(endsLikeSentence);
  if (firstReal > 0) sentences = sentences.slice(firstReal);
  if (sentences.length === 0) return '';
  let lead = sentences[0];
  const next = sentences[1];
  if (next && lead.length < SHORT_SENTENCE && endsLikeSentence(lead) && lead.length + 1 + next.length <= MAX_LEAD) {
    lead = `${lead} ${next}`;
  }
  lead = truncateAtWord(lead, MAX_LEAD);
  return lineKey(lead) === titleKey ? '' : lead;
}
