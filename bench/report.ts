// `node --import tsx bench/report.ts [--in out/bench.json]… [--out docs/performance.md]`: turn the results of
// `npm run bench` into docs/performance.md, so the figures in the docs are generated, never typed. Several --in
// files merge (a full run plus a re-run of one case: the later result of a name wins).
// What each case measures comes from the opening comment of its file in bench/cases/.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './lib/result.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

interface Machine {
  node: string;
  cpus: number;
  cpu: string;
  memGiB: number;
  platform: string;
  date?: string;
}

export interface BenchFile {
  machine: Machine;
  results: BenchResult[];
}

class ReportError extends Error {}

function fail(message: string): never {
  throw new ReportError(message);
}

/** out/bench.json as written by bench/run.ts, checked enough to report on it */
export function readBenchFile(file: string): BenchFile {
  const rel = path.relative(process.cwd(), file);
  const shown = rel && !rel.startsWith('..') ? rel : file;
  if (!existsSync(file)) fail(`${shown}: not found; run \`npm run bench\` first`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${shown}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const d = data as Partial<BenchFile>;
  if (!d || typeof d !== 'object' || !d.machine || typeof d.machine !== 'object') fail(`${shown}: expected an object with "machine" and "results"`);
  if (!Array.isArray(d.results)) fail(`${shown}: "results" must be a list of bench results`);
  d.results.forEach((r, i) => {
    if (!r || typeof r.name !== 'string' || typeof r.value !== 'number' || typeof r.unit !== 'string') {
      fail(`${shown}: results[${i}] needs a string "name", a number "value" and a string "unit"`);
    }
  });
  return d as BenchFile;
}

/** opening `//` comment of each case file, keyed by case name: what the case measures, in its author's words */
export function caseDescriptions(casesDir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(casesDir)) return out;
  for (const file of readdirSync(casesDir).filter((f) => f.endsWith('.ts')).sort()) {
    const lines = readFileSync(path.join(casesDir, file), 'utf8').split('\n');
    const comment: string[] = [];
    for (const line of lines) {
      if (!line.startsWith('//')) break;
      comment.push(line.replace(/^\/\/ ?/, ''));
    }
    out.set(file.replace(/\.ts$/, ''), comment.join(' ').replace(/\s+/g, ' ').trim());
  }
  return out;
}

/** the case a result came from: result names start with their case's file name */
function caseOf(name: string, cases: string[]): string {
  const matches = cases.filter((c) => name === c || name.startsWith(`${c}-`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? name.split('-')[0];
}

function num(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function verdict(r: BenchResult): string {
  if (r.extra && 'skipped' in r.extra) return 'skipped';
  if (r.ok === true) return '✅ met';
  if (r.ok === false) return '❌ missed';
  return '— (reported)';
}

function value(v: unknown): string {
  if (typeof v === 'number') return num(v);
  if (Array.isArray(v)) return `[${v.map(value).join(', ')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${value(x)}`).join(', ')}}`;
  return String(v);
}

function extraLine(extra: Record<string, unknown>): string {
  return Object.entries(extra)
    .filter(([k]) => k !== 'load1')
    .map(([k, v]) => `${k} ${value(v)}`)
    .join(' · ');
}

/** "slowest stage: cluster (41% of the build)" for results that carry per-stage seconds */
function slowestStage(extra: Record<string, unknown>): string | null {
  const stages = extra.stagesS;
  if (!stages || typeof stages !== 'object') return null;
  const entries = Object.entries(stages as Record<string, number>).filter(([, v]) => typeof v === 'number');
  const total = entries.reduce((n, [, v]) => n + v, 0);
  if (!entries.length || total <= 0) return null;
  const [name, secs] = entries.sort((a, b) => b[1] - a[1])[0];
  return `slowest stage ${name} (${Math.round((secs / total) * 100)}% of the stage time)`;
}

export function renderReport(data: BenchFile, opts: { descriptions: Map<string, string>; date: string; source: string }): string {
  const { machine, results } = data;
  const cases = [...opts.descriptions.keys()];
  const out: string[] = [];
  out.push('# Performance');
  out.push('');
  out.push(`<!-- Generated by \`node --import tsx bench/report.ts\` from ${opts.source}. Do not edit by hand: run the benches and regenerate. -->`);
  out.push('');
  out.push('Figures from running the benchmark suite (`npm run bench`; the source files are named above). Every speed goal is a ratio against a baseline measured in the same run on the same machine; data is generated (seeded) and served from 127.0.0.x, nothing comes from the network.');
  out.push('');
  out.push('## Machine');
  out.push('');
  out.push(`- Run: ${opts.date}`);
  out.push(`- CPU: ${machine.cpu} × ${machine.cpus}, ${machine.memGiB} GiB RAM`);
  out.push(`- ${machine.platform}, Node ${machine.node}`);
  const loads = results.map((r) => r.extra?.load1).filter((l): l is number => typeof l === 'number');
  if (loads.length) {
    const max = Math.max(...loads);
    const min = Math.min(...loads);
    out.push(`- Load average (1 min) while the cases ran: ${min === max ? num(max) : `${num(min)}–${num(max)}`}${max > machine.cpus ? ` on ${machine.cpus} cores: the machine was shared, so wall times are longer than on an idle machine; ratios measured in the same run are the figures to trust` : ''}`);
  }
  out.push('');
  out.push('## Results');
  out.push('');
  out.push('| result | value | baseline | baseline value | ratio | goal | verdict |');
  out.push('| --- | ---: | --- | ---: | ---: | --- | --- |');
  for (const r of results) {
    const skipped = r.extra && typeof r.extra.skipped === 'string';
    out.push(
      `| ${cell(r.name)} | ${skipped ? '—' : `${num(r.value)} ${cell(r.unit)}`} | ${cell(r.baseline ?? '—')} | ${r.baselineValue === null ? '—' : `${num(r.baselineValue)} ${cell(r.unit)}`} | ${num(r.ratio)} | ${cell(r.goal ?? '—')} | ${verdict(r)} |`,
    );
  }
  const missed = results.filter((r) => r.ok === false).map((r) => r.name);
  const skippedNames = results.filter((r) => r.extra && typeof r.extra.skipped === 'string');
  out.push('');
  if (results.some((r) => r.unit.includes('CPU'))) {
    out.push('Values in "s CPU" are the CPU time of the case\'s process: for synchronous single-threaded work this is the wall time it takes on an idle core, and unlike wall time it does not grow when other processes share the machine. Wall times are in the details below.');
    out.push('');
  }
  out.push(`Goals met: ${results.filter((r) => r.ok === true).length} of ${results.filter((r) => r.ok !== null).length}${missed.length ? `; missed: ${missed.join(', ')}` : ''}.${skippedNames.length ? ` Skipped: ${skippedNames.map((r) => `${r.name} (${String(r.extra!.skipped)})`).join('; ')}.` : ''}`);
  const silent = cases.filter((c) => !results.some((r) => caseOf(r.name, cases) === c));
  if (silent.length) out.push('', `No result in this run from: ${silent.join(', ')} (the case failed or was not run; see the run's stderr).`);
  out.push('');
  out.push('## Cases');
  out.push('');
  const byCase = new Map<string, BenchResult[]>();
  for (const r of results) {
    const c = caseOf(r.name, cases);
    byCase.set(c, [...(byCase.get(c) ?? []), r]);
  }
  for (const [c, rs] of byCase) {
    out.push(`### ${c}`);
    out.push('');
    const about = opts.descriptions.get(c);
    if (about) {
      out.push(about);
      out.push('');
    }
    for (const r of rs) {
      if (!r.extra) continue;
      const parts = [slowestStage(r.extra), extraLine(r.extra)].filter(Boolean);
      if (parts.join('')) out.push(`- **${r.name}**: ${cell(parts.join(' · '))}`);
    }
    out.push('');
  }
  out.push('## Running');
  out.push('');
  out.push('```sh');
  out.push('npm run bench                              # every case, results in out/bench.json');
  out.push('npm run bench -- parse fetch               # some cases, results in out/bench-parse-fetch.json');
  out.push('node --import tsx bench/report.ts          # regenerate this page from out/bench.json');
  out.push('```');
  out.push('');
  out.push('`parse` reads the shared feed corpus (`ROUNDUP_CORPUS`, default /work/shared/corpus) and is skipped without it; `rss2email` needs Debian\'s `rss2email` package (it installs it when run as root, else it is skipped).');
  return `${out.join('\n')}\n`;
}

const USAGE = 'usage: bench/report.ts [--in out/bench.json]… [--out docs/performance.md]';

function parseArgs(argv: string[]): { inputs: string[]; output: string } {
  const inputs: string[] = [];
  let output = path.join(root, 'docs', 'performance.md');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--in' || a === '--out') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) fail(`${a} needs a file name; ${USAGE}`);
      if (a === '--in') inputs.push(path.resolve(v));
      else output = path.resolve(v);
    } else fail(`unknown argument ${a}; ${USAGE}`);
  }
  return { inputs: inputs.length ? inputs : [path.join(root, 'out', 'bench.json')], output };
}

/**
 * Several result files in one report (a full run, then a re-run of one case): a later file's result replaces an
 * earlier one of the same name, in its place. The machine is the last file's.
 */
export function mergeBenchFiles(files: BenchFile[]): BenchFile {
  const byName = new Map<string, BenchResult>();
  for (const f of files) for (const r of f.results) byName.set(r.name, r);
  return { machine: files[files.length - 1].machine, results: [...byName.values()] };
}

function main(): number {
  try {
    const { inputs, output } = parseArgs(process.argv.slice(2));
    const data = mergeBenchFiles(inputs.map(readBenchFile));
    const newest = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
    const date = data.machine.date ?? `${new Date(newest).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const source = inputs.map((f) => path.relative(root, f)).join(' + ');
    const text = renderReport(data, { descriptions: caseDescriptions(path.join(here, 'cases')), date, source });
    try {
      writeFileSync(output, text);
    } catch (e) {
      fail(`cannot write ${output} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    process.stderr.write(`bench report: ${data.results.length} results → ${output}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof ReportError)) throw e;
    process.stderr.write(`bench report: ${e.message}\n`);
    return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
