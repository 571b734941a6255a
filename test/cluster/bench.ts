// Clustering at scale: synthetic weeks of 1,000 and 10,000 items (generated in memory).
//   node --import tsx test/cluster/bench.ts [sizes...]
import { clusterItems } from '../../src/cluster/index.js';
import { pairwiseScores, syntheticWeek } from './synthetic.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const times = new Map<number, number>();
for (const n of sizes.length ? sizes : [1000, 10000]) {
  const { items, eventOf } = syntheticWeek(n, 7);
  clusterItems(items.slice(0, 200)); // warm up the JIT so the first size is not penalised
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { clusters } = clusterItems(items);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  times.set(n, cpuMs);
  const s = pairwiseScores(clusters.map((c) => c.items.map((i) => i.key)), eventOf);
  console.log(`${n} items: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${clusters.length} stories, precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`);
}
if (times.has(1000) && times.has(10000)) console.log(`10k/1k CPU time ratio: ${(times.get(10000)! / times.get(1000)!).toFixed(1)}`);
