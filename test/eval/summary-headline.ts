// Whether a story's summary speaks of what its headline says: of the stories of two items or more whose
// summary could be traced to their items, how many take a sentence from an item of another labelled event
// than the item whose headline the story shows (a report merged wrongly speaking under someone else's
// headline). Needs only event labels, so every set with events of two items or more is read.
import type { Edition } from '../../src/types.js';
import { splitParagraph } from '../../src/text/sentences.js';
import { keyOf, type EvalSet, type SetItem } from './set-format.js';

export interface HeadlineScores {
  /** stories of 2+ items whose summary sentences were all found in their items' texts or headlines */
  stories: number;
  /** of them, summaries with a sentence from an item of another event than the headline's item */
  off: number;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

export function scoreSummaryHeadlines(set: EvalSet, edition: Edition, details: string[] = []): HeadlineScores {
  const byKey = new Map(set.items.map((i) => [keyOf(set, i), i]));
  const eventOf = (k: string) => byKey.get(k)?.event ?? `solo:${k}`;
  let stories = 0;
  let off = 0;
  for (const section of edition.sections) {
    for (const story of section.stories) {
      if (story.items.length < 2 || !story.summary) continue;
      const keys = story.items.map((r) => `${r.feed}:${r.guid}`).filter((k) => byKey.has(k));
      const face = keys.find((k) => byKey.get(k)!.title === story.title);
      if (!face) continue;
      const said = (k: string, sentence: string) => {
        const item: SetItem = byKey.get(k)!;
        return flat(item.text).includes(sentence) || flat(item.title).includes(sentence);
      };
      const sources = splitParagraph(story.summary).map((s) => {
        const sentence = flat(s);
        return said(face, sentence) ? face : keys.find((k) => said(k, sentence));
      });
      if (sources.some((k) => k === undefined)) continue;
      stories++;
      const strangers = sources.filter((k) => eventOf(k!) !== eventOf(face));
      if (strangers.length > 0) {
        off++;
        details.push(`summary off its headline: "${story.title.slice(0, 60)}" takes "${byKey.get(strangers[0]!)!.title.slice(0, 60)}": ${story.summary.slice(0, 120)}`);
      }
    }
  }
  return { stories, off };
}
