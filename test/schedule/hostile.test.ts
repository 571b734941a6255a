// The scheduler as a careless operator meets it: a schedule that never fires, `digest run` whose schedule
// fires while the step before is still sending, a state folder deleted under a running `digest run`, and a lock
// left by a killed process that had our own pid. Real SMTP sink, real clock only where `run` needs one.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSink, type Sink } from '../deliver/support.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

let sink: Sink;
let env: Record<string, string>;

beforeAll(async () => {
  sink = await startSink();
  env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'sched-hostile-secret-0123456789abcdef' };
});
afterAll(() => sink.close());

/** A config in a fresh folder: one feed (`feed.xml`, written by the caller), this schedule, UTC. */
function workspace(schedule: string, extra = ''): { dir: string; cfg: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-sched-'));
  const cfg = path.join(dir, 'digest.config.yaml');
  writeFileSync(
    cfg,
    `title: Sched Watch
timezone: UTC
schedule: "${schedule}"
feeds:
  - name: Now
    path: feed.xml
themes:
  - id: arms
    title: Arms
    keywords: [air defence]
email:
  from: "Sched Watch <digest@sched.example>"
  baseUrl: https://sched.example
  address: "1 Example Street, Kyiv"
state: state
${extra}`,
  );
  return { dir, cfg };
}

/** `digest run` of the config in `dir`, as a child process; what it has written so far, and its exit code. */
function startRun(dir: string, cfg: string) {
  const child = spawn(process.execPath, [BIN, 'run', '--config', cfg, '--out', path.join(dir, 'out')], { cwd: ROOT, env: { ...process.env, ...env } });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return { child, out, exited };
}

function feed(dates: Date[]): string {
  const items = dates.map(
    (d, i) => `<item><title>Country ${i} approves new air defence package for Ukraine</title><link>https://now.test.example/${i}</link><guid>now-${i}</guid>
<pubDate>${d.toUTCString()}</pubDate><description>Country ${i} approved a new air defence package for Ukraine.</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Now</title><link>https://now.test.example/</link>${items.join('')}</channel></rss>`;
}

describe('the scheduler, carelessly run', () => {
  it('refuses a schedule that never fires, naming it, instead of waiting forever', async () => {
    const { dir, cfg } = workspace('0 0 31 2 *');
    writeFileSync(path.join(dir, 'feed.xml'), feed([]));
    for (const cmd of ['tick', 'run']) {
      const r = await runCli([cmd, '--config', cfg], { env });
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr).toBe(`digest: ${cfg}: schedule: "0 0 31 2 *" never fires (no such date); expected a cron expression that does, such as "0 7 * * 1"\n`);
    }
  });

  it('with catchUp: skip, an edition after missed firings says they were skipped, and covers one week', async () => {
    const { dir, cfg } = workspace('0 7 * * 1', 'catchUp: skip\n');
    // the feed as it is on each day: an item in it is news from when it is first seen, whatever its date says
    const feedOn = (day: string) => feed(['2026-11-20', '2026-12-04', '2026-12-18'].filter((d) => d <= day).map((d) => new Date(`${d}T10:00:00Z`)));
    writeFileSync(path.join(dir, 'feed.xml'), feedOn('2026-11-23'));
    expect((await runCli(['subscribers', 'add', 'sam@reader.example', '--config', cfg], { env })).code).toBe(0);
    const out = path.join(dir, 'out');
    const first = await runCli(['tick', '--config', cfg, '--out', out, '--now', '2026-11-23T07:10:00Z'], { env });
    expect(first.stdout, first.stderr).toMatch(/^edition 2026-11-23 is due: sent 1/);
    // three weeks later, two hours after that Monday's firing: the 30 Nov, 7 and 14 Dec firings were missed
    writeFileSync(path.join(dir, 'feed.xml'), feedOn('2026-12-21'));
    const late = await runCli(['tick', '--config', cfg, '--out', out, '--now', '2026-12-21T09:00:00Z'], { env });
    expect(late.stdout, late.stderr).toMatch(/^edition 2026-12-21 is due; 3 missed firing\(s\) before it skipped \(catchUp: skip\): sent 1/);
    const edition = JSON.parse(readFileSync(path.join(out, '2026-12-21', 'digest.json'), 'utf8')) as { edition: { start: string } };
    expect(edition.edition.start).toBe('2026-12-14T07:00:00.000Z');
  });

  it('a lock left by a killed process that had the same pid (a restarted container: pid 1 again) does not stop the next step', async () => {
    const { dir, cfg } = workspace('0 7 * * 1');
    writeFileSync(path.join(dir, 'feed.xml'), feed([new Date('2026-11-20T10:00:00Z')]));
    expect((await runCli(['subscribers', 'add', 'pid@reader.example', '--config', cfg], { env })).code).toBe(0);
    // this process writes its own pid into both locks, as its killed predecessor under that pid would have left
    // them, then runs `digest tick` itself
    const script = path.join(dir, 'same-pid.mjs');
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs';
for (const f of ['schedule.lock', 'send.lock']) writeFileSync(${JSON.stringify(path.join(dir, 'state'))} + '/' + f, String(process.pid));
const { main } = await import(${JSON.stringify(path.join(ROOT, 'dist/cli/index.js'))});
process.exitCode = await main([process.argv[0], 'digest', ...process.argv.slice(2)]);
`,
    );
    const tick = await new Promise<{ code: number | null; stdout: string; stderr: string }>((res) => {
      const child = spawn(process.execPath, [script, 'tick', '--config', cfg, '--out', path.join(dir, 'out'), '--now', '2026-11-23T07:10:00Z'], { cwd: ROOT, env: { ...process.env, ...env } });
      const got = { stdout: '', stderr: '' };
      child.stdout.on('data', (d: Buffer) => (got.stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (got.stderr += d.toString()));
      child.on('exit', (code) => res({ code, ...got }));
    });
    expect(tick.code, tick.stderr).toBe(0);
    expect(tick.stdout).toMatch(/^edition 2026-11-23 is due: sent 1/);
    expect(sink.received.flatMap((m) => m.to).filter((to) => to === 'pid@reader.example')).toHaveLength(1);
    for (const f of ['schedule.lock', 'send.lock']) expect(existsSync(path.join(dir, 'state', f))).toBe(false);
  }, 120_000);

  it('digest run that finds the lock of another container tries again, and steps once that lock has gone stale', async () => {
    const hour = 3600_000;
    const firing = new Date(Math.floor((Date.now() - hour) / 60_000) * 60_000);
    const { dir, cfg } = workspace(`${firing.getUTCMinutes()} ${firing.getUTCHours()} * * *`);
    writeFileSync(path.join(dir, 'feed.xml'), feed([new Date(firing.getTime() - 2 * hour)]));
    expect((await runCli(['subscribers', 'add', 'box@reader.example', '--config', cfg], { env })).code).toBe(0);
    // a container killed 40 s ago held the step: its lock counts as held for 20 s more
    const lock = path.join(dir, 'state', 'schedule.lock');
    writeFileSync(lock, '1 a-container-that-was-killed');
    const killedAt = new Date(Date.now() - 40_000);
    utimesSync(lock, killedAt, killedAt);
    const { child, out, exited } = startRun(dir, cfg);
    const deadline = Date.now() + 120_000;
    while (!out.stdout.includes('"edition-sent"') && Date.now() < deadline && child.exitCode === null) await new Promise((res) => setTimeout(res, 250));
    child.kill('SIGTERM');
    expect(await exited, out.stderr).toBe(0);
    const events = out.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; level: string; trigger?: string });
    expect(events.find((e) => e.event === 'busy')).toMatchObject({ level: 'info', trigger: 'startup' });
    expect(events.find((e) => e.event === 'edition-sent')).toMatchObject({ trigger: 'retry' });
    expect(sink.received.flatMap((m) => m.to).filter((to) => to === 'box@reader.example')).toHaveLength(1);
  }, 150_000);

  it('digest run sends the edition of a firing that came while the step before it was still sending', async () => {
    // The schedule fires once a day, 25 s from now. Started now, `run` first catches up yesterday's firing
    // (24 h less 25 s ago: not too old for a fresh install), and the sink holds that send past today's firing.
    const firing = new Date(Math.ceil((Date.now() + 25_000) / 1000) * 1000);
    const { dir, cfg } = workspace(`${firing.getUTCSeconds()} ${firing.getUTCMinutes()} ${firing.getUTCHours()} * * *`);
    const hour = 3600_000;
    writeFileSync(path.join(dir, 'feed.xml'), feed([new Date(firing.getTime() - 30 * hour), new Date(Date.now() - hour)]));
    const r = await runCli(['subscribers', 'add', 'eve@reader.example', '--config', cfg], { env });
    expect(r.code, r.stderr).toBe(0);
    sink.set({ delayMs: firing.getTime() - Date.now() + 3000 });
    const { child, out, exited } = startRun(dir, cfg);
    const sent = () => out.stdout.split('\n').filter((l) => l.includes('"edition-sent"')).map((l) => (JSON.parse(l) as { editionId: string }).editionId);
    const until = firing.getTime() + 60_000;
    const before = sink.received.length;
    while (sent().length < 2 && Date.now() < until && child.exitCode === null) {
      if (sink.received.length > before) sink.set({}); // the held copy is through: no need to hold the next
      await new Promise((res) => setTimeout(res, 200));
    }
    child.kill('SIGTERM');
    expect(await exited, out.stderr).toBe(0);
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    expect(sent()).toEqual([day(firing.getTime() - 24 * hour), day(firing.getTime())]);
  }, 120_000);

  it('digest run whose state folder is deleted under it refuses its steps instead of starting an empty database', async () => {
    const { dir, cfg } = workspace('*/2 * * * * *');
    writeFileSync(path.join(dir, 'feed.xml'), feed([new Date(Date.now() - 3600_000)]));
    const r = await runCli(['subscribers', 'add', 'zoe@reader.example', '--config', cfg], { env });
    expect(r.code, r.stderr).toBe(0);
    const { child, out, exited } = startRun(dir, cfg);
    const until = async (text: string) => {
      const deadline = Date.now() + 60_000;
      while (!out.stdout.includes(text) && Date.now() < deadline && child.exitCode === null) await new Promise((res) => setTimeout(res, 200));
      expect(out.stdout, out.stderr).toContain(text);
    };
    await until('"edition-sent"');
    rmSync(path.join(dir, 'state'), { recursive: true, force: true });
    await until('"state-missing"');
    child.kill('SIGTERM');
    expect(await exited, out.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'state'))).toBe(false);
    const missing = out.stdout.split('\n').find((l) => l.includes('"state-missing"'))!;
    expect(JSON.parse(missing)).toMatchObject({ level: 'error', error: expect.stringMatching(/digest\.db vanished or was replaced while digest run was running; expected the database it started with: restore the state folder, then restart digest run$/) });
    expect(sink.received.flatMap((m) => m.to).filter((to) => to === 'zoe@reader.example')).toHaveLength(1);
  }, 120_000);
});
