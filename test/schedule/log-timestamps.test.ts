// `digest tick --log-timestamps` (the crontab line's): every line it writes, on stdout and stderr, begins with its
// time, so tick.log says when each step ran and when each warning or error came. Without the flag the output is as it was.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSink, type Sink } from '../deliver/support.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-stamps-'));
const cfg = path.join(dir, 'digest.config.yaml');
let sink: Sink;
let env: Record<string, string>;
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z /;

beforeAll(async () => {
  writeFileSync(
    path.join(dir, 'weekly.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Weekly</title><link>https://weekly.test.example/</link>
<item><title>Oslo approves F-16 fighter jet support package</title><link>https://weekly.test.example/1</link><guid>w-1</guid>
<pubDate>${new Date('2026-11-20T10:00:00Z').toUTCString()}</pubDate><description>Ministers in Oslo approved a support package for Ukraine's F-16 fighter jet fleet.</description></item>
</channel></rss>`,
  );
  sink = await startSink();
  env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'stamp-test-secret-0123456789abcdef' };
  writeFileSync(
    cfg,
    `title: Stamp Watch
timezone: Europe/Kyiv
schedule: "0 7 * * 1"
feeds:
  - name: Weekly
    path: weekly.xml
themes:
  - id: arms
    title: Arms
    keywords: [F-16, fighter jet]
email:
  from: "Stamp Watch <digest@stamp.example>"
  baseUrl: https://stamp.example
  address: "1 Example Street, Kyiv"
state: state
`,
  );
  const r = await runCli(['subscribers', 'add', 'ana@reader.example', '--config', cfg], { env });
  expect(r.code, r.stderr).toBe(0);
});

afterAll(() => sink.close());

const lines = (s: string) => s.split('\n').slice(0, -1);

describe('digest tick --log-timestamps', () => {
  it('begins every line of stdout and stderr with the time it was written, in UTC', async () => {
    const before = Date.now();
    const r = await runCli(['tick', '--config', cfg, '--now', '2026-11-23T07:10:00+02:00', '--out', path.join(dir, 'out'), '--verbose', '--log-timestamps'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stderr.endsWith('\n')).toBe(true);
    // the edition's line; on stderr, the --verbose step lines and a warning
    expect(r.stdout).toMatch(/Z edition 2026-11-23 is due: sent 1, failed 0/);
    expect(r.stderr).toMatch(/Z digest: warning: mail goes out without a DKIM signature/);
    expect(r.stderr).toMatch(/Z due: \{/);
    for (const line of [...lines(r.stdout), ...lines(r.stderr)]) {
      expect(line).toMatch(STAMP);
      // the real time of writing, not the step's --now
      const at = Date.parse(line.slice(0, 24));
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it('stamps the last error line too', async () => {
    const r = await runCli(['tick', '--config', cfg, '--log-timestamps'], { env: { ...env, DIGEST_SECRET: undefined } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${STAMP.source}digest: DIGEST_SECRET is not set`));
  });

  it('without the flag, the output is unchanged', async () => {
    const r = await runCli(['tick', '--config', cfg, '--now', '2026-11-23T07:20:00+02:00', '--out', path.join(dir, 'out')], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^nothing due: edition 2026-11-23 was already sent; next edition at 2026-11-30T07:00:00\.000\+02:00\n$/);
    for (const line of lines(r.stderr)) expect(line).not.toMatch(STAMP);
  });
});
