// The edition's own examples. A theme is a sentence and a dozen keywords; a large edition shows much more
// of what each theme means this week. Stories a keyword places in one theme only, by a wide margin, are
// that theme's examples; every other story is also compared with the mean meaning of each theme's
// examples (a chess final with no keyword reads like the week's match reports).
//
// Only an edition of 50 stories or more with enough examples of every theme has them: a small edition's few
// clear cases lean wherever they happen to lean, and a theme with no clear case would lose every close call.

import { cosineDense, normalise } from '../text/meaning.js';
import type { StoryScores } from './score.js';

/**
 * An edition with fewer stories learns nothing from itself (a weekly digest of many feeds has 50–100).
 * Chosen with MIN_EXAMPLES on the tuning sets (docs/editorial.md): at 100 stories and 5 examples, the
 * headline editions of the tuning sets never had examples.
 */
export const MIN_STORIES = 50;
/** Every theme needs this many examples, or no theme's examples count. */
export const MIN_EXAMPLES = 3;
/** An example's best theme leads the runner-up by this much (one title keyword scores 2). */
export const EXAMPLE_MARGIN = 1;
/** Weight of "closer to this theme's examples than to the average theme's" (score units of score.ts). */
export const EXAMPLES_WEIGHT = 30;

/** The theme a story is an example of, or null: keywords of that theme only, and a clear lead. */
function exampleOf(story: StoryScores): number | null {
  const withKeywords = story.scores.filter((s) => s.keywordScore > 0);
  if (withKeywords.length !== 1) return null;
  const [best] = withKeywords;
  const runnerUp = Math.max(...story.scores.filter((s) => s !== best).map((s) => s.score));
  return best.score - runnerUp >= EXAMPLE_MARGIN ? best.index : null;
}

/**
 * The mean meaning of each theme's examples (unit vectors, one per theme), or null when the edition is too
 * small or a theme has too few examples; and which stories are examples themselves.
 */
export function exampleCentroids(stories: StoryScores[]): { centroids: Float32Array[] | null; examples: (number | null)[] } {
  const examples = stories.map(exampleOf);
  if (stories.length < MIN_STORIES) return { centroids: null, examples };
  const themes = stories[0].scores.length;
  if (themes < 2) return { centroids: null, examples };
  const dims = stories[0].meaning.length;
  const sums = Array.from({ length: themes }, () => new Float32Array(dims));
  const counts = new Array<number>(themes).fill(0);
  examples.forEach((theme, i) => {
    if (theme === null) return;
    counts[theme]++;
    for (let k = 0; k < dims; k++) sums[theme][k] += stories[i].meaning[k];
  });
  if (counts.some((c) => c < MIN_EXAMPLES)) return { centroids: null, examples };
  return { centroids: sums.map(normalise), examples };
}

/** How much closer a story is to each theme's examples than to the average theme's, by theme index. */
function closerToExamples(story: StoryScores, centroids: Float32Array[]): number[] {
  const closeness = centroids.map((c) => cosineDense(story.meaning, c));
  const mean = closeness.reduce((s, x) => s + x, 0) / centroids.length;
  return closeness.map((x) => x - mean);
}

/** A story's score per theme with the examples' evidence, without changing the story's scores. */
export function scoresWithExamples(story: StoryScores, centroids: Float32Array[] | null): number[] {
  if (!centroids) return story.scores.map((s) => s.score);
  const closer = closerToExamples(story, centroids);
  return story.scores.map((s) => s.score + EXAMPLES_WEIGHT * closer[s.index]);
}

/** Adds "closer to this theme's examples than to the average theme's" to one story's scores, in place. */
function applyExamples(story: StoryScores, centroids: Float32Array[]): void {
  const closer = closerToExamples(story, centroids);
  for (const score of story.scores) {
    score.examples = closer[score.index];
    score.score += EXAMPLES_WEIGHT * score.examples;
  }
}

/** Adds the examples' evidence to the scores of every story that is not itself an example, in place. */
export function addExampleEvidence(stories: StoryScores[]): void {
  const { centroids, examples } = exampleCentroids(stories);
  if (!centroids) return;
  stories.forEach((story, i) => {
    if (examples[i] === null) applyExamples(story, centroids);
  });
}
