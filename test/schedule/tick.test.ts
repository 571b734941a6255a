// `digest tick` through the CLI with a real SMTP server: due once per firing, never twice, safe to run
// concurrently, and a missed run is caught up by one edition covering the gap.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSink, type Sink } from '../deliver/support.js';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-tick-'));
let sink: Sink;
/** every recipient the SMTP server accepted a message for */
const received = () => sink.received.flatMap((m) => m.to);
let env: Record<string, string>;

const cfg = path.join(dir, 'digest.config.yaml');
const out = path.join(dir, 'out');

/**
 * One arms item each week from mid-November to Christmas, so every weekly edition has news: the feed as it stands at
 * `asOf`, with the items published by then (an item in the feed is news from when it is first seen, whatever its date).
 */
function weeklyFeed(asOf: string): string {
  const days = ['2026-11-18', '2026-11-25', '2026-12-02', '2026-12-09', '2026-12-16'];
  const places = ['Oslo', 'Warsaw', 'Helsinki', 'Copenhagen', 'Prague'];
  const items = days.flatMap((d, i) =>
    d <= asOf.slice(0, 10)
      ? [
          `<item><title>${places[i]} approves F-16 fighter jet support package ${i + 1}</title>
<link>https://weekly.test.example/${d}</link><guid>weekly-${d}</guid><pubDate>${new Date(`${d}T10:00:00Z`).toUTCString()}</pubDate>
<description>Ministers in ${places[i]} approved a support package for Ukraine's F-16 fighter jet fleet.</description></item>`,
        ]
      : [],
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Weekly</title><link>https://weekly.test.example/</link>${items.join('')}</channel></rss>`;
}

beforeAll(async () => {
  sink = await startSink();
  env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'tick-test-secret-0123456789abcdef' };
  writeFileSync(
    cfg,
    `title: Tick Watch
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
  from: "Tick Watch <digest@tick.example>"
  baseUrl: https://tick.example
  address: "1 Example Street, Kyiv"
state: state
delivery:
  rate: 100
`,
  );
  for (const who of ['ana@reader.example', 'ben@reader.example']) {
    const r = await runCli(['subscribers', 'add', who, '--config', cfg], { env });
    expect(r.code, r.stderr).toBe(0);
  }
});

afterAll(() => sink.close());

const tick = (now: string) => {
  writeFileSync(path.join(dir, 'weekly.xml'), weeklyFeed(now));
  return runCli(['tick', '--config', cfg, '--now', now, '--out', out], { env });
};
const count = (who: string) => received().filter((r) => r === who).length;

describe('digest tick', () => {
  it('on a fresh install, an old firing is not sent', async () => {
    const r = await tick('2026-11-21T12:00:00+02:00'); // last firing Mon 16 Nov, 5 days ago
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/nothing due: .*over 24 h old/);
    expect(r.stdout).toMatch(/next edition at 2026-11-23T07:00:00\.000\+02:00/);
    expect(received()).toHaveLength(0);
  });

  it('sends the due edition once to each subscriber', async () => {
    const r = await tick('2026-11-23T07:10:00+02:00');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/edition 2026-11-23 is due: sent 2, failed 0/);
    expect(count('ana@reader.example')).toBe(1);
    expect(count('ben@reader.example')).toBe(1);
    const e: Edition = JSON.parse(readFileSync(path.join(out, '2026-11-23', 'digest.json'), 'utf8'));
    expect(e.edition.end).toBe('2026-11-23T07:00:00.000+02:00'); // named by its firing, not by the tick's clock
  });

  it('running it again sends nothing and says when the next edition is due', async () => {
    const r = await tick('2026-11-23T07:20:00+02:00');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/nothing due: edition 2026-11-23 was already sent; next edition at 2026-11-30T07:00:00\.000\+02:00/);
    expect(received()).toHaveLength(2);
  });

  it('two ticks at once send once', async () => {
    const [a, b] = await Promise.all([tick('2026-11-30T07:01:00+02:00'), tick('2026-11-30T07:01:00+02:00')]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(count('ana@reader.example')).toBe(2);
    expect(count('ben@reader.example')).toBe(2);
    expect(`${a.stdout}${b.stdout}`).toMatch(/sent 2/);
  });

  it('after missed firings, one edition covers the whole gap (catchUp: latest)', async () => {
    const r = await tick('2026-12-21T09:00:00+02:00'); // 7th and 14th missed
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/edition 2026-12-21 is due; it also covers 2 missed firing\(s\): sent 2/);
    const e: Edition = JSON.parse(readFileSync(path.join(out, '2026-12-21', 'digest.json'), 'utf8'));
    expect(e.edition.start).toBe('2026-11-30T07:00:00.000+02:00');
    // the three weeks' news, not only the last week's
    expect(e.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((i) => i.guid))).sort()).toEqual([
      'weekly-2026-12-02',
      'weekly-2026-12-09',
      'weekly-2026-12-16',
    ]);
    expect(count('ana@reader.example')).toBe(3);
  });

  it('a clock set back sends no edition older than the last one sent', async () => {
    for (const now of ['2026-12-14T07:05:00+02:00', '2026-11-16T07:05:00+02:00']) {
      const r = await tick(now);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^nothing due: edition 2026-12-21 was already sent, and edition 2026-1\d-\d\d is older \(is the clock behind\?\)/);
    }
    expect(count('ana@reader.example')).toBe(3);
    expect(count('ben@reader.example')).toBe(3);
  });

  it('refuses to start without the secret', async () => {
    const r = await runCli(['tick', '--config', cfg], { env: { ...env, DIGEST_SECRET: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/DIGEST_SECRET/);
  });
});
