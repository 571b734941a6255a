// A second look at the stories average linkage made: two fragments of one event (ten articles from
// different angles, headlines in different words) each hold together but stay apart, because their items
// pair off weakly one by one. Told as wholes — every word of a fragment counted, its meaning averaged —
// they share far more than any two of their items. So each story is compared as a whole with the stories
// its items already touch, against the background of stories compared as wholes, and two fragments join
// when they clearly belong together, and share the names of those involved (similarity.ts). One pass,
// and a story joins at most one other: no chains.
// Only a piece joins: two stories each told by three or more outlets are complete on their own, and as wholes
// they look alike whenever the events are of one kind or one subject (two jewellery heists in one city, two
// acquisitions by one company, an outage and a whistleblower at one firm); linkage already judged them apart.
// Nor does a piece join a story that holds a bare headline of its own outlet told more than half a day before or after
// one of its own: an outlet tells an event once, and its entry of the next day is the next event (a live blog's "drone
// hits bus in Kherson" the morning after its "ballistic missiles hit Dnipro", joined as wholes through "bus" and the
// blog's label), as pairs of such headlines already count less (similarity.ts, toldLaterByOneOutlet).
// Nor do two stories join that one and the same outlet told alone, in an edition of several outlets: the pass is for
// the fragments other outlets told, and an outlet's own two stories are two events of one topic (a regulator's
// rulings, one market's days). An edition of one outlet keeps the pass: there every story is that outlet's.

import { lift, measureBackground, type Background } from './background.js';
import { cosine, type ItemFeatures, type SparseVector } from './features.js';
import { dot } from './meaning.js';
import { normalise } from '../text/meaning.js';
import { namesFactor, timeFactor, toldLaterByOneOutlet } from './similarity.js';

/** How strongly two whole stories must match, in the units of similarity.ts. Chosen on the tuning sets. */
export const STORY_MERGE_THRESHOLD = 1.8;
/** The smaller of two stories must have at most this many items to join the other (tuning sets: 3–5 alike). */
export const MAX_FRAGMENT_ITEMS = 4;
/**
 * A story this many outlets told is complete on its own: it joins no other story that as many told. Same-day
 * news of one company or one war (an outage and a whistleblower's testimony, each told by three outlets) look
 * alike as wholes; a fragment of an event is the few reports linkage left out. Chosen on the tuning sets
 * (docs/editorial.md).
 */
export const COMPLETE_OUTLETS = 3;
const MEANING_WEIGHT = 0.3;

interface Whole {
  words: SparseVector;
  who: SparseVector;
  meaning: Float32Array | null;
  time: number;
}

function sumSparse(vectors: SparseVector[]): SparseVector {
  const acc = new Map<number, number>();
  for (const v of vectors) for (let k = 0; k < v.ids.length; k++) acc.set(v.ids[k], (acc.get(v.ids[k]) ?? 0) + v.weights[k]);
  const ids = Int32Array.from([...acc.keys()].sort((a, b) => a - b));
  const weights = Float64Array.from(ids, (id) => acc.get(id)!);
  let norm = 0;
  for (const w of weights) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k] /= norm;
  return { ids, weights };
}

function whole(group: number[], features: ItemFeatures[]): Whole {
  const words = sumSparse(group.map((i) => features[i].all));
  const who = sumSparse(group.map((i) => features[i].who));
  const known = group.map((i) => features[i].meaning).filter((m): m is Float32Array => m !== null);
  let meaning: Float32Array | null = null;
  if (known.length) {
    meaning = new Float32Array(known[0].length);
    for (const m of known) for (let k = 0; k < m.length; k++) meaning[k] += m[k];
    normalise(meaning);
  }
  const times = group.map((i) => features[i].time).filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
  return { words, who, meaning, time: times.length ? times[Math.floor(times.length / 2)] : NaN };
}

export function mergeStoryFragments(
  groups: number[][],
  features: ItemFeatures[],
  edges: { a: number; b: number }[],
  maxGapMs: number,
  priors: { lexical: Background; meaning: Background },
  feedOf: (i: number) => string,
  /** the stricter clustering that draws the stories (index.ts): a piece's items that touch none of the story stay behind */
  strict = false,
): number[][] {
  if (groups.length < 2) return groups;
  const groupOf = new Int32Array(features.length);
  groups.forEach((g, gi) => g.forEach((i) => (groupOf[i] = gi)));
  const wholes = groups.map((g) => whole(g, features));
  const outletCount = groups.map((g) => new Set(g.map(feedOf)).size);
  const severalOutlets = new Set(groups.flat().map(feedOf)).size > 1;
  const toldAloneByOneOutlet = (ga: number, gb: number) =>
    severalOutlets && outletCount[ga] === 1 && outletCount[gb] === 1 && feedOf(groups[ga][0]) === feedOf(groups[gb][0]);
  const toldApartByOneOutlet = (x: number[], y: number[]) => x.some((i) => y.some((j) => toldLaterByOneOutlet(features[i], features[j])));
  const lexical = measureBackground(wholes.length, (a, b) => cosine(wholes[a].words, wholes[b].words), priors.lexical);
  const meaning = measureBackground(
    wholes.length,
    (a, b) => (wholes[a].meaning && wholes[b].meaning ? dot(wholes[a].meaning!, wholes[b].meaning!) : 0),
    priors.meaning,
  );
  const score = (a: number, b: number) => {
    const time = timeFactor(wholes[a].time, wholes[b].time, maxGapMs);
    if (time === 0) return 0;
    const x = wholes[a];
    const y = wholes[b];
    const sem = x.meaning && y.meaning ? dot(x.meaning, y.meaning) : 0;
    return time * namesFactor(x, y) * ((1 - MEANING_WEIGHT) * lift(cosine(x.words, y.words), lexical) + MEANING_WEIGHT * lift(sem, meaning));
  };
  const pairs = new Map<number, number>();
  const n = groups.length;
  for (const { a, b } of edges) {
    const ga = groupOf[a];
    const gb = groupOf[b];
    if (ga === gb || Math.min(groups[ga].length, groups[gb].length) > MAX_FRAGMENT_ITEMS) continue;
    if (Math.min(outletCount[ga], outletCount[gb]) >= COMPLETE_OUTLETS || toldAloneByOneOutlet(ga, gb)) continue;
    const key = ga < gb ? ga * n + gb : gb * n + ga;
    if (pairs.has(key)) continue;
    pairs.set(key, toldApartByOneOutlet(groups[ga], groups[gb]) ? 0 : score(Math.min(ga, gb), Math.max(ga, gb)));
  }
  const ranked = [...pairs]
    .filter(([, s]) => s >= STORY_MERGE_THRESHOLD)
    .sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const taken = new Uint8Array(n);
  const joined = groups.map((g) => [...g]);
  const linked = strict ? new Set(edges.map(({ a, b }) => (a < b ? a * features.length + b : b * features.length + a))) : null;
  const touches = (i: number, group: number[]) => !linked || group.some((j) => linked.has(i < j ? i * features.length + j : j * features.length + i));
  for (const [key] of ranked) {
    const ga = Math.floor(key / n);
    const gb = key % n;
    if (taken[ga] || taken[gb]) continue;
    taken[ga] = taken[gb] = 1;
    // in the stories, the piece's items that touch none of the other story's stay behind: they were in the piece by a
    // word of their own ("Cases of whooping cough rise in Sorrel Creek schools" beside "Sorrel Creek cinema adds
    // midnight screenings of Hollowpoint Bay", a piece of the film's opening). The sections' looser stories keep them:
    // an item's section is read better with its piece's (`huffpost-dev-headlines` sections 0.736 → 0.692 without).
    const [story, piece] = groups[ga].length >= groups[gb].length ? [ga, gb] : [gb, ga];
    const going = joined[piece].filter((i) => touches(i, groups[story]));
    const staying = joined[piece].filter((i) => !touches(i, groups[story]));
    joined[story] = [...joined[story], ...going].sort((x, y) => x - y);
    joined[piece] = staying;
  }
  return joined.filter((g) => g.length > 0);
}
