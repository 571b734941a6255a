// `digest build` on feeds served over HTTP from 127.0.0.1, for tests of what a feed's items come out as: each feed is
// an RSS document at its own path, the config has one theme, and the edition's digest.json is read back.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Edition } from '../../src/types.js';
import { runCli, type CliResult } from './cli.js';

/** An RSS 2.0 document of a channel named `name`, with its items' XML as given. */
export function rssOf(name: string, items: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>https://${name.toLowerCase()}.example/</link>${items}</channel></rss>`;
}

/** One RSS item of `title` whose description is `html` (in CDATA), dated 20 November 2026. */
export function rssItem(n: number, title: string, html: string): string {
  return `<item><title>${title}</title><link>https://wire.example/${n}</link><guid>g${n}</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[${html}]]></description></item>`;
}

export interface ServedBuild {
  run: CliResult;
  /** the edition's folder (digest.json, .html, .txt); null when the build failed */
  folder: string | null;
  edition: Edition | null;
}

/** A feed served as these bytes, with this Content-Type (a feed given as text is UTF-8, application/rss+xml). */
export interface ServedBytes {
  body: Buffer;
  contentType: string;
  /** a Content-Encoding to send with them (gzip), when the bytes are so encoded */
  encoding?: string;
}

/**
 * Serve `feeds` (feed name → RSS document, or its bytes), build an edition of them at `now` with one theme of `keywords`
 * (and the top-level `config` lines given, such as `locale: de`), and read it back. The build may take up to `timeoutMs`: a run that takes longer is stopped, and the test fails.
 */
export async function buildServedFeeds(
  feeds: Record<string, string | ServedBytes>,
  o: { keywords: string[]; now?: string; maxSize?: string; timeoutMs?: number; config?: string[] },
): Promise<ServedBuild> {
  const byPath = new Map(Object.entries(feeds).map(([name, rss]) => [`/${name.toLowerCase()}.xml`, rss]));
  const server = createServer((req, res) => {
    const rss = byPath.get(req.url ?? '');
    if (rss === undefined) res.writeHead(404).end();
    else if (typeof rss === 'string') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss);
    else res.writeHead(200, { 'content-type': rss.contentType, ...(rss.encoding ? { 'content-encoding': rss.encoding } : {}) }).end(rss.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-served-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(
      cfg,
      [
        'title: Served Watch',
        'timezone: UTC',
        'feeds:',
        ...Object.keys(feeds).flatMap((name) => [`  - name: ${name}`, `    url: ${base}/${name.toLowerCase()}.xml`]),
        'themes:',
        '  - id: arms',
        '    title: Arms',
        `    keywords: [${o.keywords.join(', ')}]`,
        'fetch:',
        '  allowPrivateNetworks: true',
        '  retries: 0',
        ...(o.maxSize ? [`  maxSize: ${o.maxSize}`] : []),
        ...(o.config ?? []),
        '',
      ].join('\n'),
    );
    const out = path.join(dir, 'out');
    const run = await runCli(['build', '--config', cfg, '--now', o.now ?? '2026-11-23T07:00:00Z', '--out', out], { cwd: dir, timeoutMs: o.timeoutMs });
    if (run.code !== 0) return { run, folder: null, edition: null };
    const folder = path.join(out, readdirSync(out)[0]);
    return { run, folder, edition: JSON.parse(readFileSync(path.join(folder, 'digest.json'), 'utf8')) as Edition };
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
}

export interface ServedSite {
  /** http://127.0.0.1:PORT */
  base: string;
  close(): Promise<void>;
}

/**
 * A small web site on 127.0.0.1 for adding feeds by address: /feed.xml (an RSS feed of one item, titled `name`),
 * /old.xml (moved permanently to /feed.xml), /site (a page advertising /feed.xml, then /comments.atom), /plain (a
 * page advertising no feed); anything else is a 404.
 */
export async function serveSite(name: string, item: string): Promise<ServedSite> {
  const pages: Record<string, [string, string]> = {
    '/feed.xml': ['application/rss+xml', rssOf(name, item)],
    '/site': ['text/html', '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"><link rel="alternate" type="application/atom+xml" href="/comments.atom"></head><body>home</body></html>'],
    '/plain': ['text/html', '<html><head><title>no feeds</title></head><body>home</body></html>'],
  };
  const server = createServer((req, res) => {
    if (req.url === '/old.xml') return res.writeHead(301, { location: '/feed.xml' }).end();
    const page = pages[req.url ?? ''];
    if (page) res.writeHead(200, { 'content-type': page[0] }).end(page[1]);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
