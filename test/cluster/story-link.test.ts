// A story keeps a link when one of its items has one: a feed may give an item none (RSS allows it), and when that
// item is the story's face, the story's link comes from another of its items. Through the CLI, feeds over HTTP.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';

vi.setConfig({ testTimeout: 180_000 });

let server: Server | undefined;
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

const rss = (name: string, items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>https://${name}.example/</link>${items}</channel></rss>`;
const BODY = 'A missile strike on the Lviv power station cut electricity to 200,000 homes on Tuesday night, the regional governor Maksym Kozytskyi said.';

describe('a story whose face has no link', () => {
  it('takes its link from another item of the story', async () => {
    const feeds: Record<string, string> = {
      // the face: a headline that tells, with no <link>
      '/ledger.xml': rss('ledger', `<item><title>Missile strike on Lviv power station cuts electricity to 200,000 homes</title><guid isPermaLink="false">l1</guid><pubDate>Tue, 17 Nov 2026 22:00:00 GMT</pubDate><description>${BODY}</description></item>`),
      // the same event, headlined by a question (never the face beside a headline that tells), with a link
      '/courier.xml': rss('courier', `<item><title>Can Lviv keep the lights on after the missile strike on its power station?</title><link>https://courier.example/lviv-power-station</link><guid>c1</guid><pubDate>Tue, 17 Nov 2026 23:00:00 GMT</pubDate><description>${BODY}</description></item>`),
    };
    server = createServer((req, res) => (feeds[req.url ?? ''] ? res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feeds[req.url!]) : res.writeHead(404).end()));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-story-link-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(
      cfg,
      `title: Link Watch
timezone: UTC
feeds:
  - name: Ledger
    url: ${base}/ledger.xml
  - name: Courier
    url: ${base}/courier.xml
themes:
  - id: arms
    title: Arms
    keywords: [missile]
fetch:
  allowPrivateNetworks: true
  retries: 0
`,
    );
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--config', cfg, '--now', '2026-11-20T07:00:00Z', '--out', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const folder = path.join(out, readdirSync(out)[0]);
    const edition = JSON.parse(readFileSync(path.join(folder, 'digest.json'), 'utf8')) as Edition;
    const stories = edition.sections.flatMap((s) => s.stories);
    expect(stories).toHaveLength(1);
    expect(stories[0].title).toBe('Missile strike on Lviv power station cuts electricity to 200,000 homes');
    expect(stories[0].url).toBe('https://courier.example/lviv-power-station');
    expect(readFileSync(path.join(folder, 'digest.html'), 'utf8')).toContain('href="https://courier.example/lviv-power-station"');
    expect(readFileSync(path.join(folder, 'digest.txt'), 'utf8')).toContain('https://courier.example/lviv-power-station');
  });
});
