// Scaling: the end-to-end build at 1×, 4× and 16× items (1,000 / 4,000 / 16,000; no network latency, so the
// work itself is measured). A first, untimed 1× build warms the JIT, so the baseline is not start-up cost.
// Goal: near-linear — 4× and 16× the items in at most 1.5 × 4 and 1.5 × 16 the time.
// Times are this process's CPU time (the local feed servers included), which on a shared machine does not count
// the time other processes held the core; wall times and per-stage wall times are reported next to it.
import { emit, peakRssMb, result } from '../lib/result.js';
import { runPipeline, shares, stageSeconds, type PipelineRun } from '../lib/pipeline.js';

await runPipeline({ feeds: 20, perFeed: 50 }); // warm-up
const base = await runPipeline({ feeds: 20, perFeed: 50 });
const runs: { factor: number; run: PipelineRun }[] = [];
for (const factor of [4, 16]) runs.push({ factor, run: await runPipeline({ feeds: 20, perFeed: 50 * factor }) });

const detail = (run: PipelineRun) => ({ items: run.items, stories: run.stories, wallS: Math.round(run.wallMs) / 1000, stagesS: stageSeconds(run.stages), stages: shares(run.stages, run.wallMs) });
emit([
  result({ name: 'scaling-1x', value: base.cpuMs / 1000, unit: 's CPU', baseline: null, baselineValue: null, goal: null, extra: detail(base) }),
  ...runs.map(({ factor, run }) =>
    result({
      name: `scaling-${factor}x`,
      value: run.cpuMs / 1000,
      unit: 's CPU',
      baseline: 'scaling-1x (1,000 items)',
      baselineValue: base.cpuMs / 1000,
      goal: `ratio ≤ ${1.5 * factor} (near-linear)`,
      ok: (ratio) => ratio !== null && ratio <= 1.5 * factor,
      extra: { ...detail(run), wallRatio: Math.round((run.wallMs / base.wallMs) * 100) / 100, peakRssMb: peakRssMb() },
    }),
  ),
]);
