// A server whose Last-Modified is ahead of its own clock (a CMS that stamps it from a post scheduled for later, a clock
// set wrong once) and that answers If-Modified-Since by comparing dates, as Apache and Express do: sent back, that date
// got "304 Not Modified" for every later version of the feed until the date came, so the digest read its stale copy
// for weeks and left the new articles out, while the feed looked healthy (not-modified).
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { rssOf } from '../helpers/served-feeds.js';

// five years ahead of the clock the test runs by
const AHEAD = new Date(Date.now() + 5 * 365 * 86_400_000).toUTCString();
const item = (n: number, title: string, date: string) =>
  `<item><title>${title}</title><link>https://ahead.example/${n}</link><guid>a${n}</guid><pubDate>${date}</pubDate><description>${title}, officials said.</description></item>`;
const WEEK1 = item(1, 'Missiles strike Kyiv power station', 'Fri, 20 Nov 2026 10:00:00 GMT');
const WEEK2 = item(2, 'Missiles shot down over Odesa port', 'Fri, 27 Nov 2026 10:00:00 GMT');

let server: Server;
let base = '';
let feed = rssOf('Ahead', WEEK1);
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-ahead-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    if (since >= Date.parse(AHEAD)) return res.writeHead(304, { 'last-modified': AHEAD }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': AHEAD }).end(feed);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function build(now: string, out: string): Promise<Edition> {
  const cfg = path.join(dir, 'digest.config.yaml');
  writeFileSync(
    cfg,
    ['title: Ahead Watch', 'timezone: UTC', 'feeds:', '  - name: Ahead', `    url: ${base}/feed.xml`, 'themes:', '  - id: arms', '    title: Arms', '    keywords: [missiles]', 'fetch:', '  allowPrivateNetworks: true', '  retries: 0', ''].join('\n'),
  );
  const run = await runCli(['build', '--config', cfg, '--now', now, '--out', path.join(dir, out)]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(readFileSync(path.join(dir, out, now.slice(0, 10), 'digest.json'), 'utf8')) as Edition;
}

describe('a feed whose Last-Modified is in the future', () => {
  it("is fetched whole again, so next week's articles are in next week's edition", async () => {
    const first = await build('2026-11-23T07:00:00Z', 'out1');
    expect(first.sections.flatMap((s) => s.stories.map((st) => st.title))).toEqual(['Missiles strike Kyiv power station']);
    feed = rssOf('Ahead', WEEK2 + WEEK1);
    const second = await build('2026-11-30T07:00:00Z', 'out2');
    expect(second.feeds.map((f) => f.status)).toEqual(['ok']);
    expect(second.sections.flatMap((s) => s.stories.map((st) => st.title))).toEqual(['Missiles shot down over Odesa port']);
  }, 120_000);
});
