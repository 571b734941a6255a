// The edition's own examples. A theme is written in a sentence and a dozen keywords; the edition shows far
// more of what the theme means this week. Stories that clearly belong to a theme (their best theme leads
// the runner-up by a wide margin) are its examples: a story with no keyword that reads like a section's examples ("Canucks
// announce partial sale" among hockey and baseball stories) is drawn to that section. Like a reader who
// has seen the rest of the section, not a second classifier: examples only add to the theme's own evidence.

import { cosineDense, normalise } from '../text/meaning.js';
import type { StoryScores } from './score.js';

/** A story is an example of its best theme when it leads the runner-up by this much and clears MIN_SCORE. */
export const EXAMPLE_MARGIN = 2;
/** A theme needs this many examples before they speak for it. */
const MIN_EXAMPLES = 3;
/**
 * Weight of "closer to this theme's examples than to the other themes' examples" (score units of score.ts).
 * Margin, weight and floor chosen on the tuning sets (a, a-headlines, uci-news, bbc-dev, agnews-dev).
 */
export const EXAMPLES_WEIGHT = 15;
/** Below this cosine to the nearest examples a story is like none of them: no evidence. */
const EXAMPLES_FLOOR = 0.4;

/** Adds the examples' evidence to every story's scores, in place. Pure given the stories. */
export function addExampleEvidence(stories: StoryScores[], minScore: number): void {
  if (!stories.length) return;
  const themes = stories[0].scores.length;
  if (themes < 2) return;
  const dims = stories[0].meaning.length;
  const sums = Array.from({ length: themes }, () => new Float32Array(dims));
  const counts = new Array<number>(themes).fill(0);
  for (const story of stories) {
    const ranked = [...story.scores].sort((a, b) => b.score - a.score || a.index - b.index);
    const [best, second] = ranked;
    if (best.score < minScore || best.score - (second?.score ?? 0) < EXAMPLE_MARGIN) continue;
    const sum = sums[best.index];
    for (let k = 0; k < dims; k++) sum[k] += story.meaning[k];
    counts[best.index]++;
  }
  const centroids = sums.map((sum, t) => (counts[t] >= MIN_EXAMPLES ? normalise(sum) : null));
  const known = centroids.filter((c): c is Float32Array => c !== null);
  if (known.length < 2) return;
  for (const story of stories) {
    const closeness = centroids.map((c) => (c ? cosineDense(story.meaning, c) : null));
    const present = closeness.filter((x): x is number => x !== null);
    const mean = present.reduce((s, x) => s + x, 0) / present.length;
    if (Math.max(...present) < EXAMPLES_FLOOR) continue;
    for (const score of story.scores) {
      const c = closeness[score.index];
      if (c === null) continue;
      score.examples = c - mean;
      score.score += EXAMPLES_WEIGHT * score.examples;
    }
  }
}
