// Tag-like junk is read in one pass: "<b " with no ">" after it, "<!--" with no "-->", long runs of "<". Each of these
// was searched again from every "<" (a megabyte took minutes); through the CLI, whose run would be stopped at its timeout.
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

describe('tag-like junk in a feed item', () => {
  it('a megabyte of it in each of three items still makes an edition, with every item read', async () => {
    const bodies = [
      `Grid repairs went on. ${megabyte('Kyiv <b ')}`,
      `Grid repairs went on. <p>Missile strike news.</p> ${megabyte('Kyiv <!-- ')}`,
      `Grid repairs went on. ${megabyte(`Kyiv ${'<'.repeat(40)}`)}`,
      '<p>A budget vote on the grid repairs passed late on Friday, officials said.</p>',
    ];
    const titles = ['Missile strike cuts the grid in Lviv', 'Drone attack on a port in Odesa', 'Shelling hits a school in Kharkiv', 'Parliament passes the grid repair budget'];
    const item = (n: number, body: string) =>
      `<item><title>${titles[n - 1]}</title><link>https://wire.example/${n}</link><guid>g${n}</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>`;
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>${bodies.map((b, i) => item(i + 1, b)).join('')}</channel></rss>`;
    server = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-junk-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(
      cfg,
      `title: Junk Watch
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
    const edition = JSON.parse(readFileSync(path.join(out, readdirSync(out)[0], 'digest.json'), 'utf8')) as Edition;
    expect(r.stdout).toMatch(/ from 4 items .*\(0 items left out; 1\/1 feeds ok\)/);
    const summaries = new Map(edition.sections.flatMap((s) => s.stories).map((s) => [s.title, s.summary]));
    expect(summaries.get(titles[0])).toMatch(/^Kyiv b Kyiv b Kyiv b/);
    expect(summaries.get(titles[3])).toBe('A budget vote on the grid repairs passed late on Friday, officials said.');
    for (const summary of summaries.values()) expect(summary).not.toContain('<');
  });
});
