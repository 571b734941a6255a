// Candidate pairs by meaning: two headlines in different words ("says sorry" / "apologises") share no
// blocking term, so each item also gets its nearest neighbours by word-vector meaning. Small editions are
// searched exactly; large ones through random-hyperplane hashing (items whose vectors fall on the same side
// of a few fixed planes share a bucket), which keeps the work near-linear.

import { dot } from './meaning.js';

/** Nearest neighbours by meaning kept per item. */
const NEIGHBOURS = 8;
/** Up to this many items every pair is compared exactly. */
const EXACT_UP_TO = 2500;
const TABLES = 6;
const BITS = 9;

function planes(dims: number): Float32Array[] {
  let state = 88172645;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) / 0xffffffff) * 2 - 1;
  };
  return Array.from({ length: TABLES * BITS }, () => Float32Array.from({ length: dims }, next));
}

/** Per table, bucket key → items; and per item its key in each table. */
function hashAll(vectors: (Float32Array | null)[]): { tables: Map<number, number[]>[]; keys: Int32Array[] } {
  const dims = vectors.find((v) => v)?.length ?? 0;
  const hyper = planes(dims);
  const tables = Array.from({ length: TABLES }, () => new Map<number, number[]>());
  const keys = Array.from({ length: TABLES }, () => new Int32Array(vectors.length));
  vectors.forEach((v, i) => {
    if (!v) return;
    for (let t = 0; t < TABLES; t++) {
      let key = 0;
      for (let b = 0; b < BITS; b++) if (dot(v, hyper[t * BITS + b]) > 0) key |= 1 << b;
      keys[t][i] = key;
      const list = tables[t].get(key);
      if (list) list.push(i);
      else tables[t].set(key, [i]);
    }
  });
  return { tables, keys };
}

/** Pairs [i, j] (i < j) of each item with its nearest neighbours by meaning, within the time gap. */
export function meaningPairs(vectors: (Float32Array | null)[], within: (a: number, b: number) => boolean): [number, number][] {
  const n = vectors.length;
  const out: [number, number][] = [];
  // the best NEIGHBOURS so far, highest score first (ties: lower index first), kept sorted by insertion
  const bestJ = new Int32Array(NEIGHBOURS);
  const bestS = new Float64Array(NEIGHBOURS);
  const keep = (i: number, others: Iterable<number>) => {
    const v = vectors[i];
    if (!v) return;
    let size = 0;
    for (const j of others) {
      const w = vectors[j];
      if (j === i || !w || !within(i, j)) continue;
      const s = dot(v, w);
      if (size === NEIGHBOURS && !(s > bestS[size - 1])) continue;
      let at = size < NEIGHBOURS ? size++ : size - 1;
      while (at > 0 && (bestS[at - 1] < s || (bestS[at - 1] === s && bestJ[at - 1] > j))) {
        bestS[at] = bestS[at - 1];
        bestJ[at] = bestJ[at - 1];
        at--;
      }
      bestS[at] = s;
      bestJ[at] = j;
    }
    for (let k = 0; k < size; k++) out.push(i < bestJ[k] ? [i, bestJ[k]] : [bestJ[k], i]);
  };
  if (n <= EXACT_UP_TO) {
    const all = Array.from({ length: n }, (_, j) => j);
    for (let i = 0; i < n; i++) keep(i, all);
    return out;
  }
  const { tables, keys } = hashAll(vectors);
  // an item's bucket-mates over all tables, each once (marked with the item's own number, no Set per item)
  const seenFor = new Int32Array(n).fill(-1);
  const near: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!vectors[i]) continue;
    near.length = 0;
    for (let t = 0; t < TABLES; t++) {
      for (const j of tables[t].get(keys[t][i]) ?? []) {
        if (seenFor[j] === i) continue;
        seenFor[j] = i;
        near.push(j);
      }
    }
    keep(i, near);
  }
  return out;
}
