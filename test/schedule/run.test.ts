// `digest run`: the long-running scheduler sends a due edition once, logs JSON lines, and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSink, type Sink } from '../deliver/support.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-run-'));
let sink: Sink;
/** every recipient the SMTP server accepted a message for */
const received = () => sink.received.flatMap((m) => m.to);
let env: Record<string, string>;
const cfg = path.join(dir, 'digest.config.yaml');

beforeAll(async () => {
  sink = await startSink();
  env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'run-test-secret-0123456789abcdef' };
  // A feed item dated now, so today's edition has a story.
  const now = new Date();
  writeFileSync(
    path.join(dir, 'feed.xml'),
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Now</title><link>https://now.test.example/</link>
<item><title>Sweden approves new air defence package for Ukraine</title><link>https://now.test.example/1</link><guid>now-1</guid>
<pubDate>${new Date(now.getTime() - 3600_000).toUTCString()}</pubDate><description>Sweden approved a new air defence package for Ukraine on Monday.</description></item>
</channel></rss>`,
  );
  writeFileSync(
    cfg,
    `title: Run Watch
timezone: UTC
schedule: "*/2 * * * * *"
feeds:
  - name: Now
    path: feed.xml
themes:
  - id: arms
    title: Arms
    keywords: [air defence]
email:
  from: "Run Watch <digest@run.example>"
  baseUrl: https://run.example
  address: "1 Example Street, Kyiv"
state: state
`,
  );
  for (const who of ['cleo@reader.example', 'dan@reader.example']) {
    const r = await runCli(['subscribers', 'add', who, '--config', cfg], { env });
    expect(r.code, r.stderr).toBe(0);
  }
});

afterAll(() => sink.close());

describe('digest run', () => {
  it('sends the due edition once, logs JSON lines, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'run', '--config', cfg, '--out', path.join(dir, 'out')], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    // wait for the first edition, then for a few more firings that must not send again
    const deadline = Date.now() + 30_000;
    while (!stdout.includes('"edition-sent"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 4500));
    child.kill('SIGTERM');
    const code = await exited;
    expect(code, stderr).toBe(0);
    const events = stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; level: string });
    expect(events[0].event).toBe('started');
    expect(events.filter((e) => e.event === 'edition-sent')).toHaveLength(1);
    expect(events.slice(-2).map((e) => e.event)).toEqual(['stopping', 'stopped']);
    expect(received().sort()).toEqual(['cleo@reader.example', 'dan@reader.example']);
  });
});

describe.skipIf(process.getuid?.() !== 0)('digest run in a folder its user may not write (needs root to run as another user)', () => {
  it('logs each failed step with the fix, as the command would end, not a bare errno', async () => {
    // a data folder mounted into a container but left root's: the image's user cannot make the state folder there
    const data = mkdtempSync(path.join(tmpdir(), 'roundup-run-data-'));
    chmodSync(data, 0o755);
    writeFileSync(path.join(data, 'digest.config.yaml'), readFileSync(cfg, 'utf8').replace(/^state: .*$/m, 'state: .digest'));
    writeFileSync(path.join(data, 'feed.xml'), readFileSync(path.join(dir, 'feed.xml')));
    const child = spawn(process.execPath, [BIN, 'run', '--config', path.join(data, 'digest.config.yaml'), '--out', path.join(data, 'out')], {
      cwd: data,
      env: { ...process.env, ...env },
      uid: 65534,
      gid: 65534,
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.resume();
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const deadline = Date.now() + 60_000;
    while (!stdout.includes('"step-failed"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const failed = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; error?: string; exitCode?: number })
      .find((e) => e.event === 'step-failed');
    expect(failed).toEqual({
      time: expect.any(String),
      level: 'error',
      event: 'step-failed',
      error: `${path.join(data, '.digest')}: cannot read or write it: permission denied: the state folder and its files must belong to the user running digest (chown, or run as that user)`,
      exitCode: 1,
    });
  });
});
