// The plain baseline every score is compared with, computed on the same items in the same run:
// TF-IDF over title + text (lower-case, stop words removed, l2-normalised), cosine similarity,
// average-linkage agglomeration cut at one fixed threshold; sections by keyword count plus TF-IDF
// cosine to the theme's description and keywords, best theme wins.
import { eng, ukr } from 'stopword';
import type { SetTheme } from './set-format.js';

/**
 * The one cut for the baseline's average linkage. Chosen on the tuning sets only (editorial, its
 * headline variant, uci-news and the *-dev halves of the public sets) with `npm run eval -- --sweep`:
 * the threshold with the best mean pair F1 over them. Held-out sets never influenced it.
 */
export const BASELINE_THRESHOLD = 0.15;

const STOP = new Set([...eng, ...ukr, 's', 't']);

/** Lower-case words and numbers; `keepStop` keeps stop words (for matching keyword phrases). */
export function words(text: string, keepStop = false): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    if (keepStop || !STOP.has(m[0])) out.push(m[0]);
  }
  return out;
}

export type Vector = Map<string, number>;

/** TF-IDF vectors (raw counts × smoothed idf, l2-normalised) of the documents, with the idf to reuse. */
export function tfidf(docs: string[][]): { vectors: Vector[]; idf: (term: string) => number } {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = (t: string) => Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1;
  return { vectors: docs.map((d) => weigh(d, idf)), idf };
}

export function weigh(doc: string[], idf: (term: string) => number): Vector {
  const v: Vector = new Map();
  for (const t of doc) v.set(t, (v.get(t) ?? 0) + 1);
  let norm = 0;
  for (const [t, c] of v) {
    const w = c * idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

/** Full cosine matrix (row-major), through an inverted index so only shared terms cost. */
export function similarityMatrix(vectors: Vector[]): Float64Array {
  const n = vectors.length;
  const sim = new Float64Array(n * n);
  const postings = new Map<string, [number, number][]>();
  vectors.forEach((v, i) => {
    for (const [t, w] of v) {
      const list = postings.get(t);
      if (list) list.push([i, w]);
      else postings.set(t, [[i, w]]);
    }
  });
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) {
      const [i, wi] = list[x];
      for (let y = x + 1; y < list.length; y++) {
        const [j, wj] = list[y];
        sim[i * n + j] += wi * wj;
      }
    }
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sim[j * n + i] = sim[i * n + j];
  return sim;
}

/**
 * Average-linkage agglomeration (UPGMA): repeatedly merge the two groups with the highest mean
 * pairwise similarity while it is at least `threshold`. Returns a group index per item.
 * Written here because the packaged implementations rebuild the whole matrix at every merge
 * (cubic time, minutes at 1,000 items); this keeps one matrix and a heap of candidate merges.
 */
export function averageLinkage(sim: Float64Array, n: number, threshold: number): number[] {
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const version = new Array<number>(n).fill(0);
  const parent = Array.from({ length: n }, (_, i) => i);
  const heap = new MaxHeap();
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (sim[i * n + j] >= threshold) heap.push({ s: sim[i * n + j], a: i, b: j, va: 0, vb: 0 });
  while (heap.size > 0) {
    const top = heap.pop()!;
    const { a, b } = top;
    if (!alive[a] || !alive[b] || version[a] !== top.va || version[b] !== top.vb) continue;
    // merge b into a; the Lance–Williams update for average linkage is the size-weighted mean
    const na = size[a];
    const nb = size[b];
    alive[b] = false;
    parent[b] = a;
    size[a] = na + nb;
    version[a]++;
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === a) continue;
      const s = (na * sim[a * n + c] + nb * sim[b * n + c]) / (na + nb);
      sim[a * n + c] = s;
      sim[c * n + a] = s;
      if (s >= threshold) heap.push(a < c ? { s, a, b: c, va: version[a], vb: version[c] } : { s, a: c, b: a, va: version[c], vb: version[a] });
    }
  }
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  return Array.from({ length: n }, (_, i) => root(i));
}

interface Merge {
  s: number;
  a: number;
  b: number;
  va: number;
  vb: number;
}

class MaxHeap {
  private data: Merge[] = [];
  get size() {
    return this.data.length;
  }
  push(m: Merge) {
    const d = this.data;
    d.push(m);
    let i = d.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (d[p].s >= d[i].s) break;
      [d[p], d[i]] = [d[i], d[p]];
      i = p;
    }
  }
  pop(): Merge | undefined {
    const d = this.data;
    if (d.length === 0) return undefined;
    const top = d[0];
    const last = d.pop()!;
    if (d.length > 0) {
      d[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < d.length && d[l].s > d[m].s) m = l;
        if (r < d.length && d[r].s > d[m].s) m = r;
        if (m === i) break;
        [d[m], d[i]] = [d[i], d[m]];
        i = m;
      }
    }
    return top;
  }
}

export interface BaselineDoc {
  key: string;
  title: string;
  text: string;
}

/** Baseline stories: group index per document, at the given threshold. */
export function baselineStories(docs: BaselineDoc[], threshold = BASELINE_THRESHOLD): Map<string, string> {
  const { vectors } = tfidf(docs.map((d) => words(`${d.title}\n${d.text}`)));
  const groups = averageLinkage(similarityMatrix(vectors), docs.length, threshold);
  return new Map(docs.map((d, i) => [d.key, `b${groups[i]}`]));
}

/** How often the keyword (a word or phrase) occurs in the token list; a plural or possessive "s" also counts. */
export function keywordCount(tokens: string[], keyword: string): number {
  const kw = words(keyword, true);
  if (kw.length === 0) return 0;
  const same = (tok: string, k: string) => tok === k || tok === `${k}s` || tok === `${k}es`;
  let count = 0;
  for (let i = 0; i + kw.length <= tokens.length; i++) {
    let ok = true;
    for (let j = 0; j < kw.length && ok; j++) ok = same(tokens[i + j], kw[j]);
    if (ok) count++;
  }
  return count;
}

/** Baseline sections: per document, the theme with the highest keyword count + cosine; null when nothing matches. */
export function baselineSections(docs: BaselineDoc[], themes: SetTheme[]): Map<string, string | null> {
  const { vectors, idf } = tfidf(docs.map((d) => words(`${d.title}\n${d.text}`)));
  const themeVectors = themes.map((t) => weigh(words(`${t.description}\n${t.keywords.join('\n')}`), idf));
  const out = new Map<string, string | null>();
  docs.forEach((d, i) => {
    const tokens = words(`${d.title}\n${d.text}`, true);
    let best: string | null = null;
    let bestScore = 0;
    themes.forEach((t, ti) => {
      const score = t.keywords.reduce((n, k) => n + keywordCount(tokens, k), 0) + cosine(vectors[i], themeVectors[ti]);
      if (score > bestScore) {
        bestScore = score;
        best = t.id;
      }
    });
    out.set(d.key, best);
  });
  return out;
}
