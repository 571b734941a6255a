// An item a feed dates ahead of the build (a post scheduled ahead, a CMS writing local time as GMT, a year typed
// wrong) went into the edition under that date: "Tue 23 Nov 2027" in an edition of 23 November 2026. As Feedbin,
// selfoss and Capy clamp a future date to now, its story is shown as of when the item was first seen (the item keeps
// the publisher's date in digest.json, beside it), and the feed's line says so (in the build's note, digest.json and
// `digest feeds check`, whose newest item is no longer the date ahead).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServedFeeds, rssOf } from '../helpers/served-feeds.js';
import { runCli } from '../helpers/cli.js';

const item = (n: number, title: string, date: string) =>
  `<item><title>${title}</title><link>https://ahead.example/${n}</link><guid>a${n}</guid><pubDate>${date}</pubDate><description>${title}, officials said on the day.</description></item>`;
const FEED = rssOf(
  'Ahead',
  item(1, 'Missiles strike Kyiv power station', 'Tue, 23 Nov 2027 10:00:00 GMT') +
    item(2, 'Missile debris falls on Lviv suburb', 'Tue, 24 Nov 2026 09:00:00 GMT') +
    item(3, 'Missile talks resume in Geneva', 'Fri, 20 Nov 2026 10:00:00 GMT'),
);

describe('items dated ahead of the build', () => {
  it('are shown as of when first seen, and the feed says so', async () => {
    const built = await buildServedFeeds({ Ahead: FEED }, { keywords: ['missiles', 'missile'], now: '2026-11-23T07:00:00Z' });
    expect(built.run.code, built.run.stderr).toBe(0);
    const dates = Object.fromEntries(built.edition!.sections.flatMap((s) => s.stories.map((st) => [st.title, st.published])));
    expect(dates).toEqual({
      'Missiles strike Kyiv power station': '2026-11-23T07:00:00.000Z',
      'Missile debris falls on Lviv suburb': '2026-11-23T07:00:00.000Z',
      'Missile talks resume in Geneva': '2026-11-20T10:00:00.000Z',
    });
    const text = readFileSync(path.join(built.folder!, 'digest.txt'), 'utf8');
    expect(text).not.toMatch(/2027|24 Nov/);
    expect(built.edition!.feeds[0].datedAhead).toEqual([
      { guid: 'a1', date: '2027-11-23T10:00:00.000Z' },
      { guid: 'a2', date: '2026-11-24T09:00:00.000Z' },
    ]);
    expect(built.run.stderr).toContain('2 items dated ahead of now, up to 2027-11-23: shown as of when first seen');
  }, 120_000);

  it('are named in feeds check, whose newest item is the newest dated up to now', async () => {
    const { createServer } = await import('node:http');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const dir = mkdtempSync(path.join(tmpdir(), 'roundup-ahead-'));
      const cfg = path.join(dir, 'digest.config.yaml');
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/feed.xml`;
      writeFileSync(cfg, ['title: Ahead Watch', 'feeds:', '  - name: Ahead', `    url: ${url}`, 'themes:', '  - { id: arms, title: Arms, keywords: [missiles] }', 'fetch:', '  allowPrivateNetworks: true', '  retries: 0', ''].join('\n'));
      const check = await runCli(['feeds', 'check', '--config', cfg, '--now', '2026-11-23T07:00:00Z'], { cwd: dir });
      expect(check.code, check.stderr).toBe(0);
      expect(check.stdout).toMatch(/^ahead\s+ok \(2 items dated ahead of now, up to 2027-11-23: shown as of when first seen\)\s+200\s+3\s+2026-11-20\s/m);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  }, 120_000);
});
