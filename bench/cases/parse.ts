// Parse throughput: our parseFeedBody (decode, sniff, repair, xml2js, our own field reading) against bare
// rss-parser `parseString` on the same bytes in the same run. Two inputs: the shared real-world corpus
// (/work/shared/corpus, skipped when absent) and one large synthetic feed. Goal: ours ≥ 0.8 × bare throughput.
// Throughput is bytes per second of this process's CPU time (median of alternating rounds): both parsers are
// synchronous, and on a shared machine CPU time gives the same ratio run after run where wall time swings by ±0.15.
// Wall-time figures are reported next to it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseFeedBody } from '../../src/parse/index.js';
import { emit, result, skip, type BenchResult } from '../lib/result.js';
import { rssFeed, synthItems } from '../lib/synth.js';
import { alternate } from '../lib/timing.js';

const require = createRequire(import.meta.url);
const RssParser = require('rss-parser') as new () => { parseString(xml: string): Promise<unknown> };

const CORPUS = process.env.ROUNDUP_CORPUS ?? '/work/shared/corpus';
const GOAL = 0.8;
const ROUNDS = 9;

interface CorpusFile {
  body: Buffer;
  /** manifest kind: feed-rss, feed-atom, feed-rdf, feed-json, opml, not-a-feed… */
  kind: string;
}

/** every file the manifest lists that exists on disk, as bytes */
function loadCorpus(dir: string): CorpusFile[] | string {
  const manifest = path.join(dir, 'MANIFEST.tsv');
  if (!existsSync(manifest)) return `no corpus at ${dir} (expected ${manifest}; set ROUNDUP_CORPUS to its folder)`;
  const lines = readFileSync(manifest, 'utf8').split('\n').filter(Boolean);
  const columns = lines[0].split('\t');
  const pathAt = columns.indexOf('path');
  const kindAt = columns.indexOf('kind');
  if (pathAt < 0) return `${manifest} has no "path" column`;
  const rows = lines.slice(1).map((l) => l.split('\t'));
  const files = rows
    .map((r) => ({ file: path.join(dir, r[pathAt]), kind: (kindAt >= 0 && r[kindAt]) || 'unknown' }))
    .filter((f) => existsSync(f.file));
  if (files.length === 0) return `the corpus manifest ${manifest} lists no file that exists`;
  return files.map((f) => ({ body: readFileSync(f.file), kind: f.kind }));
}

/** ours / bare throughput per manifest kind (kinds with under 100 files together as "other"), to show where the gap is */
async function ratioByKind(files: CorpusFile[]): Promise<Record<string, string>> {
  const counts = new Map<string, number>();
  for (const f of files) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const group = (kind: string) => ((counts.get(kind) ?? 0) >= 100 ? kind : 'other');
  const groups = [...new Set(files.map((f) => group(f.kind)))].sort();
  const out: Record<string, string> = {};
  for (const kind of groups) {
    const bodies = files.filter((f) => group(f.kind) === kind).map((f) => f.body);
    const t = await alternate(5, () => ours(bodies), () => bare(bodies));
    out[kind] = `${(t.bCpu / t.aCpu).toFixed(2)} (${bodies.length} files)`;
  }
  return out;
}

async function ours(bodies: Buffer[]): Promise<number> {
  let ok = 0;
  for (const body of bodies) if ((await parseFeedBody(body, { contentType: null, baseUrl: null })).ok) ok++;
  return ok;
}

async function bare(bodies: Buffer[]): Promise<number> {
  let ok = 0;
  for (const body of bodies) {
    try {
      await new RssParser().parseString(body.toString('utf8'));
      ok++;
    } catch {
      // rss-parser rejects what it cannot read; that still costs time and is counted as such
    }
  }
  return ok;
}

async function compare(name: string, what: string, bodies: Buffer[], more: Record<string, unknown> = {}): Promise<BenchResult> {
  const bytes = bodies.reduce((n, b) => n + b.length, 0);
  // one untimed pass each warms the JIT and tells how many files each side can read
  const oursOk = await ours(bodies);
  const bareOk = await bare(bodies);
  const t = await alternate(ROUNDS, () => ours(bodies), () => bare(bodies));
  const mbps = (ms: number) => bytes / 2 ** 20 / (ms / 1000);
  return result({
    name,
    value: mbps(t.aCpu),
    unit: 'MiB/s CPU',
    baseline: `bare rss-parser parseString on the same ${what}`,
    baselineValue: mbps(t.bCpu),
    goal: `ratio ≥ ${GOAL}`,
    ok: (ratio) => ratio !== null && ratio >= GOAL,
    extra: {
      files: bodies.length,
      bytes,
      oursCpuMs: Math.round(t.aCpu),
      bareCpuMs: Math.round(t.bCpu),
      oursWallMs: Math.round(t.a),
      bareWallMs: Math.round(t.b),
      wallRatio: Math.round((t.b / t.a) * 1000) / 1000,
      rounds: ROUNDS,
      oursParsed: oursOk,
      bareParsed: bareOk,
      ...more,
    },
  });
}

const corpus = loadCorpus(CORPUS);
if (typeof corpus === 'string') skip('parse-corpus', corpus);
else {
  const bodies = corpus.map((f) => f.body);
  emit([await compare('parse-corpus', `${corpus.length} corpus files`, bodies, { ratioByKind: await ratioByKind(corpus) })]);
}

// one large feed (5,000 items, about 3 MB): what a full-text feed with a long history looks like
const large = Buffer.from(rssFeed('Large bench feed', synthItems(5000, { seed: 11 })), 'utf8');
emit([await compare('parse-large-feed', 'one 5,000-item feed', [large])]);
