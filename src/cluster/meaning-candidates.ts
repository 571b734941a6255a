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
  const keep = (i: number, others: Iterable<number>) => {
    const v = vectors[i];
    if (!v) return;
    const best: { j: number; s: number }[] = [];
    for (const j of others) {
      const w = vectors[j];
      if (j === i || !w || !within(i, j)) continue;
      const s = dot(v, w);
      if (best.length < NEIGHBOURS) best.push({ j, s });
      else if (s > best[best.length - 1].s) best[best.length - 1] = { j, s };
      else continue;
      best.sort((x, y) => y.s - x.s || x.j - y.j);
    }
    for (const { j } of best) out.push(i < j ? [i, j] : [j, i]);
  };
  if (n <= EXACT_UP_TO) {
    const all = Array.from({ length: n }, (_, j) => j);
    for (let i = 0; i < n; i++) keep(i, all);
    return out;
  }
  const { tables, keys } = hashAll(vectors);
  for (let i = 0; i < n; i++) {
    if (!vectors[i]) continue;
    const near = new Set<number>();
    tables.forEach((table, t) => {
      for (const j of table.get(keys[t][i]) ?? []) near.add(j);
    });
    keep(i, near);
  }
  return out;
}
