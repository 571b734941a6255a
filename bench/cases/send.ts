// Send: one edition to 10,000 subscribers through sendEdition (ledger, personalisation, composing, pooled SMTP)
// into a local smtp-server sink, against bare nodemailer pooled sending of one ready message to the same sink
// in the same run (bench/lib/delivery.ts). Goal: ≥ 80% of bare throughput. Memory must stay flat: the same
// bench with 2,000 subscribers runs in a child process of its own, and its peak RSS is the baseline for 10,000's.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchDelivery, type DeliveryBenchResult } from '../lib/delivery.js';
import { emit, result } from '../lib/result.js';

const SUBSCRIBERS = 10_000;
const SMALL = 2_000;
const GOAL = 0.8;
const FLAT = 1.25;

const childArg = process.argv.indexOf('--subscribers');
if (childArg >= 0) {
  // child mode: one run, its result as a single JSON line
  const r = await benchDelivery({ subscribers: Number(process.argv[childArg + 1]) });
  process.stdout.write(`${JSON.stringify(r)}\n`);
  process.exit(0);
}

/**
 * Memory must not grow with the list. Judged on the live heap after a full GC at the end of the run
 * (what the run retains), 10,000 against 2,000 subscribers; peak RSS is reported next to it but not judged,
 * because a lazy collector lets RSS swing by a third from run to run on the same code.
 */
function memoryFlat(big: DeliveryBenchResult, small: DeliveryBenchResult) {
  const heap = big.heapAtEndMb !== null && small.heapAtEndMb !== null;
  return result({
    name: 'send-memory-flat',
    value: heap ? big.heapAtEndMb! : big.digest.peakRssMb,
    unit: 'MiB',
    baseline: heap
      ? `live heap after GC at the end of the same bench with ${SMALL} subscribers (own process)`
      : `peak RSS of the same bench with ${SMALL} subscribers (own process; run with --expose-gc to judge live heap)`,
    baselineValue: heap ? small.heapAtEndMb! : small.digest.peakRssMb,
    goal: `ratio ≤ ${FLAT} (flat)`,
    ok: (ratio) => ratio !== null && ratio <= FLAT,
    extra: {
      measure: heap ? 'live heap after GC' : 'peak RSS',
      peakRssMb: big.digest.peakRssMb,
      smallPeakRssMb: small.digest.peakRssMb,
      heapAt10PercentMb: big.heapAt10PercentMb,
      heapAtEndMb: big.heapAtEndMb,
      rssAt10PercentMb: big.rssAt10PercentMb,
      rssAtEndMb: big.rssAtEndMb,
      small: { subscribers: SMALL, perSecond: small.digest.perSecond, ratio: small.ratio, heapAtEndMb: small.heapAtEndMb, rssAtEndMb: small.rssAtEndMb },
    },
  });
}

function runInChild(subscribers: number): DeliveryBenchResult | string {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--subscribers', String(subscribers)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 600_000,
  });
  const line = child.stdout?.trim().split('\n').pop();
  if (child.status !== 0 || !line) return `the ${subscribers}-subscriber run failed (exit ${child.status ?? child.signal})`;
  return JSON.parse(line) as DeliveryBenchResult;
}

const small = runInChild(SMALL);
const big = await benchDelivery({ subscribers: SUBSCRIBERS });
const phase = (r: DeliveryBenchResult) => ({ digestMs: r.digest.ms, bareMs: r.bare.ms, cpuRatio: r.cpuRatio, digestCpuMsPerMsg: r.digest.cpuMsPerMessage, bareCpuMsPerMsg: r.bare.cpuMsPerMessage });
emit([
  result({
    name: 'send-10k',
    value: big.digest.perSecond,
    unit: 'msg/s',
    baseline: 'bare nodemailer pool, same message, same sink, same run',
    baselineValue: big.bare.perSecond,
    goal: `ratio ≥ ${GOAL}`,
    ok: (ratio) => ratio !== null && ratio >= GOAL && big.received === 3 * SUBSCRIBERS,
    extra: { subscribers: SUBSCRIBERS, connections: big.connections, received: big.received, ...phase(big) },
  }),
  typeof small === 'string'
    ? result({ name: 'send-memory-flat', value: big.digest.peakRssMb, unit: 'MiB', baseline: null, baselineValue: null, goal: null, extra: { error: small } })
    : memoryFlat(big, small),
]);
