// A feed over fetch.maxSize, slower than fetch.timeout or fetch.connectTimeout, or past fetch.maxRedirects, fails with a line that names the
// setting, as a path: feed over the size already did: "body over 1 MB" alone left the operator of a 20 MB feed that is
// meant to be read to guess which of the config's keys lets it through.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { rssItem, rssOf } from '../helpers/served-feeds.js';

let server: Server;
let base = '';
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-limits-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/big.xml') {
      // 20 MB: a comment as long as an archive of full-text items
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><!-- ');
      const mb = 'x'.repeat(1024 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 20) {
          sent++;
          if (!res.write(mb)) return res.once('drain', more);
        }
        res.end(' --></channel></rss>');
      };
      return more();
    }
    if (req.url === '/endless.xml') {
      // answers at once, then sends a byte now and then, for ever
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const drip = setInterval(() => res.write(' '), 200);
      return res.on('close', () => clearInterval(drip));
    }
    if (req.url === '/silent.xml') return; // takes the request, never answers
    const hop = /^\/hop(\d+)\.xml$/.exec(req.url ?? '');
    if (hop) return res.writeHead(302, { location: `/hop${Number(hop[1]) + 1}.xml` }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssOf('Wire', rssItem(1, 'Missiles strike Kyiv', 'Missiles struck Kyiv.')));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

describe('a feed past a fetch limit', () => {
  it('fails in one line naming the setting, and the other feeds are read', async () => {
    const cfg = path.join(dir, 'digest.config.yaml');
    const feeds = ['wire', 'big', 'endless', 'silent', 'hop1'].flatMap((id) => [`  - name: ${id}`, `    url: ${base}/${id}.xml`]);
    writeFileSync(
      cfg,
      ['title: Limits Watch', 'timezone: UTC', 'feeds:', ...feeds, 'themes:', '  - id: arms', '    title: Arms', '    keywords: [missiles]', 'fetch:', '  allowPrivateNetworks: true', '  retries: 0', '  maxSize: 1MB', '  timeout: 3s', '  connectTimeout: 1s', ''].join('\n'),
    );
    const check = await runCli(['feeds', 'check', '--config', cfg]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^wire\s+ok\s/m);
    expect(check.stdout).toMatch(/^big\s+error: body over 1 MB \(fetch\.maxSize\)\s/m);
    expect(check.stdout).toMatch(/^endless\s+error: timeout after 3 s \(fetch\.timeout\)\s/m);
    expect(check.stdout).toMatch(/^silent\s+error: timeout after 1 s waiting for a response \(fetch\.connectTimeout\)\s/m);
    expect(check.stdout).toMatch(/^hop1\s+error: too many redirects \(more than 5: fetch\.maxRedirects\)\s/m);
  }, 120_000);
});
