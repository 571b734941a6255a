// A feed whose XML had to be repaired before it could be read is still ok, and its status says what was repaired:
// in digest.json, the build's note, the report and `digest feeds check`. A feed that needed nothing stays plain `ok`.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { rssItem, rssOf } from '../helpers/served-feeds.js';

// a bare "&" in one title, a <b> never closed in another: not XML, but plainly meant
const BROKEN = rssOf(
  'Wire',
  `<item><title>Missiles & drones reach Kyiv</title><link>https://wire.example/1</link><guid>w1</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description>Missiles and drones reached Kyiv on Friday.</description></item>` +
    `<item><title>Tank brigade <b>trains in Poland</title><link>https://wire.example/2</link><guid>w2</guid><pubDate>Fri, 20 Nov 2026 11:00:00 GMT</pubDate><description>A tank brigade began training in Poland.</description></item>`,
);
const CLEAN = rssOf('Brief', rssItem(1, 'Grain ships leave Odesa &amp; Izmail', 'Three grain ships left Odesa on Friday.'));

let server: Server;
let base = '';
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-repaired-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = req.url === '/wire.xml' ? BROKEN : req.url === '/brief.xml' ? CLEAN : null;
    if (body === null) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function config(name: string): string {
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    ['title: Repaired Watch', 'timezone: UTC', 'feeds:', '  - name: Wire', `    url: ${base}/wire.xml`, '  - name: Brief', `    url: ${base}/brief.xml`,
      'themes:', '  - id: arms', '    title: Arms', '    keywords: [missiles, tank, grain]', `state: state-${name}`, 'fetch:', '  allowPrivateNetworks: true', '  retries: 0', ''].join('\n'),
  );
  return file;
}

describe('a feed read after its XML was repaired', () => {
  it('is ok in the build, with what was repaired in digest.json, the note and the report', async () => {
    const out = path.join(dir, 'out');
    const run = await runCli(['build', '--config', config('build'), '--now', '2026-11-23T07:00:00Z', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const folder = path.join(out, readdirSync(out)[0]);
    const edition = JSON.parse(readFileSync(path.join(folder, 'digest.json'), 'utf8')) as Edition;
    expect(edition.feeds.map((f) => [f.id, f.status, f.repaired])).toEqual([
      ['wire', 'ok', ['unescaped "&"', 'unclosed <b>']],
      ['brief', 'ok', undefined],
    ]);
    expect(run.stdout).toMatch(/; 2\/2 feeds ok\)/);
    expect(run.stderr).toBe('note: feed "wire": ok (repaired: unescaped "&", unclosed <b>), 2 items\n');
    const report = readFileSync(path.join(folder, 'report.html'), 'utf8');
    const row = (id: string) => report.split('\n').find((l) => l.includes(`data-feed="${id}"`)) ?? '';
    expect(row('wire')).toContain('ok</span> <span class="small">(repaired: unescaped &quot;&amp;&quot;, unclosed &lt;b&gt;)</span>');
    expect(row('brief')).not.toContain('repaired');
  });

  it('is ok in `digest feeds check`, with what was repaired in its status', async () => {
    const cfg = config('check');
    const check = await runCli(['feeds', 'check', '--config', cfg]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^wire\s+ok \(repaired: unescaped "&", unclosed <b>\)\s+200\s+2\s/m);
    expect(check.stdout).toMatch(/^brief\s+ok\s+200\s+1\s/m);
    const rows = JSON.parse((await runCli(['feeds', 'check', '--config', cfg, '--json'])).stdout) as { id: string; status: string; repaired: string[] }[];
    expect(rows.map((r) => [r.id, r.status, r.repaired])).toEqual([
      ['wire', 'ok', ['unescaped "&"', 'unclosed <b>']],
      ['brief', 'ok', []],
    ]);
  });
});
