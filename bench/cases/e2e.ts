// End to end: 200 local feeds × 50 items, 50–500 ms latency per request, through the whole build.
// Baseline: the ideal fetch time ceil(200 / concurrency 8) × mean latency, in the same run.
import { emit, peakRssMb, result } from '../lib/result.js';
import { runPipeline, shares } from '../lib/pipeline.js';

const FEEDS = 200;
const run = await runPipeline({ feeds: FEEDS, perFeed: 50, hosts: 25, latency: [50, 500] });
const ideal = Math.ceil(FEEDS / 8) * 275;
emit([
  result({
    name: 'e2e-200x50',
    value: run.wallMs / 1000,
    unit: 's',
    baseline: 'ideal fetch ceil(200/8) × mean latency 275 ms',
    baselineValue: ideal / 1000,
    goal: 'fetch stage within 1.5× of ideal',
    ok: () => (run.stages.fetch ?? Infinity) <= 1.5 * ideal,
    extra: { fetchS: (run.stages.fetch ?? 0) / 1000, stages: shares(run.stages, run.wallMs), peakRssMb: peakRssMb(), stories: run.stories, items: run.items, requests: run.requests },
  }),
]);
