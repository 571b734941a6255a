// A feed that is down when the edition is built: the build reads its last good copy (the feed cache), says so in the
// feed's line, in digest.json and in report.html, and still counts the feed as failed (health, "1/2 feeds ok").
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const FIRST = '2026-11-23T07:00:00Z';
const NEXT = '2026-11-24T07:00:00Z';

const rss = (name: string, items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>https://${name.toLowerCase()}.example/</link>${items}</channel></rss>`;
const WIRE = rss('Wire', `<item><title>Kyiv opens new heating points ahead of winter</title><link>https://wire.example/1</link><guid>w-1</guid>
<pubDate>Sun, 22 Nov 2026 09:00:00 GMT</pubDate><description>Kyiv opened two hundred heating points across the city ahead of winter blackouts.</description></item>`);
const DOWN = rss('Down', `<item><title>Lviv repairs its heating mains before the frost</title><link>https://down.example/1</link><guid>d-1</guid>
<pubDate>Sun, 22 Nov 2026 10:00:00 GMT</pubDate><description>Crews in Lviv replaced four kilometres of heating mains before the first frost of the season.</description></item>`);

/** how /down-<case>.xml answers now: the feed, or one way of failing */
type Answer = 'feed' | 503 | 429 | 404 | 410 | 'html' | 'hang-up';
const answers = new Map<string, Answer>();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/wire.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(WIRE);
    const answer = answers.get(req.url ?? '');
    if (answer === undefined) return res.writeHead(404).end();
    if (answer === 'feed') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(DOWN);
    if (answer === 'html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Maintenance</title></head><body><p>Back soon.</p></body></html>');
    if (answer === 'hang-up') return req.socket.destroy();
    res.writeHead(answer, { 'content-type': 'text/plain' }).end('no');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A digest of the wire and one feed at `downUrl`, in its own folder (its own state: its own feed cache). */
function workspace(downUrl: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-copy-'));
  const config = path.join(dir, 'digest.config.yaml');
  writeFileSync(
    config,
    [
      'title: Heating Watch',
      'timezone: UTC',
      'window: 7d',
      'feeds:',
      '  - name: Wire',
      '    id: wire',
      `    url: ${base}/wire.xml`,
      '  - name: Down',
      '    id: down',
      `    url: ${downUrl}`,
      'themes:',
      '  - id: home',
      '    title: Home',
      '    keywords: [heating]',
      'state: state',
      'fetch:',
      '  allowPrivateNetworks: true',
      '  retries: 0',
      '  timeout: 5',
      '',
    ].join('\n'),
  );
  return {
    dir,
    config,
    async build(now: string) {
      const out = path.join(dir, `out-${now.replace(/\W/g, '')}`);
      const run = await runCli(['build', '--config', config, '--now', now, '--out', out], { cwd: dir });
      const folder = run.code === 0 ? path.join(out, readdirSync(out)[0]) : null;
      const read = (f: string) => readFileSync(path.join(folder!, f), 'utf8');
      return { run, edition: folder ? (JSON.parse(read('digest.json')) as Edition) : null, read };
    },
    health: () => JSON.parse(readFileSync(path.join(dir, 'state', 'health.json'), 'utf8')).feeds.down as { consecutiveFailures: number; lastStatus: string },
  };
}

const guids = (e: Edition) => e.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((i) => i.guid))).sort();

describe('a feed that fails at build time, with a good copy from an earlier build', () => {
  it.each([
    [503, 'HTTP 503'],
    [429, 'HTTP 429'],
    ['hang-up', 'connection closed before a response'],
  ] as const)('%s: its items come from the copy, and the build says so and still counts it failed', async (answer, error) => {
    const url = `/down-${answer}.xml`;
    answers.set(url, 'feed');
    const ws = workspace(base + url);
    const first = await ws.build(FIRST);
    expect(first.run.code, first.run.stderr).toBe(0);
    expect(guids(first.edition!)).toEqual(['d-1', 'w-1']);

    answers.set(url, answer);
    const next = await ws.build(NEXT);
    expect(next.run.code, next.run.stderr).toBe(0);
    const edition = next.edition!;
    // the week's news of the feed that is down is still in the edition
    expect(guids(edition)).toEqual(['d-1', 'w-1']);
    // the feed's line says what failed and that its copy was used, from when
    expect(next.run.stderr).toContain(`note: feed "down" (Down): ${error}; used its copy from 2026-11-23 07:00 UTC, 1 item\n`);
    // still a failed feed: digest.json, the summary, the feed health
    expect(edition.feeds.find((f) => f.id === 'down')).toMatchObject({ status: 'error', error, items: 1, usedCopy: '2026-11-23T07:00:00.000Z' });
    expect(next.run.stdout).toMatch(/1\/2 feeds ok/);
    expect(ws.health()).toMatchObject({ lastStatus: 'error', consecutiveFailures: 1 });
    // and the report says it next to the feed
    const row = parseHTML(next.read('report.html')).document.querySelector('table.health tr[data-feed="down"]')!;
    expect(row.textContent).toContain(`${error}; used its copy from 2026-11-23 07:00 UTC`);
  });

  it('connection refused: the copy is used', async () => {
    const gone = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(DOWN));
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', () => r()));
    const ws = workspace(`http://127.0.0.1:${(gone.address() as { port: number }).port}/feed.xml`);
    expect((await ws.build(FIRST)).run.code).toBe(0);
    await new Promise<void>((r) => gone.close(() => r()));
    const next = await ws.build(NEXT);
    expect(next.run.code, next.run.stderr).toBe(0);
    expect(guids(next.edition!)).toEqual(['d-1', 'w-1']);
    expect(next.run.stderr).toContain('note: feed "down" (Down): connection refused; used its copy from 2026-11-23 07:00 UTC, 1 item\n');
  });

  it('a body that no longer reads as a feed: the copy is used, and kept for the next build', async () => {
    const url = '/down-html.xml';
    answers.set(url, 'feed');
    const ws = workspace(base + url);
    expect((await ws.build(FIRST)).run.code).toBe(0);
    answers.set(url, 'html');
    for (const now of [NEXT, '2026-11-25T07:00:00Z']) {
      // the second time too: the page that is not a feed did not take the copy's place in the cache, in the build
      // before or in the `digest feeds check` between them
      if (now !== NEXT) expect((await runCli(['feeds', 'check', '--config', ws.config], { cwd: ws.dir })).code).toBe(1);
      const next = await ws.build(now);
      expect(next.run.code, next.run.stderr).toBe(0);
      expect(guids(next.edition!)).toEqual(['d-1', 'w-1']);
      expect(next.run.stderr).toMatch(/feed "down" \(Down\): not a feed[^\n]*; used its copy from 2026-11-23 07:00 UTC, 1 item\n/);
      expect(next.edition!.feeds.find((f) => f.id === 'down')).toMatchObject({ status: 'error', usedCopy: '2026-11-23T07:00:00.000Z' });
    }
    expect(ws.health().consecutiveFailures).toBe(3); // two builds and the check
  });

  it.each([404, 410] as const)('HTTP %s: the copy is used, and the line says the feed is gone', async (status) => {
    const url = `/down-${status}.xml`;
    answers.set(url, 'feed');
    const ws = workspace(base + url);
    expect((await ws.build(FIRST)).run.code).toBe(0);
    answers.set(url, status);
    const next = await ws.build(NEXT);
    expect(next.run.code, next.run.stderr).toBe(0);
    expect(guids(next.edition!)).toEqual(['d-1', 'w-1']);
    const line = next.run.stderr.split('\n').find((l) => l.includes('feed "down"'))!;
    expect(line).toMatch(new RegExp(`^note: feed "down" \\(Down\\): HTTP ${status}\\b.*gone.*; used its copy from 2026-11-23 07:00 UTC, 1 item$`, 'i'));
    expect(next.edition!.feeds.find((f) => f.id === 'down')).toMatchObject({ status: 'error', usedCopy: '2026-11-23T07:00:00.000Z', gone: true });
  });

  it('a copy older than the window gives nothing: its items are outside the window', async () => {
    const url = '/down-old.xml';
    answers.set(url, 'feed');
    const ws = workspace(base + url);
    expect((await ws.build(FIRST)).run.code).toBe(0);
    answers.set(url, 503);
    const late = await ws.build('2026-12-03T07:00:00Z');
    expect(late.run.code, late.run.stderr).toBe(0);
    expect(late.edition!.excluded.find((e) => e.guid === 'd-1')?.reason).toBe('outside-window');
    expect(late.run.stderr).toContain('note: feed "down" (Down): HTTP 503; used its copy from 2026-11-23 07:00 UTC, 1 item\n');
  });
});

describe('a feed that fails with no copy', () => {
  it('is missing from the edition, as before, and its line names no copy', async () => {
    const url = '/down-never.xml';
    answers.set(url, 503);
    const ws = workspace(base + url);
    const first = await ws.build(FIRST);
    expect(first.run.code, first.run.stderr).toBe(0);
    expect(guids(first.edition!)).toEqual(['w-1']);
    expect(first.run.stderr).toContain('note: feed "down" (Down): HTTP 503\n');
    expect(first.edition!.feeds.find((f) => f.id === 'down')).not.toHaveProperty('usedCopy');
  });
});

describe('digest feeds check of a failing feed', () => {
  const check = (ws: ReturnType<typeof workspace>, now: string, json = false) =>
    runCli(['feeds', 'check', '--config', ws.config, '--now', now, ...(json ? ['--json'] : [])], { cwd: ws.dir });
  const downRow = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('down '))!;

  it('says that build reads its last good copy, how old it is and what of it falls in the window', async () => {
    const url = '/down-check.xml';
    answers.set(url, 'feed');
    const ws = workspace(base + url);
    expect((await ws.build(FIRST)).run.code).toBe(0);
    for (const answer of [503, 'html'] as const) {
      answers.set(url, answer);
      const r = await check(ws, NEXT);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('digest: 1 of 2 feeds are failing\n');
      expect(downRow(r.stdout)).toMatch(/^down\s+error: [^;]+; build reads its last good copy, from 2026-11-23 07:00 UTC \(1 day old\): 1 item, all in the window\s/);
    }
    // its items older than the window: build reads it and finds nothing of this edition
    answers.set(url, 503);
    const late = await check(ws, '2026-12-03T07:00:00Z');
    expect(downRow(late.stdout)).toMatch(/^down\s+error: HTTP 503; build reads its last good copy, from 2026-11-23 07:00 UTC \(10 days old\): 1 item, none in the window \(7d\)\s/);
    const json = JSON.parse((await check(ws, '2026-11-23T09:30:00Z', true)).stdout) as { id: string; lastCopy?: unknown }[];
    expect(json.find((f) => f.id === 'down')!.lastCopy).toEqual({ fetchedAt: '2026-11-23T07:00:00.000Z', items: 1, inWindow: 1 });
    expect(json.find((f) => f.id === 'wire')).not.toHaveProperty('lastCopy');
    // what build then does agrees
    const next = await ws.build(NEXT);
    expect(next.run.stderr).toContain('feed "down" (Down): HTTP 503; used its copy from 2026-11-23 07:00 UTC, 1 item\n');
  });

  it('with no copy, names none', async () => {
    const url = '/down-check-never.xml';
    answers.set(url, 503);
    const ws = workspace(base + url);
    const r = await check(ws, NEXT);
    expect(r.code).toBe(1);
    expect(downRow(r.stdout)).toMatch(/^down\s+error: HTTP 503\s+503\s/);
    const json = JSON.parse((await check(ws, NEXT, true)).stdout) as { id: string }[];
    expect(json.find((f) => f.id === 'down')).not.toHaveProperty('lastCopy');
  });
});
