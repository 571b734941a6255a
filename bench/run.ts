// `npm run bench [-- NAME…]`: run every case in bench/cases (or those named), each in its own process so
// peak memory is its own (with --expose-gc, so cases can measure live heap); print one JSON line per result and write them all to out/bench.json.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './lib/result.js';
import { buildIfStale } from '../tools/dist-state.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const cases = readdirSync(path.join(here, 'cases'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name === w || name.startsWith(w)))
  .sort();

if (cases.length === 0) {
  process.stderr.write(`bench: no case matches ${wanted.join(', ')}; cases: ${readdirSync(path.join(here, 'cases')).join(', ')}\n`);
  process.exit(2);
}

// cases that start the CLI (startup, rss2email) run the compiled one: bring dist/ up to date first
buildIfStale('bench');

function runCase(name: string): Promise<BenchResult[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(here, 'cases', `${name}.ts`)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const results: BenchResult[] = [];
    let buf = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('BENCH ')) {
          const r = JSON.parse(line.slice(6)) as BenchResult;
          results.push(r);
          process.stdout.write(JSON.stringify(r) + '\n');
        }
      }
    });
    child.on('close', (code) => {
      if (code !== 0) process.stderr.write(`bench: case ${name} exited with code ${code}\n`);
      resolve(results);
    });
  });
}

const all: BenchResult[] = [];
for (const name of cases) all.push(...(await runCase(name)));
mkdirSync(path.join(root, 'out'), { recursive: true });
const file = path.join(root, 'out', wanted.length ? `bench-${wanted.join('-')}.json` : 'bench.json');
writeFileSync(file, JSON.stringify({ machine: machine(), results: all }, null, 2) + '\n');
const failed = all.filter((r) => r.ok === false).map((r) => r.name);
process.stderr.write(`bench: ${all.length} results written to ${path.relative(root, file)}${failed.length ? `; goals missed: ${failed.join(', ')}` : ''}\n`);

function machine() {
  return { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` };
}
