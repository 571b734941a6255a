// Stories that mix sections. In one outlet's feed of unrelated headlines, clustering can join items that
// share a single name ("Astronauts arrive at space station" and "Russia slaps Yukos with fresh tax claims"),
// and a story has one section, so the items of the other section land in the wrong one. Before sections are
// chosen, an item leaves its story when two things hold:
// - its own evidence (keywords, description, meaning, the edition's examples) clearly favours another theme
//   than the story's, fits that theme on its own (MIN_SCORE), and the rest of the story still clearly favours its own;
// - its headline shares at most one content word with the other headlines of the story: the single shared
//   name. An item of a real story told from another angle (a strike in a story on the peace talks it
//   prompted, a film deal in a story on a game's launch) shares the event's words, and stays.
// The items that leave for one theme become one story of their own.

import type { Cluster, Item } from '../types.js';
import type { CompiledThemes } from './compile.js';
import { scoreStory, type StoryScores } from './score.js';
import { scoresWithExamples } from './examples.js';
import { tokenize } from '../text/tokens.js';
import { contentStems } from '../text/words.js';

/**
 * How much more an item's evidence must favour its own theme than the story's (score units of score.ts: one
 * keyword in the title scores 2). Chosen on the tuning sets (agnews-dev: 1 → 0.823, 1.5 → 0.825, 2 → 0.813,
 * 3 → 0.808; the other sets unchanged; before REST_MARGIN).
 */
export const SPLIT_MARGIN = 1.5;
/**
 * What stays must still favour the story's theme over the one an item leaves for by this much: a story held
 * together by one strong item ("Doha deal frees wounded captives") keeps a report of its own angle
 * ("Home on stretchers: why the wounded came first"). Tuning: 0 or 1.5 split that story in c-headlines.
 */
export const REST_MARGIN = 2;
/** An item whose headline shares more content words than this with the story's other headlines stays. */
export const MAX_SHARED_HEADLINE_WORDS = 1;

export interface SplitContext {
  compiled: CompiledThemes;
  /** the edition's examples (examples.ts), or null when it has none */
  centroids: Float32Array[] | null;
  /** a story of less evidence than this fits no theme (index.ts) */
  minScore: number;
}

interface Evidence {
  /** per theme, with the examples' evidence */
  score: number[];
  /** per theme, the items' own evidence only */
  own: number[];
}

function evidence(items: Item[], ctx: SplitContext): Evidence {
  return evidenceOf(scoreStory({ items }, ctx.compiled), ctx);
}

function evidenceOf(story: StoryScores, ctx: SplitContext): Evidence {
  return { score: scoresWithExamples(story, ctx.centroids), own: story.scores.map((s) => s.ownScore) };
}

/** Index of the largest value; the earlier theme (config order) wins a tie. */
function best(values: number[]): number {
  return values.reduce((b, v, i) => (v > values[b] ? i : b), 0);
}

function headlineWords(item: Item): Set<string> {
  return new Set(contentStems(tokenize(item.title).words));
}

/**
 * The story as it is, or the story without its items of other sections followed by one story per such section.
 * `scores`: the whole story's scores (without the examples' evidence), already worked out by the caller.
 */
export function splitStory(cluster: Cluster, scores: StoryScores, ctx: SplitContext): Cluster[] {
  const { items } = cluster;
  if (items.length < 2 || ctx.compiled.themes.length < 2) return [cluster];
  const heads = items.map(headlineWords);
  // the cheap test first: most items of a story share the event's words with the others
  const loose = heads.map((words, i) => {
    const shared = new Set<string>();
    heads.forEach((other, j) => {
      if (j !== i) for (const w of words) if (other.has(w)) shared.add(w);
    });
    return shared.size <= MAX_SHARED_HEADLINE_WORDS;
  });
  if (!loose.includes(true)) return [cluster];
  const main = best(evidenceOf(scores, ctx).score);
  const leavesFor = items.map((item, i) => {
    if (!loose[i]) return -1;
    const { score, own } = evidence([item], ctx);
    const theme = best(score);
    return theme === main || own[theme] < ctx.minScore || score[theme] - score[main] < SPLIT_MARGIN ? -1 : theme;
  });
  const rest = items.filter((_, i) => leavesFor[i] < 0);
  if (rest.length === 0 || rest.length === items.length) return [cluster];
  // the disagreement must be clear both ways: what stays still prefers the story's theme
  const restScore = evidence(rest, ctx).score;
  const pieces = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const theme = leavesFor[i];
    if (theme >= 0 && restScore[main] - restScore[theme] >= REST_MARGIN) pieces.set(theme, [...(pieces.get(theme) ?? []), item]);
  });
  if (pieces.size === 0) return [cluster];
  const gone = new Set([...pieces.values()].flat());
  return [
    { items: items.filter((item) => !gone.has(item)) },
    ...[...pieces].sort((a, b) => a[0] - b[0]).map(([, piece]) => ({ items: piece })),
  ];
}
