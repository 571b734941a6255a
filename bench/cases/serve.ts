// Serve under load: `digest serve` (a child process, as deployed) answers the archive page of a sent
// edition and RFC 8058 one-click unsubscribes from 16 keep-alive connections, while a probe measures
// /healthz latency. Baseline: a bare node:http server answering "ok", loaded by the same client in the
// same run. Reported: requests per second and p99 for each route, and /healthz p99 under load (goal ≤ 50 ms:
// a health check must not time out while the archive is busy).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.js';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import { emit, result, round } from '../lib/result.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = 'bench-serve-secret-0123456789abcdef';
const CONNECTIONS = 16;
const SECONDS = 3;
const HEALTHZ_P99_GOAL_MS = 50;

interface Load {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** `connections` loops, each sending one request after another over keep-alive, for `ms`; bounded in time. */
async function load(port: number, o: { path: (i: number) => string; method?: string; body?: string; connections: number; ms: number }): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + o.ms;
  const one = (p: string) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = request({ host: '127.0.0.1', port, path: p, method: o.method ?? 'GET', agent, headers: o.body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(o.body) } : {} }, (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400) errors++;
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(o.body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: o.connections }, async () => {
      while (performance.now() < until) await one(o.path(n++));
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (f: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(f * latencies.length))] ?? 0, 2);
  return { requests: latencies.length, perSecond: round(latencies.length / elapsed, 0), p50: q(0.5), p99: q(0.99), errors };
}

function started(child: ChildProcess, pattern: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      const m = pattern.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.stderr!.on('data', (c) => (out += c));
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

// a digest with one sent edition in its archive and one subscriber per one-click request
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-bench-serve-'));
const config = path.join(dir, 'digest.config.yaml');
writeFileSync(
  config,
  `title: Bench Watch\nfeeds:\n  - name: Wire\n    path: wire.xml\nthemes:\n  - id: arms\n    title: Arms\nemail:\n  from: "Bench Watch <digest@bench.example>"\n  baseUrl: https://bench.example\n  address: 1 Bench Street\n`,
);
const id = '2026-11-23';
const story = (i: number) => ({
  id: `s${i}`,
  title: `Story number ${i} about allied air defence deliveries`,
  url: `https://wire.example/${i}`,
  summary: 'Ministers agreed to send more air defence systems before winter. Deliveries start next month.',
  published: '2026-11-20T10:00:00.000Z',
  sources: ['Wire One', 'Wire Two'],
  why: ['keyword: air defence'],
  items: [{ feed: 'wire', guid: `g${i}`, url: `https://wire.example/${i}`, title: `Story ${i}`, published: '2026-11-20T10:00:00.000Z' }],
});
mkdirSync(path.join(dir, 'out', id), { recursive: true });
writeFileSync(
  path.join(dir, 'out', id, 'digest.json'),
  JSON.stringify({
    edition: { id, title: 'Bench Watch', timezone: 'UTC', start: '2026-11-16T07:00:00.000Z', end: '2026-11-23T07:00:00.000Z', generatedAt: '2026-11-23T07:00:00.000Z' },
    sections: [{ id: 'arms', title: 'Arms', stories: Array.from({ length: 25 }, (_, i) => story(i)) }],
    excluded: [],
    feeds: [{ id: 'wire', name: 'Wire', status: 'ok', items: 25, error: null }],
  }),
);
const store = openStore(path.join(dir, '.digest'));
store.recordEdition(id, '2026-11-23T07:00:00.000Z');
store.markEditionSent(id, '2026-11-23T07:05:00.000Z');
const tokens = new Tokens(SECRET, tokenScope(store));
const unsubscribe: string[] = [];
store.transaction(() => {
  for (let i = 0; i < 5000; i++) unsubscribe.push(`/u/${tokens.sign(store.addSubscriber({ email: `reader${i}@bench.example` }).id, 'unsubscribe')}`);
});
store.close();

const serve = spawn(process.execPath, [path.join(root, 'bin/digest.js'), 'serve', '--config', config, '--out', path.join(dir, 'out'), '--port', '0'], {
  cwd: dir,
  env: { ...process.env, DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: '' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const bare = spawn(process.execPath, ['-e', "require('http').createServer((q,s)=>s.end('ok')).listen(0,'127.0.0.1',function(){console.log('port '+this.address().port)})"], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
try {
  const port = await started(serve, /on http:\/\/127\.0\.0\.1:(\d+)/);
  const barePort = await started(bare, /port (\d+)/);
  const ms = SECONDS * 1000;
  // warm up: the archive page is rendered once per edition version, then served from memory
  await load(port, { path: () => `/archive/${id}`, connections: 2, ms: 500 });
  const baseline = await load(barePort, { path: () => '/', connections: CONNECTIONS, ms });
  const [archive, probe] = await Promise.all([
    load(port, { path: () => `/archive/${id}`, connections: CONNECTIONS, ms }),
    load(port, { path: () => '/healthz', connections: 1, ms }),
  ]);
  const oneClick = await load(port, {
    path: (i) => unsubscribe[i % unsubscribe.length],
    method: 'POST',
    body: 'List-Unsubscribe=One-Click',
    connections: CONNECTIONS,
    ms,
  });
  const route = (name: string, l: Load, what: string) =>
    result({
      name,
      value: l.perSecond,
      unit: 'req/s',
      baseline: `bare node:http "ok" server, same client (${CONNECTIONS} keep-alive connections, ${SECONDS} s)`,
      baselineValue: baseline.perSecond,
      goal: null,
      extra: { route: what, p50Ms: l.p50, p99Ms: l.p99, requests: l.requests, errors: l.errors, baselineP99Ms: baseline.p99 },
    });
  emit([
    route('serve-archive', archive, `GET /archive/${id} (25 stories)`),
    route('serve-one-click-unsubscribe', oneClick, 'POST /u/TOKEN (RFC 8058), 5,000 distinct subscribers'),
    result({
      name: 'serve-healthz-p99-under-load',
      value: probe.p99,
      unit: 'ms',
      baseline: null,
      baselineValue: null,
      goal: `p99 ≤ ${HEALTHZ_P99_GOAL_MS} ms while the archive is under ${CONNECTIONS}-connection load`,
      ok: (_r, v) => v <= HEALTHZ_P99_GOAL_MS && probe.errors === 0,
      extra: { p50Ms: probe.p50, requests: probe.requests, errors: probe.errors },
    }),
  ]);
} finally {
  serve.kill('SIGTERM');
  bare.kill('SIGTERM');
}
