// Clustering scores between a predicted grouping and the true one, over the same items.
// Both are maps item → group id; an item's group is compared only with items present in both maps.

export interface PairScores {
  precision: number;
  recall: number;
  f1: number;
  /** pairs put together / pairs that belong together / pairs both */
  predictedPairs: number;
  truePairs: number;
  correctPairs: number;
}

export interface ClusterScores {
  pairs: PairScores;
  /** B-cubed (Bagga & Baldwin 1998): per-item precision and recall, averaged over items */
  bcubed: { precision: number; recall: number; f1: number };
  /** share of true groups reproduced exactly as one predicted group */
  exact: number;
  predictedGroups: number;
  trueGroups: number;
}

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const choose2 = (n: number) => (n * (n - 1)) / 2;

function groupsOf(assign: Map<string, string>, keys: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const k of keys) {
    const g = assign.get(k)!;
    const list = groups.get(g);
    if (list) list.push(k);
    else groups.set(g, [k]);
  }
  return groups;
}

export function scoreClusters(predicted: Map<string, string>, truth: Map<string, string>): ClusterScores {
  const keys = [...truth.keys()].filter((k) => predicted.has(k));
  const pred = groupsOf(predicted, keys);
  const gold = groupsOf(truth, keys);
  // contingency table: (predicted group, true group) → items in both
  const cells = new Map<string, number>();
  for (const k of keys) {
    const cell = `${predicted.get(k)}\u0000${truth.get(k)}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  let correctPairs = 0;
  for (const n of cells.values()) correctPairs += choose2(n);
  let predictedPairs = 0;
  for (const g of pred.values()) predictedPairs += choose2(g.length);
  let truePairs = 0;
  for (const g of gold.values()) truePairs += choose2(g.length);
  const precision = predictedPairs ? correctPairs / predictedPairs : 1;
  const recall = truePairs ? correctPairs / truePairs : 1;

  let bp = 0;
  let br = 0;
  for (const k of keys) {
    const both = cells.get(`${predicted.get(k)}\u0000${truth.get(k)}`)!;
    bp += both / pred.get(predicted.get(k)!)!.length;
    br += both / gold.get(truth.get(k)!)!.length;
  }
  bp = keys.length ? bp / keys.length : 1;
  br = keys.length ? br / keys.length : 1;

  let exact = 0;
  for (const [g, members] of gold) {
    const p = predicted.get(members[0])!;
    if (pred.get(p)!.length === members.length && cells.get(`${p}\u0000${g}`) === members.length) exact++;
  }
  return {
    pairs: { precision, recall, f1: f1(precision, recall), predictedPairs, truePairs, correctPairs },
    bcubed: { precision: bp, recall: br, f1: f1(bp, br) },
    exact: gold.size ? exact / gold.size : 1,
    predictedGroups: pred.size,
    trueGroups: gold.size,
  };
}

/** Pairs put together that do not belong together, and pairs that belong together but were kept apart. */
export function wrongPairs(predicted: Map<string, string>, truth: Map<string, string>, limit = 200): { merged: [string, string][]; split: [string, string][] } {
  const keys = [...truth.keys()].filter((k) => predicted.has(k)).sort();
  const merged: [string, string][] = [];
  const split: [string, string][] = [];
  const byPred = groupsOf(predicted, keys);
  const byTrue = groupsOf(truth, keys);
  for (const g of byPred.values())
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) if (truth.get(g[i]) !== truth.get(g[j]) && merged.length < limit) merged.push([g[i], g[j]]);
  for (const g of byTrue.values())
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) if (predicted.get(g[i]) !== predicted.get(g[j]) && split.length < limit) split.push([g[i], g[j]]);
  return { merged, split };
}

/**
 * Section accuracy if every story took the label most of its items carry (ties: the label that sorts
 * first): the best the theme stage could do with these stories. What it misses below 1 is the clustering's
 * (a story mixing labels); what the edition misses below it is the theme stage's.
 */
export function sectionCeiling(storyOf: Map<string, string>, labelOf: Map<string, string>): number | null {
  const byStory = new Map<string, Map<string, number>>();
  for (const [key, story] of storyOf) {
    const label = labelOf.get(key);
    if (label === undefined) continue;
    const tally = byStory.get(story) ?? new Map<string, number>();
    tally.set(label, (tally.get(label) ?? 0) + 1);
    byStory.set(story, tally);
  }
  let right = 0;
  let total = 0;
  for (const tally of byStory.values()) {
    const counts = [...tally.values()];
    right += Math.max(...counts);
    total += counts.reduce((s, n) => s + n, 0);
  }
  return total ? right / total : null;
}
