// Scaling: the end-to-end build at 1×, 4× and 16× items (no network latency, so the work itself is measured).
// Goal: near-linear — 16× the items in at most ~1.5 × 16 the time.
import { emit, peakRssMb, result } from '../lib/result.js';
import { runPipeline } from '../lib/pipeline.js';

const base = await runPipeline({ feeds: 20, perFeed: 50 });
const runs = [
  { factor: 4, run: await runPipeline({ feeds: 20, perFeed: 200 }) },
  { factor: 16, run: await runPipeline({ feeds: 20, perFeed: 800 }) },
];
emit([
  result({ name: 'scaling-1x', value: base.wallMs / 1000, unit: 's', baseline: null, baselineValue: null, goal: null, extra: { items: base.items } }),
  ...runs.map(({ factor, run }) =>
    result({
      name: `scaling-${factor}x`,
      value: run.wallMs / 1000,
      unit: 's',
      baseline: 'scaling-1x (1,000 items)',
      baselineValue: base.wallMs / 1000,
      goal: `ratio ≤ ${1.5 * factor} (near-linear)`,
      ok: (ratio) => ratio !== null && ratio <= 1.5 * factor,
      extra: { items: run.items, stages: run.stages, peakRssMb: peakRssMb() },
    }),
  ),
]);
