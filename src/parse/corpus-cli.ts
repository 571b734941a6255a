// `npm run corpus -- <corpus-dir> [--out results.tsv] [--timeout ms]`
// Runs every file of the corpus MANIFEST through parseFeedBody (decode + parse, as `build` does) in a worker
// thread with a per-file time limit, checks titles against the expected outputs the corpus ships, compares
// with the rss-parser baseline, and ends with the one-line summary:
//   corpus: files=N feeds=N parsed=N clear-errors=N crashes=N hangs=N mojibake=N
//
// Definitions:
//   feeds         files whose manifest kind is feed-rss/feed-atom/feed-rdf/feed-json
//   parsed        files (any kind) that came back ok
//   clear-errors  files that came back { ok: false } with a one-line message that is not a leaked JS error
//   crashes       parseFeedBody threw, the worker died, or the error text is a leaked JS error (TypeError…)
//   hangs         no answer within the time limit (the worker is killed and replaced)
//   mojibake      parsed files whose feed or item titles contain U+FFFD or UTF-8-read-as-latin-1 sequences
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { looksLikeMojibake } from './text.js';
import { expectedTitles, titlesMatch, type ExpectedTitles } from './corpus-expect.js';
import type { WorkerReply } from './corpus-worker.js';

type Row = Record<'path' | 'source' | 'kind' | 'declared_encoding' | 'expected', string>;
type Result = WorkerReply | { id: number; status: 'hang'; ms: number };

const FEED_KINDS = new Set(['feed-rss', 'feed-atom', 'feed-rdf', 'feed-json']);
const LEAKED_JS_ERROR = /TypeError|ReferenceError|RangeError|Cannot read propert|undefined is not|is not a function|\bat .*\.(js|ts):\d+/;

function usage(message: string): never {
  process.stderr.write(`corpus: ${message}\nusage: npm run corpus -- <corpus-dir> [--out results.tsv] [--timeout ms]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { dir: string; out: string | null; timeoutMs: number } {
  let dir: string | null = null;
  let out: string | null = null;
  let timeoutMs = 5000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out = argv[++i] ?? usage('--out needs a file name');
    else if (a === '--timeout') {
      timeoutMs = Number(argv[++i]);
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) usage('--timeout needs a positive number of milliseconds');
    } else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else dir = a;
  }
  if (!dir) usage('missing corpus directory');
  return { dir: path.resolve(dir), out, timeoutMs };
}

function readTsv<T>(file: string): T[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const cols = lines[0].split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])) as T);
}

/** one worker at a time; killed and replaced when a file takes longer than the limit */
class ParserPool {
  private worker: Worker | null = null;
  private pending: { id: number; resolve: (r: Result) => void; timer: NodeJS.Timeout } | null = null;

  constructor(private readonly timeoutMs: number) {}

  private start(): Promise<void> {
    return new Promise((ready, fail) => {
      // Workers do not inherit tsx's loader: register it inside the worker before importing the .ts file.
      const tsxApi = import.meta.resolve('tsx/esm/api');
      const workerUrl = new URL('./corpus-worker.ts', import.meta.url).href;
      const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl)}); });`;
      const w = new Worker(boot, { eval: true });
      this.worker = w;
      w.on('message', (m: WorkerReply | { ready: true }) => {
        if ('ready' in m) return ready();
        if (this.pending && m.id === this.pending.id) this.settle(m);
      });
      w.on('error', (e) => {
        if (!this.pending) return fail(e);
        this.settle({ id: this.pending.id, status: 'crash', error: `worker error: ${e.message}`, ms: 0 });
        this.worker = null;
      });
      w.on('exit', () => {
        if (this.worker === w) this.worker = null;
        if (this.pending) this.settle({ id: this.pending.id, status: 'crash', error: 'worker exited', ms: 0 });
      });
    });
  }

  private settle(r: Result): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    p.resolve(r);
  }

  async run(id: number, file: string): Promise<Result> {
    if (!this.worker) await this.start();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const w = this.worker;
        this.worker = null;
        this.settle({ id, status: 'hang', ms: this.timeoutMs });
        w?.removeAllListeners();
        void w?.terminate();
      }, this.timeoutMs);
      this.pending = { id, resolve, timer };
      this.worker!.postMessage({ id, file });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

function isClearError(error: string): boolean {
  return error.length > 0 && !error.includes('\n') && error.length <= 300 && !LEAKED_JS_ERROR.test(error);
}

function titleCheck(exp: ExpectedTitles, r: Result): boolean {
  if (r.status !== 'ok') return false;
  if (exp.feedTitle !== undefined && !titlesMatch(exp.feedTitle, r.feedTitle)) return false;
  return exp.items.every((e) => e.index < r.titles.length && titlesMatch(e.title, r.titles[e.index]));
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a';
}

async function main(): Promise<void> {
  const { dir, out, timeoutMs } = parseArgs(process.argv.slice(2));
  const manifest = path.join(dir, 'MANIFEST.tsv');
  if (!fs.existsSync(manifest)) usage(`no MANIFEST.tsv in ${dir}`);
  const rows = readTsv<Row>(manifest);
  const pool = new ParserPool(timeoutMs);
  const results: Result[] = [];
  const started = performance.now();
  for (let i = 0; i < rows.length; i++) results.push(await pool.run(i, path.join(dir, rows[i].path)));
  await pool.close();
  const elapsed = (performance.now() - started) / 1000;

  const status = (r: Result) => (r.status === 'error' ? (isClearError(r.error) ? 'clear-error' : 'crash') : r.status);
  const mojibake = (r: Result) => r.status === 'ok' && [r.feedTitle ?? '', ...r.titles].some(looksLikeMojibake);
  const count = (f: (r: Result, i: number) => boolean) => results.filter(f).length;

  // ---- expected titles ----
  const checks = rows.map((row) => expectedTitles(dir, row));
  const bySource = new Map<string, { files: number; match: number }>();
  const mismatches: string[] = [];
  checks.forEach((exp, i) => {
    if (!exp) return;
    const s = bySource.get(exp.source) ?? { files: 0, match: 0 };
    s.files++;
    if (titleCheck(exp, results[i])) s.match++;
    else mismatches.push(rows[i].path);
    bySource.set(exp.source, s);
  });
  const withExp = [...bySource.values()].reduce((a, s) => a + s.files, 0);
  const matched = [...bySource.values()].reduce((a, s) => a + s.match, 0);

  // ---- baseline ----
  const baselineFile = fs.readdirSync(dir).find((f) => /^BASELINE_rss-parser.*\.tsv$/.test(f));
  const baseline = baselineFile ? new Map(readTsv<Record<string, string>>(path.join(dir, baselineFile)).map((b) => [b.path, b])) : new Map();

  const lines: string[] = [];
  lines.push(`corpus ${dir}: ${rows.length} files in ${elapsed.toFixed(1)} s (limit ${timeoutMs} ms per file)`);
  const kinds = [...new Set(rows.map((r) => r.kind))];
  lines.push('by kind (ours):');
  for (const k of kinds) {
    const idx = rows.map((r, i) => (r.kind === k ? i : -1)).filter((i) => i >= 0);
    const c = (s: string) => idx.filter((i) => status(results[i]) === s).length;
    lines.push(`  ${k.padEnd(11)} files=${idx.length} ok=${c('ok')} clear-errors=${c('clear-error')} crashes=${c('crash')} hangs=${c('hang')}`);
  }
  lines.push(`expected titles: ${matched}/${withExp} files match (${pct(matched, withExp)})`);
  for (const [src, s] of bySource) lines.push(`  ${src.padEnd(11)} ${s.match}/${s.files} (${pct(s.match, s.files)})`);
  if (mismatches.length) lines.push(`  first mismatches: ${mismatches.slice(0, 8).join(', ')}`);

  if (baseline.size) {
    const b = (i: number) => baseline.get(rows[i].path) as Record<string, string> | undefined;
    const isFeed = (i: number) => FEED_KINDS.has(rows[i].kind);
    const feedIdx = rows.map((_, i) => i).filter(isFeed);
    const bOk = (i: number) => b(i)?.status === 'ok';
    const oOk = (i: number) => results[i].status === 'ok';
    lines.push(`compared with ${baselineFile} (rss-parser alone, bytes read as UTF-8):`);
    lines.push(`  feed files parsed:        baseline ${feedIdx.filter(bOk).length}/${feedIdx.length}, ours ${feedIdx.filter(oOk).length}/${feedIdx.length}`);
    lines.push(`  not-a-feed/opml/unknown:  baseline ok=${rows.filter((r, i) => !isFeed(i) && bOk(i)).length}, ours ok=${rows.filter((r, i) => !isFeed(i) && oOk(i)).length}`);
    lines.push(`  baseline threw or timed out, ours parsed: ${feedIdx.filter((i) => !bOk(i) && oOk(i)).length}`);
    const regressions = feedIdx.filter((i) => bOk(i) && !oOk(i));
    lines.push(`  baseline parsed, ours did not: ${regressions.length}`);
    for (const i of regressions.slice(0, 10)) {
      const r = results[i];
      lines.push(`    ${rows[i].path}: ${r.status === 'error' || r.status === 'crash' ? r.error : r.status}`);
    }
    lines.push(`  mojibake in titles:       baseline ${[...baseline.values()].filter((x) => String(x.mojibake).startsWith('yes')).length}, ours ${count(mojibake)}`);
    lines.push(`  crashes/hangs:            baseline threw=${[...baseline.values()].filter((x) => x.status === 'threw').length} timeout=${[...baseline.values()].filter((x) => x.status === 'timeout').length}; ours crashes=${count((r) => status(r) === 'crash')} hangs=${count((r) => r.status === 'hang')}`);
  }
  const notFeedOk = rows.map((r, i) => (r.kind === 'not-a-feed' && results[i].status === 'ok' ? r.path : '')).filter(Boolean);
  if (notFeedOk.length) lines.push(`not-a-feed files we parsed anyway: ${notFeedOk.slice(0, 10).join(', ')}`);
  const crashList = results.map((r, i) => (status(r) === 'crash' || r.status === 'hang' ? `${rows[i].path}: ${r.status === 'hang' ? 'hang' : (r as { error: string }).error}` : '')).filter(Boolean);
  if (crashList.length) lines.push('crashes and hangs:', ...crashList.slice(0, 20).map((l) => `  ${l}`));
  const mojiList = results.map((r, i) => (mojibake(r) ? rows[i].path : '')).filter(Boolean);
  if (mojiList.length) lines.push(`mojibake: ${mojiList.slice(0, 10).join(', ')}`);

  if (out) {
    const tsv = ['path\tkind\tstatus\tformat\titems\tinvalid\tmojibake\ttitles_match\tms\terror'];
    results.forEach((r, i) => {
      const exp = checks[i];
      tsv.push([rows[i].path, rows[i].kind, status(r), r.status === 'ok' ? r.format : '', r.status === 'ok' ? r.titles.length : '', r.status === 'ok' ? r.invalid : '', mojibake(r) ? 'yes' : 'no', exp ? (titleCheck(exp, r) ? 'yes' : 'no') : '', Math.round(r.ms), r.status === 'error' || r.status === 'crash' ? r.error.replace(/[\t\n]/g, ' ') : ''].join('\t'));
    });
    fs.writeFileSync(out, tsv.join('\n') + '\n');
    lines.push(`per-file results: ${out}`);
  }
  const feeds = rows.filter((r) => FEED_KINDS.has(r.kind)).length;
  lines.push(
    `corpus: files=${rows.length} feeds=${feeds} parsed=${count((r) => r.status === 'ok')} clear-errors=${count((r) => status(r) === 'clear-error')} crashes=${count((r) => status(r) === 'crash')} hangs=${count((r) => r.status === 'hang')} mojibake=${count(mojibake)}`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`corpus: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
