// Scores one built edition against its set's labels, and runs the plain baseline on the same items.
import { DateTime } from 'luxon';
import type { Edition } from '../../src/types.js';
import { baselineSections, baselineStories, type BaselineDoc } from './baseline.js';
import { scoreClusters, sectionCeiling, wrongPairs, type ClusterScores } from './scores.js';
import { scoreSummaries, type SummaryScores } from './summary-scores.js';
import { scoreSummaryHeadlines, type HeadlineScores } from './summary-headline.js';
import { keyOf, type EvalSet, type SetItem } from './set-format.js';

const OTHER = 'other';

export interface SetResult {
  name: string;
  role: EvalSet['meta']['role'];
  /** "headlines" when (nearly) every scored item has no text, "short" when a typical one has a line or two */
  text: 'full' | 'short' | 'headlines';
  /** labelled items the edition should show (in window, in scope, not a copy) */
  items: number;
  storiesMade: number;
  clusters: ClusterScores | null;
  sectionAccuracy: number | null;
  /** section accuracy if every story took the label most of its items carry: the most the theme stage could reach with these stories */
  sectionCeiling: number | null;
  /** per label (a theme id, or other): scored items carrying it, and how many of them are in that section */
  sectionsByLabel: Record<string, { right: number; total: number }>;
  otherShare: number;
  /** scored items that are in no story */
  lost: number;
  baseline: { pairF1: number | null; bcubedF1: number | null; sectionAccuracy: number | null };
  /** ROUGE-1 of the story summaries, ours and the two baselines, for sets with reference summaries */
  summaries: SummaryScores | null;
  /** sets with events: stories whose summary takes a sentence of another event than their headline's */
  summaryHeadlines: HeadlineScores | null;
  goals: { met: boolean; missed: string[] };
  /** set (a) only: checks of the whole build (furniture, accounting, exclusion reasons) */
  checks?: { furnitureLeaks: number; unaccounted: number; exclusionMismatches: number };
  buildMs: number;
  details: string[];
}

export const GOALS = { pairF1: 0.9, overBaseline: 0.05, sectionsFull: 0.9, sectionsHeadlines: 0.85, otherShare: 0.1 };

/**
 * The items an edition must show, and so the ones scored: labelled "in" (or unlabelled), published in
 * the window (start < t ≤ end, as the digest counts), and with a section to go to.
 */
export function scoredKeys(set: EvalSet, start: number, end: number): string[] {
  return set.items
    .filter((item) => {
      if ((item.expect ?? 'in') !== 'in') return false;
      const t = Date.parse(item.published);
      if (!(t > start && t <= end)) return false;
      return !(item.theme === null && set.meta.other === false);
    })
    .map((i) => keyOf(set, i));
}

interface Placement {
  story: string;
  section: string;
}

export function scoreEdition(set: EvalSet, edition: Edition, buildMs: number, verbose: boolean): SetResult {
  const byKey = new Map<string, SetItem>(set.items.map((i) => [keyOf(set, i), i]));
  const scored = scoredKeys(set, DateTime.fromISO(edition.edition.start).toMillis(), DateTime.fromISO(edition.edition.end).toMillis());

  const placed = new Map<string, Placement>();
  const seen = new Map<string, number>();
  const count = (k: string) => seen.set(k, (seen.get(k) ?? 0) + 1);
  let stories = 0;
  let otherStories = 0;
  for (const section of edition.sections) {
    section.stories.forEach((story, i) => {
      stories++;
      if (section.id === OTHER) otherStories++;
      for (const ref of story.items) {
        const key = `${ref.feed}:${ref.guid}`;
        count(key);
        placed.set(key, { story: `${section.id}#${i}`, section: section.id });
      }
    });
  }
  // an exact copy of an item of the same event, set aside as a duplicate, is told by its original's story
  const copyOf = new Map<string, string>();
  for (const ex of edition.excluded) {
    count(`${ex.feed}:${ex.guid}`);
    const original = ex.reason === 'duplicate' ? /^\s*duplicate of (.+)$/s.exec(ex.detail ?? '')?.[1].trim() : undefined;
    if (original) copyOf.set(`${ex.feed}:${ex.guid}`, original);
  }
  const placementOf = (key: string): Placement | undefined => {
    const own = placed.get(key);
    if (own) return own;
    const event = byKey.get(key)?.event;
    // follow a copy of a copy to the item that is in a story
    let original = copyOf.get(key);
    for (let hops = 0; original && hops < 5; hops++) {
      if (!event || byKey.get(original)?.event !== event) return undefined;
      if (placed.has(original)) return placed.get(original);
      original = copyOf.get(original);
    }
    return undefined;
  };

  const details: string[] = [];
  const lostKeys = scored.filter((k) => !placementOf(k));
  for (const k of lostKeys) details.push(`lost: ${k} "${byKey.get(k)!.title}" (${edition.excluded.find((e) => `${e.feed}:${e.guid}` === k)?.reason ?? 'missing'})`);

  // stories are scored only where some event has two items: with every event one item (bbcsum, whose
  // events exist to carry reference summaries) no pair belongs together and pair scores say nothing
  const eventSizes = new Map<string, number>();
  for (const i of set.items) if (i.event !== null) eventSizes.set(i.event, (eventSizes.get(i.event) ?? 0) + 1);
  const hasEvents = [...eventSizes.values()].some((n) => n >= 2);
  const hasThemes = set.items.some((i) => i.theme !== null);
  const truth = new Map(scored.map((k) => [k, byKey.get(k)!.event ?? `solo:${k}`]));
  const predicted = new Map(scored.map((k) => [k, placementOf(k)?.story ?? `lost:${k}`]));
  const clusters = hasEvents ? scoreClusters(predicted, truth) : null;
  const label = (k: string) => {
    const i = byKey.get(k)!;
    return `${k} [${i.event ?? '-'}] "${i.title.slice(0, 70)}"`;
  };
  if (verbose && clusters) {
    const { merged, split } = wrongPairs(predicted, truth, 60);
    for (const [a, b] of merged) details.push(`false merge: ${label(a)} + ${label(b)}`);
    for (const [a, b] of split) details.push(`kept apart: ${label(a)} + ${label(b)}`);
  }

  let right = 0;
  let total = 0;
  const sectionsByLabel: Record<string, { right: number; total: number }> = {};
  for (const k of scored) {
    const p = placementOf(k);
    if (!p || !hasThemes) continue;
    total++;
    const want = byKey.get(k)!.theme ?? OTHER;
    const byLabel = (sectionsByLabel[want] ??= { right: 0, total: 0 });
    byLabel.total++;
    if (p.section === want) {
      right++;
      byLabel.right++;
    } else if (verbose) details.push(`section: ${label(k)} labelled ${want}, in ${p.section}`);
  }
  const sectionAccuracy = hasThemes && total ? right / total : null;
  const inStories = scored.filter((k) => placementOf(k));
  const ceiling = hasThemes
    ? sectionCeiling(new Map(inStories.map((k) => [k, placementOf(k)!.story])), new Map(inStories.map((k) => [k, byKey.get(k)!.theme ?? OTHER])))
    : null;
  if (verbose && total) {
    const parts = Object.entries(sectionsByLabel).sort(([a], [b]) => a.localeCompare(b)).map(([id, c]) => `${id} ${c.right}/${c.total}`);
    details.push(`sections by label: ${parts.join(', ')}`);
    details.push(`sections if every story took its items' most common label: ${ceiling?.toFixed(3)} (below 1: stories that mix labels)`);
  }

  const docs: BaselineDoc[] = scored.map((k) => ({ key: k, title: byKey.get(k)!.title, text: byKey.get(k)!.text }));
  const base = hasEvents ? scoreClusters(baselineStories(docs), truth) : null;
  let baseSections: number | null = null;
  if (hasThemes && docs.length) {
    const guess = baselineSections(docs, set.meta.themes);
    baseSections = docs.filter((d) => guess.get(d.key) === byKey.get(d.key)!.theme).length / docs.length;
  }

  const headlineOnly = scored.filter((k) => byKey.get(k)!.text.trim() === '').length >= 0.9 * scored.length;
  const lengths = scored.map((k) => byKey.get(k)!.text.split(/\s+/).filter(Boolean).length).sort((a, b) => a - b);
  const short = !headlineOnly && (lengths[Math.floor(lengths.length / 2)] ?? 0) <= 60;
  const result: SetResult = {
    name: set.meta.name,
    role: set.meta.role,
    text: headlineOnly ? 'headlines' : short ? 'short' : 'full',
    items: scored.length,
    storiesMade: stories,
    clusters,
    sectionAccuracy,
    sectionCeiling: ceiling,
    sectionsByLabel,
    otherShare: stories ? otherStories / stories : 0,
    lost: lostKeys.length,
    baseline: { pairF1: base?.pairs.f1 ?? null, bcubedF1: base?.bcubed.f1 ?? null, sectionAccuracy: baseSections },
    summaries: scoreSummaries(set, edition, details),
    summaryHeadlines: hasEvents ? scoreSummaryHeadlines(set, edition, details) : null,
    goals: { met: true, missed: [] },
    buildMs,
    details: verbose ? details : [],
  };
  result.goals = goalsOf(result, scored.every((k) => byKey.get(k)!.theme !== null));
  if (set.furniture) result.checks = buildChecks(set, edition, byKey, seen, verbose ? details : []);
  return result;
}

function goalsOf(r: SetResult, everyItemHasTheme: boolean): SetResult['goals'] {
  const missed: string[] = [];
  if (r.clusters) {
    const f1 = r.clusters.pairs.f1;
    if (f1 < GOALS.pairF1) missed.push('F1');
    if (r.baseline.pairF1 !== null && f1 < r.baseline.pairF1 + GOALS.overBaseline) missed.push('>base');
  }
  if (r.sectionAccuracy !== null && r.sectionAccuracy < (r.text === 'headlines' ? GOALS.sectionsHeadlines : GOALS.sectionsFull)) missed.push('sect');
  if (everyItemHasTheme && r.otherShare > GOALS.otherShare) missed.push('other');
  if (r.lost > 0) missed.push('lost');
  if (r.summaries && r.summaries.ours.f1 < Math.max(r.summaries.lead.f1, r.summaries.centroid.f1)) missed.push('sum');
  return { met: missed.length === 0, missed };
}

/** The fixture's own checks of a build from its real feeds: furniture, every item once, exclusion reasons. */
function buildChecks(set: EvalSet, edition: Edition, byKey: Map<string, SetItem>, seen: Map<string, number>, details: string[]): SetResult['checks'] {
  let furnitureLeaks = 0;
  for (const section of edition.sections) {
    for (const story of section.stories) {
      for (const text of [story.title, story.summary, ...story.items.map((i) => i.title)]) {
        for (const marker of set.furniture ?? []) {
          if (text?.includes(marker)) {
            furnitureLeaks++;
            details.push(`furniture: "${marker}" in "${text.slice(0, 80)}"`);
          }
        }
      }
    }
  }
  const unknown = [...seen.keys()].filter((k) => !byKey.has(k));
  const unaccounted = [...byKey.keys()].filter((k) => seen.get(k) !== 1).length + unknown.length;
  let exclusionMismatches = 0;
  for (const ex of edition.excluded) {
    const want = byKey.get(`${ex.feed}:${ex.guid}`)?.expect ?? 'in';
    if (want !== ex.reason) {
      exclusionMismatches++;
      details.push(`exclusion: ${ex.feed}:${ex.guid} labelled ${want}, excluded as ${ex.reason}`);
    }
  }
  return { furnitureLeaks, unaccounted, exclusionMismatches };
}
