// Themes (issue 5 §4): classify each story, not each item, and order stories in a section.

import type { Cluster, Story, ThemeConfig } from '../types.js';
import { compileThemes } from './compile.js';
import { scoreThemes, type ThemeScore } from './score.js';

export { rankStories, leadStory } from './rank.js';

export interface ThemeDecision {
  themeId: string | null;
  score: number;
  why: string[];
}

/** A theme must score at least this (one keyword in every title is 2; one early mention is 0.6). */
export const MIN_SCORE = 1.0;
/** ...and beat the runner-up by this much, else the story is ambiguous and goes to `other`. */
export const MIN_MARGIN = 0.35;
const MAX_KEYWORDS_IN_WHY = 4;

/** null themeId = no theme cleared the bar (caller puts it in `other` or excludes as no-theme) */
export function assignTheme(cluster: Cluster, themes: ThemeConfig[]): ThemeDecision {
  if (themes.length === 0 || cluster.items.length === 0) {
    return { themeId: null, score: 0, why: ['no theme evidence'] };
  }
  const scores = scoreThemes(cluster, compileThemes(themes));
  // config order breaks exact ties, so the result never depends on sort stability
  const ranked = [...scores].sort((a, b) => b.score - a.score || a.index - b.index);
  const [best, second] = ranked;
  const score = round(best.score);
  if (best.score === 0) return { themeId: null, score, why: ['no theme evidence'] };
  if (best.score < MIN_SCORE) {
    return { themeId: null, score, why: [`weak theme evidence: best ${describe(best, themes)} (needs ${MIN_SCORE})`] };
  }
  if (second && best.score - second.score < MIN_MARGIN) {
    return {
      themeId: null,
      score,
      why: [`ambiguous: ${describe(best, themes)} vs ${describe(second, themes)} (needs a margin of ${MIN_MARGIN})`],
    };
  }
  return { themeId: themes[best.index].id, score, why: explain(best) };
}

function explain(s: ThemeScore): string[] {
  const why = s.evidence
    .slice(0, MAX_KEYWORDS_IN_WHY)
    .map((e) => `keyword: ${e.keyword} (${e.inTitle ? 'title' : 'text'})`);
  if (s.similarity >= 0.01) why.push(`description similarity ${s.similarity.toFixed(2)}`);
  return why;
}

function describe(s: ThemeScore, themes: ThemeConfig[]): string {
  return `${themes[s.index].id} ${round(s.score)}`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
