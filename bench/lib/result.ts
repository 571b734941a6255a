// One benchmark result line: {"name","value","unit","baseline","baselineValue","ratio","goal","ok"}.
// `ratio` is value / baselineValue, both measured in the same run; `goal` states the bar in words and `ok` whether it holds.
import { loadavg } from 'node:os';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: string | null;
  baselineValue: number | null;
  ratio: number | null;
  goal: string | null;
  ok: boolean | null;
  /** extra figures (stage shares, peak RSS, sizes) */
  extra?: Record<string, unknown>;
}

export function result(r: Omit<BenchResult, 'ratio' | 'ok'> & { ok?: (ratio: number | null, value: number) => boolean }): BenchResult {
  const ratio = r.baselineValue ? round(r.value / r.baselineValue, 3) : null;
  return {
    name: r.name,
    value: round(r.value, 3),
    unit: r.unit,
    baseline: r.baseline,
    baselineValue: r.baselineValue === null ? null : round(r.baselineValue, 3),
    ratio,
    goal: r.goal,
    ok: r.ok ? r.ok(ratio, r.value) : null,
    ...(r.extra ? { extra: r.extra } : {}),
  };
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * Emit results from a case process: one JSON line each on stdout, read by bench/run.ts. Each result carries the
 * machine's 1-minute load average when it was measured, since wall times on a shared machine depend on it.
 */
export function emit(results: BenchResult[]): void {
  const load1 = round(loadavg()[0], 2);
  for (const r of results) process.stdout.write(`BENCH ${JSON.stringify({ ...r, extra: { ...r.extra, load1 } })}\n`);
}

export function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024, 1);
}

/** A case that cannot run here (missing corpus, missing tool): say why on stderr and record it, so the report shows it. */
export function skip(name: string, reason: string): void {
  process.stderr.write(`bench: ${name} skipped: ${reason}\n`);
  emit([{ name, value: 0, unit: '', baseline: null, baselineValue: null, ratio: null, goal: null, ok: null, extra: { skipped: reason } }]);
}
