// The corpus run behind `npm run corpus` (tools/corpus/cli.ts).
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
import { looksLikeMojibake } from '../../src/parse/text.js';
import { expectedTitles, titlesMatch, type ExpectedTitles } from './expect.js';
import { ParserPool, PARSER_WORKER, type Result } from './pool.js';

type Row = Record<'path' | 'source' | 'kind' | 'declared_encoding' | 'expected', string>;

const FEED_KINDS = new Set(['feed-rss', 'feed-atom', 'feed-rdf', 'feed-json']);
const LEAKED_JS_ERROR = /TypeError|ReferenceError|RangeError|Cannot read propert|undefined is not|is not a function|\bat .*\.(js|ts):\d+/;

/** a mistake in how the run was asked for: the CLI prints it with the usage line and exits 2 */
export class CorpusUsageError extends Error {}

export interface CorpusOptions {
  /** the corpus folder, with its MANIFEST.tsv */
  dir: string;
  /** per-file results as TSV, when given */
  out?: string | null;
  /** per-file time limit, ms */
  timeoutMs: number;
  /** the parser worker (default: the real one; tests pass a stand-in) */
  workerUrl?: URL;
}

function readTsv<T>(file: string): T[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const cols = lines[0].split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])) as T);
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

/** run every manifest file and return the report, ending with the one-line summary */
export async function runCorpus(opts: CorpusOptions): Promise<string[]> {
  const { dir, timeoutMs } = opts;
  const out = opts.out ?? null;
  const manifest = path.join(dir, 'MANIFEST.tsv');
  if (!fs.existsSync(manifest)) throw new CorpusUsageError(`no MANIFEST.tsv in ${dir}`);
  const rows = readTsv<Row>(manifest);
  const pool = new ParserPool(timeoutMs, opts.workerUrl ?? PARSER_WORKER);
  const results: Result[] = [];
  const started = performance.now();
  try {
    for (let i = 0; i < rows.length; i++) results.push(await pool.run(i, path.join(dir, rows[i].path)));
  } finally {
    await pool.close();
  }
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
  return lines;
}
