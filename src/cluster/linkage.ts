// Average-linkage agglomeration: repeatedly join the two groups whose mean pairwise similarity is
// highest, while it stays at or above the threshold. Only groups joined by at least one candidate
// edge are ever compared (that keeps it near-linear), but their mean is exact: every member pair
// counts, so a group only grows by items similar to most of its members — a chain A~B~C does not
// pull A and C together unless they are close on average.

export interface Edge {
  a: number;
  b: number;
  weight: number;
}

interface Entry {
  avg: number;
  a: number;
  b: number;
  versionA: number;
  versionB: number;
}

/** Higher average first; ties broken by group ids so the result never depends on heap internals. */
function before(x: Entry, y: Entry): boolean {
  if (x.avg !== y.avg) return x.avg > y.avg;
  if (x.a !== y.a) return x.a < y.a;
  return x.b < y.b;
}

class Heap {
  private items: Entry[] = [];
  get size() {
    return this.items.length;
  }
  push(entry: Entry) {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }
  pop(): Entry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && before(items[l], items[best])) best = l;
        if (r < items.length && before(items[r], items[best])) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best], items[i]];
        i = best;
      }
    }
    return top;
  }
}

/**
 * Group `n` nodes. Returns the groups as lists of node indices (ascending), in order of their
 * smallest member.
 */
export function averageLinkage(n: number, edges: Edge[], threshold: number, similarity: (a: number, b: number) => number): number[][] {
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const alive: boolean[] = Array(n).fill(true);
  const version: number[] = Array(n).fill(0);
  // links[g] = neighbouring group → sum of similarities over all member pairs of the two groups
  const links: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const heap = new Heap();
  const sumBetween = (g: number, h: number) => {
    let sum = 0;
    for (const x of members[g]) for (const y of members[h]) sum += similarity(x, y);
    return sum;
  };

  const pushPair = (g: number, h: number, sum: number) => {
    const avg = sum / (members[g].length * members[h].length);
    if (avg < threshold) return;
    const [a, b] = g < h ? [g, h] : [h, g];
    heap.push({ avg, a, b, versionA: version[a], versionB: version[b] });
  };

  for (const { a, b, weight } of edges) {
    if (a === b || weight <= 0) continue;
    links[a].set(b, (links[a].get(b) ?? 0) + weight);
    links[b].set(a, (links[b].get(a) ?? 0) + weight);
  }
  for (let g = 0; g < n; g++) for (const [h, sum] of links[g]) if (g < h) pushPair(g, h, sum);

  while (heap.size) {
    const top = heap.pop()!;
    const { a, b } = top;
    if (!alive[a] || !alive[b] || version[a] !== top.versionA || version[b] !== top.versionB) continue;
    // Merge b into a (a is the smaller id, so group ids stay the smallest member's).
    // Sums to each neighbour of either half; a half that never touched that neighbour is summed now.
    const merged = new Map<number, number>();
    for (const h of new Set([...links[a].keys(), ...links[b].keys()])) {
      if (h === a || h === b) continue;
      merged.set(h, (links[a].get(h) ?? sumBetween(a, h)) + (links[b].get(h) ?? sumBetween(b, h)));
    }
    alive[b] = false;
    members[a] = [...members[a], ...members[b]].sort((x, y) => x - y);
    members[b] = [];
    version[a]++;
    links[a] = merged;
    links[b] = new Map();
    for (const [h, sum] of merged) {
      links[h].delete(b);
      links[h].set(a, sum);
      pushPair(a, h, sum);
    }
  }

  const groups: number[][] = [];
  for (let g = 0; g < n; g++) if (alive[g]) groups.push(members[g]);
  return groups;
}
