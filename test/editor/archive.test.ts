// The archive routes inside the real `serve` web app (createWebServer + extraRoutes): only sent editions
// are listed and served, each edition is a web page without the sample subscriber's links, and
// /feed.xml is an Atom feed that rss-parser reads back. Links are followed in a real browser.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/index.js';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import { createWebServer, listen } from '../../src/web/server.js';
import { archiveRoutes } from '../../src/web/editor/archive.js';
import type { Edition } from '../../src/types.js';
import { DateTime } from 'luxon';
import { buildEdition } from '../../src/pipeline/index.js';
import { writeEdition } from '../../src/pipeline/write.js';
import { chromiumMissing, launchBrowser } from './browser.js';
import { ID, ID_2, MISSILES_TITLE, NOW, NOW_2, makeWorkspace, type Workspace } from './workspace.js';

const SENT_AT = '2026-11-23T05:30:00.000Z';
let ws: Workspace;
let store: SqliteStore;
const servers: Server[] = [];

async function serve(includeUnsent: boolean): Promise<string> {
  const config = loadConfig(ws.configFile);
  const server = createWebServer({
    config,
    store,
    tokens: new Tokens('archive-test-secret-0123456789', tokenScope(store)),
    extraRoutes: [archiveRoutes({ outDir: ws.outDir, includeUnsent })],
  });
  servers.push(server);
  const addr = await listen(server, 0, '127.0.0.1');
  return `http://127.0.0.1:${addr.port}`;
}

let base = '';
let previewBase = '';

beforeAll(async () => {
  ws = makeWorkspace();
  // the same steps as `digest build`, in process (the CLI itself is exercised in report.test.ts)
  const config = loadConfig(ws.configFile);
  for (const now of [NOW, NOW_2]) {
    const { edition, rendered } = await buildEdition(config, { now: DateTime.fromISO(now, { setZone: true }), offline: true });
    await writeEdition(ws.outDir, edition, rendered, config);
  }
  store = openStore(ws.stateDir);
  store.markEditionSent(ID, SENT_AT); // ID_2 is built but never sent
  base = await serve(false);
  previewBase = await serve(true);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => { s.close(r); s.closeAllConnections(); })));
  store?.close();
  ws?.remove();
});

describe('archive routes in serve', () => {
  it('lists only sent editions at /archive', async () => {
    const res = await fetch(`${base}/archive`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="archive/${ID}"`);
    expect(html).not.toContain(ID_2);
    expect(html).toContain(MISSILES_TITLE);
  });

  it('serves a sent edition as a web page without the sample subscriber links; unsent and odd ids are 404', async () => {
    const res = await fetch(`${base}/archive/${ID}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(MISSILES_TITLE);
    expect(html).not.toContain('reader@example.org');
    expect(html).not.toMatch(/\/u\/sample|\/preferences\/sample/);
    expect(html).toContain('https://digest.test/subscribe');
    for (const p of [`/archive/${ID_2}`, '/archive/..%2Fstate', '/archive/.hidden', '/archive/1999-01-01']) {
      expect((await fetch(base + p)).status, p).toBe(404);
    }
  });

  it('links work under a path: every link of /archive, /archive/ and a missing edition’s page leads to a page of the app behind a proxy at /digest/', async () => {
    // as nginx `location /digest/ { proxy_pass http://127.0.0.1:8080/; }` serves it: the browser sees the prefix, serve does not
    const proxied = 'https://example.org/digest';
    for (const [p, status] of [['/archive', 200], ['/archive/', 200], ['/archive/1999-01-01', 404]] as const) {
      const res = await fetch(base + p);
      expect(res.status, p).toBe(status);
      const hrefs = [...(await res.text()).matchAll(/href="([^"]+)"/g)].map((m) => m[1]).filter((h) => !h.startsWith('data:'));
      expect(hrefs.length, p).toBeGreaterThan(0);
      for (const href of hrefs) {
        const seen = new URL(href, proxied + p);
        expect(seen.href.startsWith(`${proxied}/`), `${p}: ${href} → ${seen.href}`).toBe(true);
        const upstream = await fetch(base + seen.pathname.slice('/digest'.length));
        expect(upstream.status, `${p}: ${href} → ${seen.href}`).toBe(200);
      }
    }
  });

  it('lists and serves unsent editions too when includeUnsent is set (preview)', async () => {
    const html = await (await fetch(`${previewBase}/archive`)).text();
    expect(html.indexOf(ID_2)).toBeLessThan(html.indexOf(`archive/${ID}"`)); // newest first
    expect((await fetch(`${previewBase}/archive/${ID_2}`)).status).toBe(200);
  });

  it('shows every story on the web page even when the email was shortened', async () => {
    // a long edition whose email showed only a few stories and linked "N more stories" to the web page
    const long = JSON.parse(readFileSync(path.join(ws.outDir, ID, 'digest.json'), 'utf8')) as Edition;
    const id = '2026-12-07';
    long.edition = { ...long.edition, id, start: '2026-11-30T07:00:00.000+02:00', end: '2026-12-07T07:00:00.000+02:00' };
    const extra = Array.from({ length: 30 }, (_, i) => ({
      ...long.sections[0].stories[0],
      id: `extra-${i}`,
      title: `Invented follow-up number ${i + 1} on air defence`,
      url: `https://wire.test/extra/${i}`,
    }));
    long.sections[0].stories.push(...extra);
    mkdirSync(path.join(ws.outDir, id));
    writeFileSync(path.join(ws.outDir, id, 'digest.json'), JSON.stringify(long));
    writeFileSync(path.join(ws.outDir, id, 'digest.html'), '<p>Shortened email: 29 more stories on the web.</p>');
    const html = await (await fetch(`${previewBase}/archive/${id}`)).text();
    for (const st of long.sections.flatMap((s) => s.stories)) expect(html).toContain(st.title.replace(/&/g, '&amp;'));
    expect(html).not.toContain('Shortened email');
    expect(html).toContain('https://digest.test/subscribe');
    expect(html).not.toContain('%%');
    expect((await fetch(`${base}/archive/${id}`)).status).toBe(404); // not sent
  });

  it('publishes an Atom feed of sent editions at /feed.xml', async () => {
    const res = await fetch(`${base}/feed.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const parser = new Parser<{ id: string; updated: string }, { id: string; updated: string; published: string }>({
      customFields: { feed: ['id', 'updated'], item: ['id', 'updated', 'published'] },
    });
    const feed = await parser.parseString(await res.text());
    expect(feed.title).toBe('Editor Watch');
    expect(feed.id).toBe('https://digest.test/archive');
    expect(feed.feedUrl).toBe('https://digest.test/feed.xml');
    expect(feed.items).toHaveLength(1);
    const [entry] = feed.items;
    expect(entry.id).toBe(`https://digest.test/archive/${ID}`);
    expect(entry.link).toBe(`https://digest.test/archive/${ID}`);
    expect(entry.updated).toBe(SENT_AT);
    expect(feed.updated).toBe(SENT_AT);
    expect(new Date(entry.published).toISOString()).toBe(new Date(NOW).toISOString());
    expect(entry.title).toContain('Editor Watch');
    expect(entry.content).toContain(MISSILES_TITLE);
    // each headline links to its story, so a feed reader can open it
    const edition = JSON.parse(readFileSync(path.join(ws.outDir, ID, 'digest.json'), 'utf8')) as Edition;
    const story = edition.sections.flatMap((s) => s.stories).find((st) => st.title === MISSILES_TITLE)!;
    expect(entry.content).toContain(`<a href="${story.url!.replace(/&/g, '&amp;')}">${MISSILES_TITLE.replace(/&/g, '&amp;')}</a>`);
  });

  it('the email links to its archive page (view in browser); the archive page itself drops that link', async () => {
    const email = readFileSync(path.join(ws.outDir, ID, 'digest.html'), 'utf8');
    expect(email).toContain(`https://digest.test/archive/${ID}`);
    const html = await (await fetch(`${base}/archive/${ID}`)).text();
    expect(html).not.toContain(`https://digest.test/archive/${ID}`);
    expect(html).not.toMatch(/in your browser/);
  });
});

describe.skipIf(chromiumMissing)(`archive in a browser${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('every link on /archive resolves to a page', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${previewBase}/archive`);
    const links = await page.$$eval('a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThanOrEqual(3); // two editions + the feed
    for (const href of links) {
      const res = await page.goto(href);
      expect(res?.status(), href).toBe(200);
    }
    await page.goto(`${previewBase}/archive`);
    await page.click(`a[href="archive/${ID}"]`);
    await expect.poll(() => page.url()).toBe(`${previewBase}/archive/${ID}`);
    expect(await page.textContent('body')).toContain(MISSILES_TITLE);
    expect(errors).toEqual([]);
  });
});
