// A feed whose server answers 200 and then breaks its body (the connection closed part-way, gzip bytes that do not
// unpack, a body over fetch.maxSize) failed in `digest feeds check` with "-" in its http column, as if no answer had
// come: the operator looked for a network fault where the server answered and its body was the fault. The column
// says the 200 it got, and the status what was wrong with the body.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { rssItem, rssOf } from '../helpers/served-feeds.js';

const FEED = rssOf('Wire', rssItem(1, 'Missiles strike Kyiv', 'Missiles struck Kyiv on Friday.'));

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/cut.xml') {
      // promises more than it sends, then hangs up
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(FEED.length * 4) });
      res.write(FEED.slice(0, 80));
      setTimeout(() => res.destroy(), 50);
    } else if (req.url === '/badgz.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    } else if (req.url === '/big.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED.replace('</channel>', `<!-- ${'x'.repeat(3000)} --></channel>`));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('digest feeds check on a 200 whose body breaks', () => {
  it('shows the status 200 and what was wrong with the body', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-broken-body-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    const feeds = ['cut', 'badgz', 'big'].flatMap((id) => [`  - name: ${id}`, `    url: ${base}/${id}.xml`]);
    writeFileSync(cfg, ['title: Body Watch', 'feeds:', ...feeds, 'themes:', '  - { id: arms, title: Arms, keywords: [missiles] }', 'fetch:', '  allowPrivateNetworks: true', '  retries: 0', '  maxSize: 2KB', ''].join('\n'));
    const check = await runCli(['feeds', 'check', '--config', cfg], { cwd: dir });
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toMatch(/^cut\s+error: connection closed before the body was complete\s+200\s/m);
    expect(check.stdout).toMatch(/^badgz\s+error: body could not be decompressed \(gzip\)\s+200\s/m);
    expect(check.stdout).toMatch(/^big\s+error: .*fetch\.maxSize.*\s200\s/m);

    const json = await runCli(['feeds', 'check', '--config', cfg, '--json'], { cwd: dir });
    expect((JSON.parse(json.stdout) as { id: string; httpStatus: number | null }[]).map((r) => [r.id, r.httpStatus])).toEqual([
      ['cut', 200],
      ['badgz', 200],
      ['big', 200],
    ]);
  }, 120_000);
});
