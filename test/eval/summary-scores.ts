// How good the edition's story summaries are against the set's reference summaries (ROUGE-1), next
// to a lead and a centroid baseline cut to the same length in words, story by story.
//
// Each story of the edition is matched to the event most of its items carry; when events tie (a false
// merge of one item each), it is scored against the references of all of them (the mean), so neither
// ours nor a baseline is favoured by which item came first. A story whose events have no reference is
// not scored. A story split in
// several is scored once per piece, each against the event's references: the reader meets each piece
// with its own summary, and a piece that holds a sixth of the coverage pays for it.
import type { Edition } from '../../src/types.js';
import { tfidf, words } from './baseline.js';
import { meanRouge, rouge1, rougeWords, type Rouge } from './rouge.js';
import { keyOf, type EvalSet, type SetItem } from './set-format.js';
import { centroidSummary, leadSummary, type BaselineItem } from './summary-baselines.js';

export interface SummaryScores {
  /** stories scored (their event has references) */
  stories: number;
  /** distinct events they stand for / events with references that the edition's stories hold */
  events: number;
  eventsWithReferences: number;
  /** events that are the majority event of more than one story */
  split: number;
  /** stories whose summary is empty */
  empty: number;
  /** mean length of our summaries in words, the length both baselines are cut to */
  words: number;
  ours: Rouge;
  lead: Rouge;
  centroid: Rouge;
}

/** The events most of the story's items carry: one, or several when they tie; none for unlabelled items. */
export function majorityEvents(items: SetItem[]): string[] {
  const tally = new Map<string, number>();
  for (const i of items) if (i.event !== null) tally.set(i.event, (tally.get(i.event) ?? 0) + 1);
  const most = Math.max(0, ...tally.values());
  return [...tally].filter(([, n]) => n === most).map(([event]) => event).sort();
}

export function scoreSummaries(set: EvalSet, edition: Edition, details: string[] = []): SummaryScores | null {
  const references = set.summaries;
  if (!references || references.size === 0) return null;
  const byKey = new Map(set.items.map((i) => [keyOf(set, i), i]));
  // idf over every item the set has (title + text), as the clustering baseline counts it
  const { idf } = tfidf(set.items.map((i) => words(`${i.title}\n${i.text}`)));
  const refWords = new Map([...references].map(([event, refs]) => [event, refs.map(rougeWords)]));

  const ours: Rouge[] = [];
  const lead: Rouge[] = [];
  const centroid: Rouge[] = [];
  const storiesOf = new Map<string, number>();
  let lengths = 0;
  let empty = 0;
  const inEdition = new Set<string>();
  for (const section of edition.sections) {
    for (const story of section.stories) {
      const items = story.items.map((r) => byKey.get(`${r.feed}:${r.guid}`)).filter((i): i is SetItem => i !== undefined);
      for (const i of items) if (i.event !== null) inEdition.add(i.event);
      const events = majorityEvents(items).filter((e) => refWords.has(e));
      if (!events.length) continue;
      const refs = events.flatMap((e) => refWords.get(e)!);
      for (const e of events) storiesOf.set(e, (storiesOf.get(e) ?? 0) + 1);
      const summary = rougeWords(story.summary);
      if (summary.length === 0) empty++;
      lengths += summary.length;
      const texts: BaselineItem[] = items.map((i) => ({ key: keyOf(set, i), published: i.published, text: i.text }));
      const scores = [summary, leadSummary(texts, summary.length), centroidSummary(texts, idf, summary.length)].map((s) => rouge1(s, refs));
      ours.push(scores[0]);
      lead.push(scores[1]);
      centroid.push(scores[2]);
      if (scores[0].f1 + 0.2 < Math.max(scores[1].f1, scores[2].f1)) {
        details.push(`summary: "${story.title.slice(0, 60)}" R-1 F ${scores[0].f1.toFixed(2)} vs lead ${scores[1].f1.toFixed(2)}, centroid ${scores[2].f1.toFixed(2)}: ${story.summary.slice(0, 160)}`);
      }
    }
  }
  const stories = ours.length;
  return {
    stories,
    events: storiesOf.size,
    eventsWithReferences: [...inEdition].filter((e) => references.has(e)).length,
    split: [...storiesOf.values()].filter((n) => n > 1).length,
    empty,
    words: stories ? lengths / stories : 0,
    ours: meanRouge(ours),
    lead: meanRouge(lead),
    centroid: meanRouge(centroid),
  };
}
