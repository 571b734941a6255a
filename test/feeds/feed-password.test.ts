// A private feed's address with its login in it (https://user:password@host/feed), as FreshRSS and Miniflux users
// subscribe to one: the password is the operator's, and goes no further than the request. Relative item links were
// resolved against the address with the login in it, so the email gave every reader the password in each link; the
// address it moved to, and an error after a redirect, put it in digest.json, the report editors read and the log.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';

const LOGIN = 'Basic ' + Buffer.from('ann:s3cret-pw').toString('base64');
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Members</title>
<item><title>Missiles strike Kyiv power station</title><link>/news/1</link><guid>m1</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description>Missiles struck a power station in Kyiv, officials said.</description></item>
</channel></rss>`;

let server: Server;
let base = '';
let authed = '';
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-login-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/old.xml') return res.writeHead(301, { location: '/members.xml' }).end();
    if (req.url === '/retired.xml') return res.writeHead(301, { location: '/nowhere.xml' }).end();
    if (req.headers.authorization !== LOGIN) return res.writeHead(401, { 'www-authenticate': 'Basic realm="members"' }).end();
    if (req.url === '/members.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  base = `http://127.0.0.1:${port}`;
  authed = `http://ann:s3cret-pw@127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('a feed whose address carries a login', () => {
  it('is read, and its password is in no link of the email, in no file of the edition and in no line build prints', async () => {
    const cfg = path.join(dir, 'digest.config.yaml');
    const feeds = ['  - name: Members', `    url: ${authed}/old.xml`, '  - name: Retired', `    url: ${authed}/retired.xml`];
    writeFileSync(cfg, ['title: Login Watch', 'timezone: UTC', 'feeds:', ...feeds, 'themes:', '  - id: arms', '    title: Arms', '    keywords: [missiles]', 'fetch:', '  allowPrivateNetworks: true', '  retries: 0', ''].join('\n'));
    const out = path.join(dir, 'out');
    const run = await runCli(['build', '--config', cfg, '--now', '2026-11-23T07:00:00Z', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const folder = path.join(out, readdirSync(out)[0]);
    const edition = JSON.parse(readFileSync(path.join(folder, 'digest.json'), 'utf8')) as Edition;
    expect(edition.sections.flatMap((s) => s.stories.map((st) => st.url))).toEqual([`${base}/news/1`]);
    // the operator still learns where the feed moved, and which address failed, with the password hidden
    expect(edition.feeds.map((f) => [f.id, f.movedTo, f.error])).toEqual([
      ['members', 'http://ann:***@127.0.0.1:' + base.split(':')[2] + '/members.xml', null],
      ['retired', 'http://ann:***@127.0.0.1:' + base.split(':')[2] + '/nowhere.xml', expect.stringContaining('HTTP 404')],
    ]);
    for (const file of readdirSync(folder)) expect(readFileSync(path.join(folder, file), 'latin1'), file).not.toContain('s3cret');
    expect(run.stdout + run.stderr).not.toContain('s3cret');
  }, 120_000);

  it('that is missing or refused gets a line in `digest feeds check` that says so, not a bare HTTP 401', async () => {
    const cfg = path.join(dir, 'check.yaml');
    const feeds = ['  - name: Locked', `    url: ${base}/members.xml`, '  - name: Wrong', `    url: http://ann:guess@127.0.0.1:${base.split(':')[2]}/members.xml`];
    writeFileSync(cfg, ['title: Login Watch', 'timezone: UTC', 'feeds:', ...feeds, 'themes:', '  - id: arms', '    title: Arms', '    keywords: [missiles]', 'state: check-state', 'fetch:', '  allowPrivateNetworks: true', '  retries: 0', ''].join('\n'));
    const check = await runCli(['feeds', 'check', '--config', cfg]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^locked\s+error: HTTP 401 Unauthorized: the feed needs a login; put user:password@ before the host in its url\s+401\s/m);
    expect(check.stdout).toMatch(/^wrong\s+error: HTTP 401 Unauthorized: the server refused the login in the feed's url\s+401\s/m);
    expect(check.stdout).not.toContain('guess');
  }, 120_000);
});
