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

/**
 * A story belongs to no theme (it goes to `other`) only when its best theme scores below this: no keyword,
 * few of the description's words, and a meaning hardly closer to that theme than to the others. One keyword
 * in every title scores 2 on its own. Chosen on the tuning sets.
 */
export const MIN_SCORE = 1.0;
/** A runner-up within this much of the winner is named in `why` (the story still goes to the winner). */
export const CLOSE_MARGIN = 0.35;
const MAX_KEYWORDS_IN_WHY = 4;

/** null themeId = no theme fits (caller puts it in `other` or excludes as no-theme). A close call never drops a story. */
export function assignTheme(cluster: Cluster, themes: ThemeConfig[]): ThemeDecision {
  if (themes.length === 0 || cluster.items.length === 0) {
    return { themeId: null, score: 0, why: ['no theme evidence'] };
  }
  const scores = scoreThemes(cluster, compileThemes(themes));
  // config order breaks exact ties, so the result never depends on sort stability
  const ranked = [...scores].sort((a, b) => b.score - a.score || a.index - b.index);
  const [best, second] = ranked;
  const score = round(best.score);
  if (best.keywordScore === 0 && best.similarity < 0.01 && best.meaning <= 0) {
    return { themeId: null, score: Math.max(0, score), why: ['no theme evidence'] };
  }
  if (best.score < MIN_SCORE) {
    return { themeId: null, score, why: [`weak theme evidence: best ${describe(best, themes)} (needs ${MIN_SCORE})`] };
  }
  const why = explain(best);
  if (second && best.score - second.score < CLOSE_MARGIN) why.push(`close call: ${describe(second, themes)} vs ${describe(best, themes)}`);
  return { themeId: themes[best.index].id, score, why };
}

function explain(s: ThemeScore): string[] {
  const why = s.evidence
    .slice(0, MAX_KEYWORDS_IN_WHY)
    .map((e) => `keyword: ${e.keyword} (${e.inTitle ? 'title' : 'text'})`);
  if (s.similarity >= 0.01) why.push(`description similarity ${s.similarity.toFixed(2)}`);
  if (s.meaning >= 0.01) why.push(`meaning closer to this theme by ${s.meaning.toFixed(2)}`);
  return why;
}

function describe(s: ThemeScore, themes: ThemeConfig[]): string {
  return `${themes[s.index].id} ${round(s.score)}`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
