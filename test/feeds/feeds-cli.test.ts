// `digest feeds check|import|discover` through the CLI against a local HTTP server.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../helpers/cli.js';

let server: Server;
let base = '';
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-feeds-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/wire.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(readFileSync(path.join(ROOT, 'test/fixtures/build/wire.xml')));
    }
    if (req.url === '/items-object.json') {
      res.writeHead(200, { 'content-type': 'application/feed+json' });
      return res.end(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: { a: 1 } }));
    }
    if (req.url === '/site') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<html><head><link rel="alternate" type="application/atom+xml" href="/news.atom"><link rel="alternate" type="application/rss+xml" href="https://cdn.test.example/rss"></head><body>hi</body></html>');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function writeConfig(name: string): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `# Our digest — keep this comment
title: Feeds Test
feeds:
  # the wire
  - name: Wire
    url: ${base}/wire.xml
  - name: Gone
    url: ${base}/gone.xml
themes:
  - id: arms
    title: Arms
    keywords: [F-16]
state: state-${name}
fetch:
  allowPrivateNetworks: true
  retries: 0
`,
  );
  return file;
}

describe('digest feeds', () => {
  it('check prints a health table and counts failures across runs', async () => {
    const cfg = writeConfig('check.yaml');
    const first = await runCli(['feeds', 'check', '--config', cfg]);
    // a check with a failing feed fails, and says how many
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toMatch(/^digest: 1 of \d+ feeds are failing$/m);
    expect(first.stdout).toMatch(/^feed\s+status\s+http\s+items\s+newest item\s+last success \(UTC\)\s+failures\s+time/m);
    expect(first.stdout).toMatch(/^wire\s+ok\s+200\s+6\s+2026-11-22/m);
    expect(first.stdout).toMatch(/^gone\s+error: HTTP 404\s+404\s+0\s+-\s+never\s+1\s/m);
    const second = await runCli(['feeds', 'check', '--config', cfg, '--json']);
    const rows = JSON.parse(second.stdout) as { id: string; consecutiveFailures: number; lastSuccess: string | null }[];
    expect(rows.find((r) => r.id === 'gone')?.consecutiveFailures).toBe(2);
    expect(rows.find((r) => r.id === 'wire')?.consecutiveFailures).toBe(0);
    expect(rows.find((r) => r.id === 'wire')?.lastSuccess).not.toBeNull();
  });

  it('check fails a JSON Feed whose items are not a list, and a build goes on with the other feeds', async () => {
    const cfg = writeConfig('json-items.yaml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(`url: ${base}/gone.xml`, `url: ${base}/items-object.json`));
    const check = await runCli(['feeds', 'check', '--config', cfg]);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toMatch(/^gone\s+error: items: expected a list, got an object\s+200\s+0\s/m);
    expect(check.stdout).toMatch(/^wire\s+ok\s+200\s+6\s/m);
    const build = await runCli(['build', '--config', cfg, '--now', '2026-11-23T07:00:00Z', '--out', path.join(dir, 'out-json-items')]);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/; 1\/2 feeds ok\)/);
    expect(build.stderr).toMatch(/^note: feed "gone" \(Gone\): items: expected a list, got an object$/m);
  });

  it('import adds new OPML feeds and keeps the config comments', async () => {
    const cfg = writeConfig('import.yaml');
    const opml = path.join(dir, 'subs.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
<outline text="News"><outline text="Wire again" type="rss" xmlUrl="${base}/wire.xml"/>
<outline text="Global Brief" type="rss" xmlUrl="https://brief.test.example/atom"/>
<outline text="Wire" type="rss" xmlUrl="https://other-wire.test.example/rss"/></outline></body></opml>`,
    );
    const r = await runCli(['feeds', 'import', opml, '--config', cfg]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/added 2 feeds, 1 already in the config/);
    const text = readFileSync(cfg, 'utf8');
    expect(text).toContain('# Our digest — keep this comment');
    expect(text).toContain('# the wire');
    expect(text).toContain('https://brief.test.example/atom');
    // the clashing name gets a distinct name and id, and the result is a valid config
    expect(text).toMatch(/name: Wire \(2\)/);
    const check = await runCli(['build', '--config', cfg, '--offline', '--out', path.join(dir, 'o')]);
    expect(check.stderr).not.toMatch(/config|duplicate id/);
  });

  it('import rejects a file that is not OPML with a clear line', async () => {
    const cfg = writeConfig('badopml.yaml');
    const bad = path.join(dir, 'bad.opml');
    writeFileSync(bad, '<html></html>');
    const r = await runCli(['feeds', 'import', bad, '--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/bad\.opml: not an OPML file/);
  });

  it('discover lists the feeds a page advertises, absolute', async () => {
    const cfg = writeConfig('discover.yaml');
    const r = await runCli(['feeds', 'discover', `${base}/site`, '--config', cfg]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([`${base}/news.atom`, 'https://cdn.test.example/rss']);
  });

  it('discover refuses loopback addresses without allowPrivateNetworks', async () => {
    const r = await runCli(['feeds', 'discover', `${base}/site`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/blocked/);
  });

  it('discover takes a mistyped address for bad usage: one line, exit 2', async () => {
    for (const url of ['not a url', 'ftp://x.example/feeds', 'http://']) {
      const r = await runCli(['feeds', 'discover', url]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`digest: ${JSON.stringify(url)}: expected an http(s) URL of a web page\n`);
    }
  });
});
