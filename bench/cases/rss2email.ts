// Side by side with Debian's rss2email on the same local feeds (20 × 50 items, 50–500 ms latency) into the same
// local SMTP sink. rss2email mails every item to its one reader; we build one digest and send it to each of N
// subscribers. Both are run as their command-line tools, so both wall times include process start-up.
// Reported, not judged: the two tools do different jobs, so there is no goal, only the figures side by side.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveLocalFeeds, type LocalFeeds } from '../lib/local-feeds.js';
import { benchConfigYaml } from '../lib/pipeline.js';
import { emit, result, skip } from '../lib/result.js';
import { startSmtpSink, type SmtpSink } from '../lib/smtp-sink.js';
import { timeMs } from '../lib/timing.js';

const FEEDS = 20;
const PER_FEED = 50;
const SUBSCRIBERS = 200;
const NOW = '2026-11-23T07:00:00+02:00';
const EDITION = '2026-11-23';

/** no proxies for loopback traffic, whatever the caller's environment says */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k)));

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { encoding: 'utf8', cwd: opts.cwd, env: { ...ENV, ...opts.env }, timeout: opts.timeout ?? 300_000 });
}

interface Finished {
  status: number | null;
  signal?: NodeJS.Signals | null;
  error?: Error;
  stdout: string;
  stderr: string;
}

/** like run(), but without blocking this process: the feed servers and the SMTP sink live in it */
function runAsync(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...ENV, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeout ?? 300_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: null, error, stdout, stderr });
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

function failure(what: string, r: SpawnSyncReturns<string> | Finished): string {
  const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
  const tail = `${r.stderr ?? ''}`.trim().split('\n').filter(Boolean).pop() ?? '';
  return `${what} failed (${why})${tail ? `: ${tail}` : ''}`;
}

/** r2e on PATH, installing the Debian package when we may; else why not */
function rss2emailMissing(): string | null {
  if (run('r2e', ['--version']).status === 0) return null;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && run('apt-get', ['--version']).status === 0) {
    process.stderr.write('bench: rss2email: installing the Debian package rss2email…\n');
    run('apt-get', ['install', '-y', '-q', 'rss2email'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
    if (run('r2e', ['--version']).status === 0) return null;
  }
  return isRoot ? 'r2e is not installed and `apt-get install -y rss2email` did not provide it' : 'r2e is not installed (run `apt-get install -y rss2email` as root)';
}

/** rss2email's config and data file for our feeds, sending over SMTP to the sink */
function setUpRss2email(dir: string, feeds: LocalFeeds, sink: SmtpSink): string | null {
  const cfg = path.join(dir, 'r2e.cfg');
  const data = path.join(dir, 'r2e.json');
  const made = run('r2e', ['-c', cfg, '-d', data, 'new', 'reader@bench.example.net']);
  if (made.status !== 0) return failure('r2e new', made);
  const settings: Record<string, string> = {
    from: 'digest@bench.example.org',
    'email-protocol': 'smtp',
    'smtp-server': `127.0.0.1:${sink.port}`,
    'smtp-auth': 'False',
    'smtp-ssl': 'False',
  };
  let text = readFileSync(cfg, 'utf8');
  for (const [key, value] of Object.entries(settings)) text = text.replace(new RegExp(`^${key} = .*$`, 'm'), `${key} = ${value}`);
  text += feeds.urls.map((url, f) => `\n[feed.f${f}]\nurl = ${url}\n`).join('');
  writeFileSync(cfg, text);
  // the data file r2e `add` would write, for all feeds at once
  writeFileSync(data, JSON.stringify({ version: 2, feeds: feeds.urls.map((_, f) => ({ name: `f${f}`, etag: null, modified: null, seen: {} })) }));
  return null;
}

function digestConfig(feeds: LocalFeeds): string {
  return benchConfigYaml(
    feeds.urls,
    'email:\n  from: "Bench Watch <digest@bench.example.org>"\n  baseUrl: https://digest.bench.example.org\n  address: 1 Bench Street\nfetch:\n  allowPrivateNetworks: true\n',
  );
}

const missing = rss2emailMissing();
if (missing) {
  skip('rss2email-side-by-side', missing);
  process.exit(0);
}

const feeds = await serveLocalFeeds({ feeds: FEEDS, perFeed: PER_FEED, hosts: FEEDS, latency: [50, 500], seed: 21 });
const sink = await startSmtpSink();
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-bench-r2e-'));
try {
  const setupError = setUpRss2email(dir, feeds, sink);
  if (setupError) throw new Error(setupError);
  // fetch and parse only (`run --no-send`, on a copy of the data file), to split rss2email's time in two
  copyFileSync(path.join(dir, 'r2e.json'), path.join(dir, 'r2e-nosend.json'));
  let dry!: Finished;
  const r2eNoSendMs = await timeMs(async () => {
    dry = await runAsync('r2e', ['-c', path.join(dir, 'r2e.cfg'), '-d', path.join(dir, 'r2e-nosend.json'), 'run', '--no-send']);
  });
  if (dry.status !== 0) throw new Error(failure('r2e run --no-send', dry));
  let r2e!: Finished;
  const r2eMs = await timeMs(async () => {
    r2e = await runAsync('r2e', ['-c', path.join(dir, 'r2e.cfg'), '-d', path.join(dir, 'r2e.json'), 'run']);
  });
  if (r2e.status !== 0) throw new Error(failure('r2e run', r2e));
  const r2eMails = sink.received();

  const configFile = path.join(dir, 'digest.config.yaml');
  writeFileSync(configFile, digestConfig(feeds));
  writeFileSync(path.join(dir, 'subscribers.csv'), `email\n${Array.from({ length: SUBSCRIBERS }, (_, i) => `reader${i}@bench.example.net`).join('\n')}\n`);
  const digest = path.resolve('bin/digest.js');
  const env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'bench-secret-0123456789abcdef' };
  const imported = await runAsync(process.execPath, [digest, 'subscribers', 'import', '--config', configFile, path.join(dir, 'subscribers.csv')], { cwd: dir, env });
  if (imported.status !== 0) throw new Error(failure('digest subscribers import', imported));
  let buildMs = 0;
  const oursMs = await timeMs(async () => {
    buildMs = Date.now();
    const built = await runAsync(process.execPath, [digest, 'build', '--config', configFile, '--now', NOW, '--out', path.join(dir, 'out')], { cwd: dir, env });
    buildMs = Date.now() - buildMs;
    if (built.status !== 0) throw new Error(failure('digest build', built));
    const sent = await runAsync(process.execPath, [digest, 'send', '--config', configFile, '--edition', EDITION, '--out', path.join(dir, 'out')], { cwd: dir, env });
    if (sent.status !== 0) throw new Error(failure('digest send', sent));
  });
  const oursMails = sink.received() - r2eMails;
  const items = FEEDS * PER_FEED;
  emit([
    result({
      name: 'rss2email-side-by-side',
      value: oursMs / 1000,
      unit: 's',
      baseline: `${run('r2e', ['--version']).stdout.trim() || 'rss2email'} run: one mail per item to one reader`,
      baselineValue: r2eMs / 1000,
      goal: null,
      extra: {
        feeds: FEEDS,
        items,
        rss2emailMails: r2eMails,
        rss2emailS: Math.round(r2eMs) / 1000,
        rss2emailFetchParseS: Math.round(r2eNoSendMs) / 1000,
        rss2emailMsPerMail: Math.round((r2eMs - r2eNoSendMs) / Math.max(1, r2eMails)),
        digestSubscribers: SUBSCRIBERS,
        digestMails: oursMails,
        digestBuildS: buildMs / 1000,
        digestSendS: Math.round(oursMs - buildMs) / 1000,
        digestDeliveryRate: '10 msg/s (default delivery.rate)',
        mailsPerReaderRss2email: r2eMails,
        mailsPerReaderDigest: oursMails / SUBSCRIBERS,
      },
    }),
  ]);
} catch (err) {
  // a tool that misbehaves is a finding to read, not a stack trace
  process.stderr.write(`bench: rss2email: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await sink.close();
  await feeds.close();
  rmSync(dir, { recursive: true, force: true });
}
