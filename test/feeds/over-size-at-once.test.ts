// A feed over fetch.maxSize sent at once without a Content-Length (chunked, as most servers send a generated feed), so
// that the size is passed in the same read as the headers: refusing it destroyed the socket with an 'error' no one
// listened to, and `digest feeds check` and `digest build` died with a stack trace, every other feed unread. It fails
// alone, in one line.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { rssItem, rssOf } from '../helpers/served-feeds.js';

const FEED = rssOf('Wire', rssItem(1, 'Missiles strike Kyiv', 'Missiles struck Kyiv on Friday.'));
const BIG = FEED.replace('</channel>', `<!-- ${'x'.repeat(3000)} --></channel>`);

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/big.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(BIG);
    else if (req.url === '/small.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('a feed over fetch.maxSize, sent at once', () => {
  it('fails in one line in feeds check and build, and the other feed is read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-declared-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    const feeds = ['small', 'big'].flatMap((id) => [`  - name: ${id}`, `    url: ${base}/${id}.xml`]);
    writeFileSync(cfg, ['title: Size Watch', 'timezone: UTC', 'feeds:', ...feeds, 'themes:', '  - { id: arms, title: Arms, keywords: [missiles] }', 'fetch:', '  allowPrivateNetworks: true', '  retries: 0', '  maxSize: 2KB', ''].join('\n'));
    const check = await runCli(['feeds', 'check', '--config', cfg], { cwd: dir });
    expect(check.stderr).not.toMatch(/\n\s+at /);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toMatch(/^big\s+error: body over 2 KB \(fetch\.maxSize\)\s/m);
    expect(check.stdout).toMatch(/^small\s+ok\s+200\s+1\s/m);

    const build = await runCli(['build', '--config', cfg, '--now', '2026-11-23T07:00:00Z'], { cwd: dir });
    expect(build.stderr).not.toMatch(/\n\s+at /);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toContain('feed "big" (big): body over 2 KB (fetch.maxSize)');
  }, 120_000);
});
