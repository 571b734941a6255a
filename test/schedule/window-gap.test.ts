// A window shorter than the time between two scheduled editions leaves news out of every edition: a weekly schedule
// with `window: 1d` sends Sunday's news and never the six days before it. build, tick (when it builds) and status
// say so in one warning line; a window as long as the schedule's period, or longer (what was sent is not sent
// again), says nothing, also across a DST change.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSink, type Sink } from '../deliver/support.js';
import { BIN, runCli } from '../helpers/cli.js';
import { UNSIGNED } from '../helpers/unsigned.js';

const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test/</link>
<item><title>Oslo approves F-16 fighter jet support package</title><link>https://wire.test/a/1</link><guid>w-1</guid>
<pubDate>${new Date('2026-11-22T10:00:00Z').toUTCString()}</pubDate>
<description>Ministers in Oslo approved a support package for Ukraine's F-16 fighter jet fleet.</description></item>
</channel></rss>`;

let sink: Sink;
const dirs: string[] = [];
beforeAll(async () => {
  sink = await startSink();
});
afterAll(async () => {
  await sink?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A digest folder with this schedule and window; returns its config file. */
function digest(schedule: string, window: string, timezone = 'Europe/Kyiv'): { dir: string; cfg: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-window-gap-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'wire.xml'), FEED);
  const cfg = path.join(dir, 'digest.config.yaml');
  writeFileSync(
    cfg,
    `title: Gap Watch
timezone: ${timezone}
schedule: "${schedule}"
window: ${window}
feeds:
  - name: Wire
    path: wire.xml
themes:
  - id: arms
    title: Arms
    keywords: [F-16, fighter jet]
email:
  from: "Gap Watch <digest@gap.example>"
  baseUrl: https://gap.example
  address: "1 Example Street, Kyiv"
state: state
`,
  );
  return { dir, cfg };
}

const WEEKLY_1D =
  'warning: digest.config.yaml: window: 1d is shorter than the 7 days between two editions of schedule "0 7 * * 1": ' +
  "the news of the 6 days before an edition's window is in no edition; set window: 7d\n";

describe('a window shorter than the time between two editions', () => {
  it('digest build warns in one line, and writes the edition all the same', async () => {
    const { dir, cfg } = digest('0 7 * * 1', '1d');
    const r = await runCli(['build', '--config', cfg, '--now', '2026-11-23T07:00:00+02:00', '--offline', '--out', 'out'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(WEEKLY_1D);
    expect(r.stdout).toContain('out/2026-11-23');
  });

  it('digest tick warns when it builds and sends an edition, not at the ticks between', async () => {
    const { dir, cfg } = digest('0 7 * * 1', '1d');
    const env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'window-gap-secret-0123456789abcdef' };
    expect((await runCli(['subscribers', 'add', 'ana@reader.example', '--config', cfg], { cwd: dir, env })).code).toBe(0);
    const sent = await runCli(['tick', '--config', cfg, '--now', '2026-11-23T07:05:00+02:00'], { cwd: dir, env });
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/sent 1, failed 0/);
    expect(sent.stderr).toBe(UNSIGNED + WEEKLY_1D);
    const idle = await runCli(['tick', '--config', cfg, '--now', '2026-11-24T07:05:00+02:00'], { cwd: dir, env });
    expect(idle.stdout).toMatch(/^nothing due/);
    expect(idle.stderr).toBe('');
  });

  it('digest status warns; a weekday schedule is measured by its longest gap (Friday to Monday)', async () => {
    const weekly = digest('0 7 * * 1', '1d');
    const s = await runCli(['status', '--config', weekly.cfg, '--now', '2026-11-25T12:00:00+02:00'], { cwd: weekly.dir });
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toBe(WEEKLY_1D);
    const weekdays = digest('0 7 * * 1-5', '36h');
    const w = await runCli(['status', '--config', weekdays.cfg, '--now', '2026-11-25T12:00:00+02:00'], { cwd: weekdays.dir });
    expect(w.stderr).toBe(
      'warning: digest.config.yaml: window: 36h is shorter than the 3 days between two editions of schedule "0 7 * * 1-5": ' +
        "the news of the 36 hours before an edition's window is in no edition; set window: 3d\n",
    );
  });

  it('digest run says it once as it starts, in its JSON log', async () => {
    const { dir, cfg } = digest('0 7 * * 1', '1d');
    const env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'window-gap-secret-0123456789abcdef' };
    const child = spawn(process.execPath, [BIN, 'run', '--config', cfg], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const until = Date.now() + 30_000;
    while (!stdout.includes('"config-warning"') && child.exitCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const warnings = stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; warning?: string }).filter((e) => e.event === 'config-warning');
    expect(warnings.map((w) => `warning: ${w.warning}\n`)).toEqual([WEEKLY_1D]);
  });

  it('a window as long as the period, or longer, says nothing, also across a DST change', async () => {
    for (const [schedule, window] of [['0 7 * * 1', '7d'], ['0 7 * * 1', 'P7D'], ['0 7 * * 1', '14d'], ['0 7 * * 1-5', '3d'], ['0 7 1 * *', '31d'], ['0 */6 * * *', '6h']]) {
      const { dir, cfg } = digest(schedule, window);
      // the clocks go back in Kyiv on 25 Oct 2026: that week is 169 hours, still 7 calendar days
      const s = await runCli(['status', '--config', cfg, '--now', '2026-10-20T12:00:00+03:00'], { cwd: dir });
      expect(s.code, s.stderr).toBe(0);
      expect(s.stderr, `${schedule} with window ${window}`).toBe('');
    }
  });
});
