// End to end: 200 local feeds × 50 items on 25 loopback hosts, 50–500 ms latency per request, through the whole
// build. Baseline: the ideal fetch time ceil(200 / concurrency 8) × mean latency (of the same seeded latencies).
// Goal: the fetch stage within 1.5× of ideal; the whole build's wall time and stage shares are reported.
import { emit, peakRssMb, result } from '../lib/result.js';
import { runPipeline, shares, stageSeconds } from '../lib/pipeline.js';

const FEEDS = 200;
const CONCURRENCY = 8; // the default fetch.concurrency
const GOAL = 1.5;
const run = await runPipeline({ feeds: FEEDS, perFeed: 50, hosts: 25, latency: [50, 500] });
const idealS = (Math.ceil(FEEDS / CONCURRENCY) * run.meanLatencyMs) / 1000;
const baseline = `ideal fetch ceil(${FEEDS}/${CONCURRENCY}) × mean latency ${Math.round(run.meanLatencyMs)} ms`;
emit([
  result({
    name: 'e2e-200x50-fetch',
    value: (run.stages.fetch ?? NaN) / 1000,
    unit: 's',
    baseline,
    baselineValue: idealS,
    goal: `ratio ≤ ${GOAL}`,
    ok: (ratio) => ratio !== null && ratio <= GOAL,
    extra: { requests: run.requests },
  }),
  result({
    name: 'e2e-200x50',
    value: run.wallMs / 1000,
    unit: 's',
    baseline,
    baselineValue: idealS,
    goal: null,
    extra: { cpuS: Math.round(run.cpuMs) / 1000, stagesS: stageSeconds(run.stages), stages: shares(run.stages, run.wallMs), peakRssMb: peakRssMb(), stories: run.stories, items: run.items },
  }),
]);
