// A feed whose https address redirects, for good, to plain http (a site whose TLS lapsed, a CDN set up wrong) was
// followed without a word, and `digest feeds check` and the build advised setting the http address as its url: the
// feed, and every link and text in it, came unencrypted, for anyone on the path to change. It is still read (refusing
// would lose a feed whose site dropped https), but its line says it was read over plain http and to keep the https
// url, and `digest feeds add` writes the https address it was given. The https server here is real, on 127.0.0.1,
// with a throwaway certificate the CLI trusts through Node's NODE_EXTRA_CA_CERTS (test/fetch/fixtures).
import { createServer, type Server } from 'node:http';
import https from 'node:https';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { rssItem, rssOf } from '../helpers/served-feeds.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fetch/fixtures');
const CERT = path.join(FIXTURES, 'test-cert.pem');
const env = { NODE_EXTRA_CA_CERTS: CERT };
const FEED = rssOf('Wire', rssItem(1, 'Missiles strike Kyiv', 'Missiles struck Kyiv on Friday.'));

let plain: Server;
let secure: https.Server;
let httpBase = '';
let httpsBase = '';

beforeAll(async () => {
  plain = createServer((req, res) => {
    if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  httpBase = `http://127.0.0.1:${(plain.address() as { port: number }).port}`;
  secure = https.createServer({ cert: readFileSync(CERT), key: readFileSync(path.join(FIXTURES, 'test-key.pem')) }, (req, res) => {
    if (req.url === '/down.xml') res.writeHead(301, { location: `${httpBase}/feed.xml` }).end();
    else if (req.url === '/moved.xml') res.writeHead(301, { location: '/feed.xml' }).end();
    else if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => secure.listen(0, '127.0.0.1', r));
  httpsBase = `https://127.0.0.1:${(secure.address() as { port: number }).port}`;
});
afterAll(async () => {
  secure.closeAllConnections();
  await new Promise<void>((r) => secure.close(() => r()));
  await new Promise<void>((r) => plain.close(() => r()));
});

function config(feeds: [string, string][]): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-downgrade-'));
  const file = path.join(dir, 'digest.config.yaml');
  const lines = feeds.flatMap(([name, url]) => [`  - name: ${name}`, `    url: ${url}`]);
  writeFileSync(file, ['title: Downgrade Watch', 'timezone: UTC', 'feeds:', ...lines, 'themes:', '  - { id: arms, title: Arms, keywords: [missiles] }', 'fetch:', '  allowPrivateNetworks: true', '  retries: 0', ''].join('\n'));
  return { dir, file };
}

describe('an https feed that redirects to plain http', () => {
  it('is read, and feeds check and the build say it was read unencrypted instead of advising the http address', async () => {
    const { dir, file } = config([
      ['down', `${httpsBase}/down.xml`],
      ['moved', `${httpsBase}/moved.xml`],
    ]);
    const check = await runCli(['feeds', 'check', '--config', file], { cwd: dir, env });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^down\s+ok \(its https url redirects to plain http \(http:\/\/127\.0\.0\.1:\d+\/feed\.xml\): read unencrypted; keep the https url\)\s+200\s+1\s/m);
    // an https feed moved within https is still a move to write down
    expect(check.stdout).toMatch(/^moved\s+ok \(moved permanently to https:\/\/127\.0\.0\.1:\d+\/feed\.xml: set that as its url\)/m);

    const out = path.join(dir, 'out');
    const build = await runCli(['build', '--config', file, '--now', '2026-11-23T07:00:00Z', '--out', out], { cwd: dir, env });
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toContain(`note: feed "down": ok (its https url redirects to plain http (${httpBase}/feed.xml): read unencrypted; keep the https url), 1 item`);
    const edition = JSON.parse(readFileSync(path.join(out, readdirSync(out)[0], 'digest.json'), 'utf8')) as Edition;
    expect(edition.feeds.find((f) => f.id === 'down')).toMatchObject({ status: 'ok', downgradedTo: `${httpBase}/feed.xml` });
    expect(edition.feeds.find((f) => f.id === 'down')!.movedTo).toBeUndefined();
  }, 120_000);

  it('is added by digest feeds add under the https address it was given', async () => {
    const { dir, file } = config([['other', `${httpsBase}/feed.xml`]]);
    const add = await runCli(['feeds', 'add', `${httpsBase}/down.xml`, '--name', 'Down', '--config', file], { cwd: dir, env });
    expect(add.code, add.stderr).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(written).toContain(`url: ${httpsBase}/down.xml`);
    expect(written).not.toContain(`${httpBase}/feed.xml`);
  }, 120_000);
});
