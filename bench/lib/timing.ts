// Small timing helpers shared by the cases: run a task a few times and keep the median, so one
// slow round on a busy machine does not decide the figure.
import { performance } from 'node:perf_hooks';

export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError('median: expected at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** wall time of one run of `task`, ms */
export async function timeMs(task: () => unknown): Promise<number> {
  const t0 = performance.now();
  await task();
  return performance.now() - t0;
}

/** wall time and this process's CPU time (user + system) of one run of `task`, ms */
export async function timeWithCpu(task: () => unknown): Promise<{ ms: number; cpuMs: number }> {
  const cpu0 = process.cpuUsage();
  const ms = await timeMs(task);
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export interface Alternated {
  /** median wall time, ms */
  a: number;
  b: number;
  /** median CPU time, ms: steadier than wall time when other processes share the cores */
  aCpu: number;
  bCpu: number;
}

/**
 * Time two contenders in alternating rounds (A, B, A, B…) and return each one's medians, so drift in a
 * shared machine's load hits both alike.
 */
export async function alternate(rounds: number, a: () => unknown, b: () => unknown): Promise<Alternated> {
  const aRuns: { ms: number; cpuMs: number }[] = [];
  const bRuns: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < rounds; i++) {
    aRuns.push(await timeWithCpu(a));
    bRuns.push(await timeWithCpu(b));
  }
  return {
    a: median(aRuns.map((r) => r.ms)),
    b: median(bRuns.map((r) => r.ms)),
    aCpu: median(aRuns.map((r) => r.cpuMs)),
    bCpu: median(bRuns.map((r) => r.cpuMs)),
  };
}

/** RSS of this process right now, MiB (one decimal) */
export function rssMb(): number {
  return Math.round((process.memoryUsage.rss() / 2 ** 20) * 10) / 10;
}
