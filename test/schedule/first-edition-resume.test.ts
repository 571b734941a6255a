// The first edition a digest ever sends, cut short (the server refused a reader for now, a kill, a lost connection):
// the next step resumes it, and status, tick and its dry run say so, instead of calling it an edition that "also
// covers 59 missed firings" (the scheduler's look-back, taken for a digest whose last edition went out long ago).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSink, type Sink } from '../deliver/support.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-first-resume-'));
const cfg = path.join(dir, 'digest.config.yaml');
let sink: Sink;
let env: Record<string, string>;
const cli = (...args: string[]) => runCli([...args, '--config', cfg], { cwd: dir, env });

beforeAll(async () => {
  writeFileSync(
    path.join(dir, 'weekly.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Weekly</title><link>https://weekly.test.example/</link>
<item><title>Oslo approves F-16 fighter jet support package</title><link>https://weekly.test.example/1</link><guid>w1</guid>
<pubDate>${new Date('2026-11-18T10:00:00Z').toUTCString()}</pubDate><description>Ministers in Oslo approved a package for Ukraine's F-16 fleet.</description></item>
</channel></rss>`,
  );
  writeFileSync(
    cfg,
    `title: First Watch
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
  from: "First Watch <digest@first.example>"
  baseUrl: https://first.example
  address: "1 Example Street, Kyiv"
state: state
`,
  );
  // the server takes ana's copy and refuses bob's for now (mailbox busy): the edition has gone out, not to everyone
  sink = await startSink({ rejectRcpt: (a) => (a === 'bob@reader.example' ? { code: 450, text: '4.2.1 mailbox busy, try later' } : null) });
  env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'first-resume-secret-0123456789abcdef' };
  for (const a of ['ana@reader.example', 'bob@reader.example']) expect((await cli('subscribers', 'add', a)).code).toBe(0);
  const first = await cli('tick', '--now', '2026-11-23T07:05:00+02:00');
  expect(first.stdout, first.stderr).toMatch(/^edition 2026-11-23 is due: sent 1, failed 1/);
}, 120_000);

afterAll(async () => {
  await sink?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the first edition, partly sent', () => {
  it('is resumed as the edition due, with no missed firings, in status, the dry run and the step', async () => {
    const now = '2026-11-23T09:00:00+02:00';
    const status = await cli('status', '--now', now);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/due {9}edition 2026-11-23, since Mon 23 Nov 2026 07:00 \+02:00: 1 of its 2 recipients not reached yet/);
    expect(status.stdout).not.toMatch(/missed/);
    const json = JSON.parse((await cli('status', '--now', now, '--json')).stdout) as { due: { missed?: number } };
    expect(json.due.missed ?? 0).toBe(0);

    const dry = await cli('tick', '--dry-run', '--now', now);
    expect(dry.stdout.split('\n')[0]).toBe('dry run: edition 2026-11-23 is due');

    sink.set({});
    const resumed = await cli('tick', '--now', now);
    expect(resumed.stdout, resumed.stderr).toMatch(/^edition 2026-11-23 is due: sent 1, failed 0 \(resumed the edition already built\); next edition at /);
  }, 120_000);
});
