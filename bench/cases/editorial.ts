// Editorial stages on their own: cluster + representative + theme + summarize on 1,000 and 10,000 synthetic
// items (built directly as cleaned Items, no fetch or parse). Goals: 10,000 items in under 10 s, and
// 10× the items in at most 15× the time (the blocking in clustering keeps it near-linear).
// Times are this process's CPU time: the work is synchronous and single-threaded, so on an idle core wall time
// equals it (GC helper threads only add to CPU time), and it does not count the time other processes on a shared
// machine held the core. Wall times are reported next to it.
import type { Item, ThemeConfig } from '../../src/types.js';
import { clusterItems, representative } from '../../src/cluster/index.js';
import { assignTheme } from '../../src/theme/index.js';
import { summarize } from '../../src/summarize/index.js';
import { emit, peakRssMb, result } from '../lib/result.js';
import { synthCleanItems } from '../lib/synth.js';
import { wordVectors } from '../../src/text/vectors.js';
import { median } from '../lib/timing.js';

const THEMES: ThemeConfig[] = [
  { id: 'arms', title: 'Weapons & strikes', description: 'Weapons deliveries, limits on their use, strikes and threats of retaliation.', keywords: ['air defence', 'fighter jet', 'missile', 'artillery shell', 'F-16'] },
  { id: 'talks', title: 'Talks & diplomacy', description: 'Negotiations, envoys, peace plans and sanctions.', keywords: ['ceasefire', 'talks', 'peace plan', 'sanctions', 'envoy'] },
  { id: 'home', title: 'Home front', description: 'Energy, rebuilding and life behind the front line.', keywords: ['power grid', 'reconstruction', 'school'] },
];

interface EditorialRun {
  ms: number;
  /** CPU time of this process over the run: on a shared machine, the part of `ms` that was ours */
  cpuMs: number;
  clusterMs: number;
  stories: number;
  themed: number;
}

function runEditorial(items: Item[]): EditorialRun {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { clusters } = clusterItems(items);
  const clusterMs = performance.now() - t0;
  let themed = 0;
  let chars = 0;
  for (const cluster of clusters) {
    const rep = representative(cluster);
    if (assignTheme(cluster, THEMES).themeId) themed++;
    chars += summarize(cluster, rep.title).length;
  }
  if (chars === 0) throw new Error('editorial bench: no summary was written');
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, clusterMs, stories: clusters.length, themed };
}

// The word vectors load once per process; their cost is reported on its own (and kept out of the runs below).
const rssBefore = process.memoryUsage().rss;
const vectorsStarted = performance.now();
const vectorWords = wordVectors().size;
const vectorsLoad = { vectorsLoadMs: Math.round(performance.now() - vectorsStarted), vectorsRssMb: Math.round((process.memoryUsage().rss - rssBefore) / 1e6), vectorWords };

const small = synthCleanItems(1_000);
const large = synthCleanItems(10_000);
runEditorial(small); // warm-up: JIT and lazily built tables
const smallRuns = [runEditorial(small), runEditorial(small), runEditorial(small)];
const smallMs = median(smallRuns.map((r) => r.cpuMs));
const largeRun = runEditorial(large);

const shares = (r: EditorialRun) => ({ wallS: Math.round(r.ms) / 1000, clusterShare: `${Math.round((r.clusterMs / r.ms) * 100)}%`, stories: r.stories, themed: r.themed });
emit([
  result({ name: 'editorial-1k', value: smallMs / 1000, unit: 's CPU', baseline: null, baselineValue: null, goal: null, extra: { items: small.length, ...shares(smallRuns[0]) } }),
  result({
    name: 'editorial-10k',
    value: largeRun.cpuMs / 1000,
    unit: 's CPU',
    baseline: 'editorial-1k (1,000 items, same run)',
    baselineValue: smallMs / 1000,
    goal: 'under 10 s CPU and ratio ≤ 15',
    ok: (ratio, value) => value < 10 && ratio !== null && ratio <= 15,
    extra: { items: large.length, ...shares(largeRun), peakRssMb: peakRssMb(), ...vectorsLoad },
  }),
]);
