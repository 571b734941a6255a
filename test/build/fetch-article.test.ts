// `fetchArticle: true`: a feed of teasers gets its articles from the linked pages (through the guarded client),
// and a later --offline build reuses them.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-article-'));
let server: Server;
let base = '';
let pageHits = 0;

const ARTICLE_SENTENCE = 'The first four launchers will be stationed near the western border by the end of January.';
const page = () => `<!doctype html><html><head><title>Poland sends air defence launchers to Ukraine</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Poland sends air defence launchers to Ukraine</h1>
<p>Poland will transfer eight air defence launchers to Ukraine this winter, its defence minister told parliament in Warsaw on Thursday, in the largest single package Warsaw has sent this year.</p>
<p>${ARTICLE_SENTENCE} Ukrainian crews have already completed their training on the system at a base in Germany, officials said.</p>
<p>The minister said the launchers would come with a first batch of interceptor missiles and that more would follow in the spring, depending on production at the national arms maker.</p>
</article>
<aside><h3>More from Teaser Times</h3><ul><li><a href="/x">Cookery contest final tonight</a></li></ul></aside>
<footer>© Teaser Times. Share on Facebook.</footer></body></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Teaser Times</title><link>${base}/</link>
<item><title>Poland sends air defence launchers to Ukraine</title><link>${base}/news/poland-launchers</link><guid>t-1</guid>
<pubDate>Thu, 19 Nov 2026 10:00:00 +0000</pubDate><description>Poland will transfer eight launchers… Read more</description></item>
</channel></rss>`);
    }
    if (req.url === '/teasers.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(teasers(base));
    }
    if (req.url === '/news/empty') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>');
    }
    if (req.url === '/news/poland-launchers') {
      pageHits++;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page());
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function config(fetchArticle: boolean): string {
  const file = path.join(dir, `c-${fetchArticle}.yaml`);
  writeFileSync(
    file,
    `title: Article Watch
timezone: Europe/Kyiv
feeds:
  - name: Teaser Times
    url: ${base}/feed.xml
    fetchArticle: ${fetchArticle}
themes:
  - id: arms
    title: Arms
    keywords: [air defence, launcher]
state: state-${fetchArticle}
fetch:
  allowPrivateNetworks: true
  retries: 0
`,
  );
  return file;
}

async function build(cfg: string, extra: string[] = []) {
  const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
  lastOut = out;
  const r = await runCli(['build', '--config', cfg, '--now', '2026-11-23T07:00:00+02:00', '--out', out, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(path.join(out, '2026-11-23', 'digest.json'), 'utf8')) as Edition;
}

/** Three teasers whose pages give no article: gone (404), empty, and the working one. */
const teasers = (site: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Teaser Times</title><link>${site}/</link>
<item><title>Ukraine air defence crews finish training</title><link>${site}/news/gone</link><guid>t-gone</guid>
<pubDate>Thu, 19 Nov 2026 10:00:00 +0000</pubDate><description>Crews finished training on the launchers… Read more</description></item>
<item><title>Ukraine orders more interceptor missiles</title><link>${site}/news/empty</link><guid>t-empty</guid>
<pubDate>Thu, 19 Nov 2026 11:00:00 +0000</pubDate><description>Kyiv ordered more interceptors… Read more</description></item>
<item><title>Poland sends air defence launchers to Ukraine</title><link>${site}/news/poland-launchers</link><guid>t-1</guid>
<pubDate>Thu, 19 Nov 2026 12:00:00 +0000</pubDate><description>Poland will transfer eight launchers… Read more</description></item>
</channel></rss>`;

let lastOut = '';
const summary = (e: Edition) => e.sections[0]?.stories[0]?.summary ?? '';

describe('fetchArticle', () => {
  it('without it, only the teaser is used and no page is fetched', async () => {
    const e = await build(config(false));
    expect(summary(e)).not.toContain('western border');
    expect(pageHits).toBe(0);
  });

  it('with it, the article text replaces the teaser, without the page furniture', async () => {
    const cfg = config(true);
    const e = await build(cfg);
    expect(pageHits).toBe(1);
    const s = summary(e);
    expect(s).toMatch(/Poland will transfer eight air defence launchers/);
    expect(s).not.toMatch(/More from|Share on|Cookery|Home \|/);
    // a second, offline build reuses the extracted article: same summary, no new fetch
    const again = await build(cfg, ['--offline']);
    expect(summary(again)).toBe(s);
    expect(pageHits).toBe(1);
  });

  it('records each page that gave no article, and why, in digest.json and the report', async () => {
    const cfg = config(true).replace(/c-true\.yaml$/, 'c-trace.yaml');
    writeFileSync(cfg, readFileSync(config(true), 'utf8').replace('/feed.xml', '/teasers.xml').replace('state-true', 'state-trace'));
    const e = await build(cfg);
    expect(e.feeds[0].articles).toEqual([
      { guid: 't-gone', url: `${base}/news/gone`, error: 'HTTP 404' },
      { guid: 't-empty', url: `${base}/news/empty`, error: 'no article text on the page' },
    ]);
    const report = readFileSync(path.join(lastOut, '2026-11-23', 'report.html'), 'utf8');
    const { document } = parseHTML(report);
    const gone = [...document.querySelectorAll('#rows tr')].find((tr) => tr.textContent!.includes('t-gone'))!;
    expect(gone.querySelector('.article-error')!.textContent).toBe(`feed text only: the page gave no article (${base}/news/gone: HTTP 404)`);
    expect(document.querySelector('#health tbody tr')!.textContent).toContain('2 item pages gave no article (feed text kept)');
  });

  it('records a page the address guard refused', async () => {
    // a local feed whose teasers link to a loopback page: without allowPrivateNetworks the guard refuses it
    writeFileSync(path.join(dir, 'teasers.xml'), teasers(base));
    const cfg = path.join(dir, 'c-guarded.yaml');
    writeFileSync(cfg, `title: Article Watch\ntimezone: Europe/Kyiv\nfeeds:\n  - name: Teaser Times\n    path: teasers.xml\n    fetchArticle: true\nthemes:\n  - id: arms\n    title: Arms\n    keywords: [air defence, launcher]\nstate: state-guarded\nfetch:\n  retries: 0\n`);
    const hits = pageHits;
    const e = await build(cfg);
    expect(pageHits).toBe(hits);
    expect(e.feeds[0].articles!.map((a) => [a.guid, a.error])).toEqual([
      ['t-gone', 'blocked: resolves to loopback address 127.0.0.1'],
      ['t-empty', 'blocked: resolves to loopback address 127.0.0.1'],
      ['t-1', 'blocked: resolves to loopback address 127.0.0.1'],
    ]);
  });
});
