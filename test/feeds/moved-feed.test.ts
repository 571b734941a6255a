// A feed whose URL answers with a permanent redirect (301, 308) is read at its new address, and the operator is told
// to put that address in the config: in digest.json, the build's note, the report and `digest feeds check`. A
// temporary redirect (302, 307) moves nothing; one after the permanent hops leaves the address they led to.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { rssItem, rssOf } from '../helpers/served-feeds.js';

const FEED = rssOf('Wire', rssItem(1, 'Missiles strike Kyiv', 'Missiles struck Kyiv on Friday.'));
const REDIRECTS: Record<string, [number, string]> = {
  '/old.xml': [301, '/new.xml'],
  '/plain.xml': [308, '/new.xml'],
  '/mirror.xml': [302, '/new.xml'],
  '/chain.xml': [301, '/middle.xml'],
  '/middle.xml': [307, '/new.xml'],
};

let server: Server;
let base = '';
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-moved-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    const hop = REDIRECTS[req.url ?? ''];
    if (hop) res.writeHead(hop[0], { location: hop[1] }).end();
    else if (req.url === '/new.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function config(name: string): string {
  const file = path.join(dir, `${name}.yaml`);
  const feeds = ['old', 'plain', 'mirror', 'chain'].flatMap((id) => [`  - name: ${id}`, `    url: ${base}/${id}.xml`]);
  writeFileSync(
    file,
    ['title: Moved Watch', 'timezone: UTC', 'feeds:', ...feeds, 'themes:', '  - id: arms', '    title: Arms', '    keywords: [missiles]', `state: state-${name}`, 'fetch:', '  allowPrivateNetworks: true', '  retries: 0', ''].join('\n'),
  );
  return file;
}

describe('a feed whose URL redirects permanently', () => {
  it('is read, and the build names its new address in digest.json, a note and the report', async () => {
    const out = path.join(dir, 'out');
    const run = await runCli(['build', '--config', config('build'), '--now', '2026-11-23T07:00:00Z', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const folder = path.join(out, readdirSync(out)[0]);
    const edition = JSON.parse(readFileSync(path.join(folder, 'digest.json'), 'utf8')) as Edition;
    expect(edition.feeds.map((f) => [f.id, f.status, f.movedTo])).toEqual([
      ['old', 'ok', `${base}/new.xml`],
      ['plain', 'ok', `${base}/new.xml`],
      ['mirror', 'ok', undefined],
      ['chain', 'ok', `${base}/middle.xml`],
    ]);
    expect(run.stderr.split('\n')).toContain(`note: feed "old": ok (moved permanently to ${base}/new.xml: set that as its url), 1 item`);
    expect(run.stderr).not.toContain('"mirror"');
    // the report's text, without the break opportunities (<wbr>) it gives a long address
    const report = readFileSync(path.join(folder, 'report.html'), 'utf8');
    expect(report.replace(/<wbr>/g, '').split('\n').find((l) => l.includes('data-feed="plain"'))).toContain(`moved permanently to ${base}/new.xml`);
  });

  it('is ok in `digest feeds check`, with its new address in the status', async () => {
    const check = await runCli(['feeds', 'check', '--config', config('check')]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(new RegExp(`^old\\s+ok \\(moved permanently to ${base.replace(/\./g, '\\.')}/new\\.xml: set that as its url\\)\\s+200\\s+1\\s`, 'm'));
    expect(check.stdout).toMatch(/^mirror\s+ok\s+200\s+1\s/m);
  });
});
