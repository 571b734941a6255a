// A feed that downloads but does not parse (an HTML page, an empty body) is a failing feed: recorded as
// such in health.json, warned about after three builds in a row, and `feeds check` exits 1. A URL with an
// IPv4-compatible IPv6 address (http://[::127.0.0.1]/) does not pass the address guard.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Good</title><link>https://good.example/</link><description>d</description>
<item><title>Allies agree on more air defence</title><link>https://good.example/1</link><guid>g1</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description>Ministers agreed on more air defence systems.</description></item>
</channel></rss>`;

describe('feeds that answer but are not feeds', () => {
  it('an HTML page and an empty body count as failures in health, warnings and feeds check', async () => {
    server = createServer((req, res) => {
      if (req.url === '/good.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
      if (req.url === '/page') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><h1>Welcome</h1></body></html>');
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('');
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-notafeed-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(
      cfg,
      `title: Health Watch
feeds:
  - name: Good
    url: ${base}/good.xml
  - name: Page
    url: ${base}/page
  - name: Empty
    url: ${base}/empty
themes:
  - id: arms
    title: Arms
    keywords: [air defence]
fetch:
  allowPrivateNetworks: true
  retries: 0
`,
    );
    let last = { code: 0, stdout: '', stderr: '' };
    for (let run = 1; run <= 3; run++) {
      last = await runCli(['build', '--config', cfg, '--now', '2026-11-23T07:00:00Z', '--out', path.join(dir, 'out')], { cwd: dir });
      expect(last.code, last.stderr).toBe(0);
    }
    expect(last.stderr).toMatch(/^warning: failing for 3 runs in a row: feed "page"/m);
    expect(last.stderr).toMatch(/^warning: failing for 3 runs in a row: feed "empty"/m);
    const health = JSON.parse(readFileSync(path.join(dir, '.digest/health.json'), 'utf8')) as { feeds: Record<string, { lastStatus: string; consecutiveFailures: number }> };
    expect(health.feeds.good).toMatchObject({ lastStatus: 'ok', consecutiveFailures: 0 });
    expect(health.feeds.page).toMatchObject({ lastStatus: 'error', consecutiveFailures: 3 });
    expect(health.feeds.empty).toMatchObject({ lastStatus: 'error', consecutiveFailures: 3 });

    const check = await runCli(['feeds', 'check', '--config', cfg], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/2 of 3 feeds are failing/);
  }, 180_000);

  it('refuses http://[::127.0.0.1]/ with the guard on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-v4compat-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(cfg, `title: Guard\nfeeds:\n  - name: Sneaky\n    url: http://[::127.0.0.1]:9/feed\nthemes:\n  - id: a\n    title: A\nfetch:\n  retries: 0\n`);
    const r = await runCli(['feeds', 'check', '--config', cfg, '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const [row] = JSON.parse(r.stdout) as { status: string; error: string }[];
    expect(row.status).toBe('error');
    expect(row.error).toMatch(/blocked: .*IPv4-compatible/);
  });
});
