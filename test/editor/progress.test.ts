// `digest build` progress: on a terminal a slow fetch shows a ticking "fetching N feeds…" line; without a
// terminal stderr stays empty. The terminal is a real pty from util-linux `script`.
import { execFile, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { MISSILES_TITLE, NOW, makeWorkspace, type Workspace } from './workspace.js';

const SLOW_MS = 2600;
const hasScript = spawnSync('script', ['--version']).status === 0;
let server: Server;
let ws: Workspace;
let config: string;

beforeAll(async () => {
  ws = makeWorkspace();
  server = createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title><link>http://slow.test/</link>
<item><guid>s-1</guid><title>${MISSILES_TITLE}</title><link>http://slow.test/1</link>
<pubDate>Fri, 20 Nov 2026 09:00:00 GMT</pubDate><description>Ukraine got long-range missiles, officials in Kyiv said.</description></item>
</channel></rss>`);
    }, SLOW_MS);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  config = path.join(ws.dir, 'slow.config.yaml');
  writeFileSync(
    config,
    `title: Slow Watch
timezone: UTC
scope:
  include: [Ukraine]
feeds:
  - name: Slow Feed
    id: slow
    url: http://127.0.0.1:${port}/feed.xml
themes:
  - id: arms
    title: Arms
    description: Weapons.
    keywords: [missile]
email:
  from: "Slow Watch <digest@slow.test>"
  subject: "{title}"
  baseUrl: https://slow.test
state: state
fetch:
  allowPrivateNetworks: true
`,
  );
});

afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()));
  ws?.remove();
});

describe('build progress', () => {
  it('stays quiet when stderr is not a terminal', async () => {
    const r = await runCli(['build', '--config', config, '--now', NOW, '--out', ws.outDir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it.skipIf(!hasScript)('shows a ticking fetch line on a terminal while a slow feed loads', async () => {
    const cmd = [process.execPath, BIN, 'build', '--config', config, '--now', NOW, '--out', ws.outDir].map((a) => `'${a}'`).join(' ');
    const out = await new Promise<string>((resolve, reject) =>
      execFile('script', ['-qfec', cmd, '/dev/null'], { timeout: 60_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
    );
    expect(out).toMatch(/fetching feeds: 0\/1… [12] s/);
    expect(out).toContain('Slow Watch · edition');
  });
});
