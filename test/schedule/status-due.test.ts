// `digest status` says when an edition is due and has not gone out (the timer stopped during an upgrade, every tick
// failing), instead of only the next firing, which reads as if all were well while readers get nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSink, type Sink } from '../deliver/support.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-status-due-'));
const cfg = path.join(dir, 'digest.config.yaml');
const out = path.join(dir, 'out');
let sink: Sink;
let env: Record<string, string>;

beforeAll(async () => {
  writeFileSync(
    path.join(dir, 'weekly.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Weekly</title><link>https://weekly.test.example/</link>
<item><title>Oslo approves F-16 fighter jet support package</title><link>https://weekly.test.example/1</link><guid>w1</guid>
<pubDate>${new Date('2026-11-18T10:00:00Z').toUTCString()}</pubDate><description>Ministers in Oslo approved a package for Ukraine's F-16 fleet.</description></item>
<item><title>Warsaw approves F-16 fighter jet training package</title><link>https://weekly.test.example/2</link><guid>w2</guid>
<pubDate>${new Date('2026-12-10T10:00:00Z').toUTCString()}</pubDate><description>Ministers in Warsaw approved training for Ukraine's F-16 pilots.</description></item>
</channel></rss>`,
  );
  writeFileSync(
    cfg,
    `title: Status Watch
timezone: Europe/Kyiv
schedule: "0 7 * * 1"
window: 7d
feeds:
  - name: Weekly
    path: weekly.xml
themes:
  - id: arms
    title: Arms
    keywords: [F-16, fighter jet]
email:
  from: "Status Watch <digest@status.example>"
  baseUrl: https://status.example
  address: "1 Example Street, Kyiv"
state: state
`,
  );
  sink = await startSink();
  env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'status-due-secret-0123456789abcdef' };
  expect((await runCli(['subscribers', 'add', 'ana@reader.example', '--config', cfg], { env })).code).toBe(0);
  const sent = await runCli(['tick', '--config', cfg, '--out', out, '--now', '2026-11-23T07:05:00+02:00'], { env });
  expect(sent.stdout, sent.stderr).toMatch(/edition 2026-11-23 is due: sent 1/);
});

afterAll(async () => {
  await sink?.close();
  rmSync(dir, { recursive: true, force: true });
});

const status = (now: string, ...more: string[]) => runCli(['status', '--config', cfg, '--now', now, ...more], { env });

describe('digest status', () => {
  it('names an edition whose firing passed unsent, and asks whether the scheduler runs once it is an hour late', async () => {
    const late = await status('2026-12-07T09:00:00+02:00'); // the 30 Nov and 7 Dec firings passed, nothing sent
    expect(late.code, late.stderr).toBe(0);
    expect(late.stdout).toContain(
      '  schedule    0 7 * * 1 (Europe/Kyiv); next firing Mon 14 Dec 2026 07:00 +02:00\n' +
        "  due         edition 2026-12-07, since Mon 7 Dec 2026 07:00 +02:00 (it also covers 1 missed firing): not sent yet; the scheduler's next step sends it" +
        ' (is the scheduler running, and can it send? its log says; `digest tick --dry-run` says what it would do)\n',
    );
    const json = JSON.parse((await status('2026-12-07T09:00:00+02:00', '--json')).stdout) as { due: { editionId: string; since: string } };
    expect(json.due).toMatchObject({ editionId: '2026-12-07', since: '2026-12-07T07:00:00.000+02:00' });
    // minutes after the firing: due, the next tick's business, no alarm
    expect((await status('2026-12-07T07:03:00+02:00')).stdout).toMatch(/\n {2}due {9}edition 2026-12-07, since .*: not sent yet; the scheduler's next step sends it\n/);
  });

  it('says nothing of it once the edition went out', async () => {
    const r = await status('2026-11-23T09:00:00+02:00');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/\n {2}due /);
    expect((JSON.parse((await status('2026-11-23T09:00:00+02:00', '--json')).stdout) as { due: unknown }).due).toBeNull();
  });

  it('with review: required, says that the draft is not built yet, or that the deadline skips it', async () => {
    const reviewed = path.join(dir, 'reviewed.yaml');
    writeFileSync(
      reviewed,
      readFileSync(cfg, 'utf8').replace('state: state', 'state: state-reviewed') + 'review: required\neditors: [ed@status.example]\nreviewDeadline: 1h\nonDeadline: skip\n',
    );
    const at = (now: string) => runCli(['status', '--config', reviewed, '--now', now], { env });
    expect((await at('2026-11-23T07:03:00+02:00')).stdout).toMatch(/\n {2}due {9}edition 2026-11-23, since .*: its draft is not built yet; the scheduler's next step builds it and tells the editors\n/);
    const built = await runCli(['tick', '--config', reviewed, '--out', path.join(dir, 'out-reviewed'), '--now', '2026-11-23T07:05:00+02:00'], { env });
    expect(built.stdout, built.stderr).toMatch(/draft built, editors told/);
    expect((await at('2026-11-23T07:30:00+02:00')).stdout).not.toMatch(/\n {2}due /); // waiting: the draft row says so
    expect((await at('2026-11-23T08:10:00+02:00')).stdout).toMatch(/\n {2}due {9}edition 2026-11-23, since .*: nobody approved it by the review deadline; the scheduler's next step skips it \(onDeadline: skip\)/);
  });

  it('says how many readers a send that failed has not reached yet', async () => {
    // the SMTP server cannot be reached: the tick gives up for now, exit 1
    const failed = await runCli(['tick', '--config', cfg, '--out', out, '--now', '2026-12-14T07:05:00+02:00'], { env: { ...env, DIGEST_SMTP_URL: 'smtp://127.0.0.1:9' } });
    expect(failed.code, failed.stdout + failed.stderr).toBe(1);
    const r = await status('2026-12-14T09:00:00+02:00');
    expect(r.stdout).toMatch(/\n {2}due {9}edition 2026-12-14, since Mon 14 Dec 2026 07:00 \+02:00 \(it also covers 2 missed firings\): 1 of its 1 recipients not reached yet; the scheduler's next step tries them again \(is the scheduler running, and can it send\? /);
  });
});
