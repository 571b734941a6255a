// One short paragraph repeated a hundred thousand times (a broken template's loop): the caption check read the run of
// copies below each paragraph again from every one of them (a megabyte took about a minute an item); through the CLI,
// whose run would be stopped at its timeout.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';

vi.setConfig({ testTimeout: 180_000 });

let server: Server | undefined;
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

const megabyte = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));

describe('a paragraph repeated throughout a feed item', () => {
  it('six items of a megabyte of it still make an edition, with every item read', async () => {
    const repeated = (line: string) => `<p>Grid repairs went on.</p>${`<p>${line}</p>`.repeat(Math.ceil(1_000_000 / (line.length + 7)))}`;
    const lines = ['Kyiv', 'Photo: Kyiv', 'Lviv, 20 November 2026', 'Odesa', 'Read more', 'Kharkiv'];
    const bodies = [...lines.map(repeated), '<p>A budget vote on the grid repairs passed late on Friday, officials said.</p>'];
    const titles = [
      'Missile strike cuts the grid in Lviv',
      'Drone attack on a port in Odesa',
      'Shelling hits a school in Kharkiv',
      'Rail link to Poland reopens',
      'Wheat exports rise in October',
      'Museum reopens after repairs',
      'Parliament passes the grid repair budget',
    ];
    const item = (n: number, body: string) =>
      `<item><title>${titles[n - 1]}</title><link>https://wire.example/${n}</link><guid>g${n}</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>`;
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>${bodies.map((b, i) => item(i + 1, b)).join('')}</channel></rss>`;
    server = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-repeated-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(
      cfg,
      `title: Repeat Watch
timezone: UTC
feeds:
  - name: Wire
    url: http://127.0.0.1:${(server.address() as { port: number }).port}/feed.xml
themes:
  - id: arms
    title: Arms
    keywords: [missile, grid, drone, shelling]
fetch:
  allowPrivateNetworks: true
  retries: 0
  maxSize: 16MB
`,
    );
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--config', cfg, '--now', '2026-11-23T07:00:00Z', '--out', out], { cwd: dir, timeoutMs: 170_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ from 7 items .*\(0 items left out; 1\/1 feeds ok\)/);
    const edition = JSON.parse(readFileSync(path.join(out, readdirSync(out)[0], 'digest.json'), 'utf8')) as Edition;
    const summaries = new Map(edition.sections.flatMap((s) => s.stories).map((s) => [s.title, s.summary]));
    expect(summaries.get(titles[6])).toBe('A budget vote on the grid repairs passed late on Friday, officials said.');
  });
});
