// HTML nested absurdly deep (a hostile feed: ~1 MB of nested <b>) is read in one pass, tags dropped and entities
// decoded, instead of by the HTML parser whose cost grows with the depth; HTML of an article's depth reads as before.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleanFeedItems } from '../../src/clean/index.js';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';

vi.setConfig({ testTimeout: 180_000 });

const text = (html: string) => cleanFeedItems([{ title: 'T', html }])[0].text;
const SENTENCE = 'Officials at AT&amp;T said a missile strike cut the power grid overnight &#8212; repairs will take weeks.';
const CLEAN = 'Officials at AT&T said a missile strike cut the power grid overnight — repairs will take weeks.';

let server: Server | undefined;
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

describe('deeply nested HTML', () => {
  it('an item of 140,000 nested tags in a feed comes out as clean text, beside the other items', async () => {
    const depth = 140_000;
    const deep = `${'<b>'.repeat(depth)}<script>alert("x")</script>${SENTENCE}${'</b>'.repeat(depth)}`;
    const item = (n: number, body: string) =>
      `<item><title>Missile strike ${n} cuts the grid in town ${n}</title><link>https://wire.example/${n}</link><guid>g${n}</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>`;
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>${item(1, deep)}${item(2, '<p>A budget vote on the grid repairs passed late on Friday, officials said.</p>')}</channel></rss>`;
    server = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-deep-'));
    const cfg = path.join(dir, 'digest.config.yaml');
    writeFileSync(
      cfg,
      `title: Deep Watch
timezone: UTC
feeds:
  - name: Wire
    url: http://127.0.0.1:${(server.address() as { port: number }).port}/feed.xml
themes:
  - id: arms
    title: Arms
    keywords: [missile, grid]
fetch:
  allowPrivateNetworks: true
  retries: 0
`,
    );
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--config', cfg, '--now', '2026-11-23T07:00:00Z', '--out', out], { cwd: dir, timeoutMs: 170_000 });
    expect(r.code, r.stderr).toBe(0);
    const edition = JSON.parse(readFileSync(path.join(out, readdirSync(out)[0], 'digest.json'), 'utf8')) as Edition;
    const stories = edition.sections.flatMap((s) => s.stories);
    expect(stories.find((s) => s.title === 'Missile strike 1 cuts the grid in town 1')?.summary).toBe(CLEAN);
    expect(stories.find((s) => s.title === 'Missile strike 2 cuts the grid in town 2')?.summary).toBe('A budget vote on the grid repairs passed late on Friday, officials said.');
    expect(readFileSync(path.join(out, readdirSync(out)[0], 'digest.html'), 'utf8')).not.toContain('alert');
  });

  it('reads 3,000 nested tables as lines of clean text, and an article of ordinary depth as before', () => {
    const tables = `${'<table><tr><td>'.repeat(1000)}<style>p{}</style>${SENTENCE}${'</td></tr></table>'.repeat(1000)}<p>Second paragraph.</p>`;
    expect(text(tables)).toBe(`${CLEAN}\n\nSecond paragraph.`);
    const list = `${'<ul><li>'.repeat(40)}${SENTENCE}${'</li></ul>'.repeat(40)}`;
    expect(text(list)).toBe(`${'• '.repeat(40)}${CLEAN}`);
  });

  it('counts a tag left open inside another tag, as an HTML parser opens it', () => {
    // "<b <!-- …" opens a <b> whose attributes run on to the next ">": 3,000 of them nest 3,000 deep
    const lines = text(Array.from({ length: 3000 }, (_, i) => `<p>Kyiv &amp; Lviv ${i} <b <!-- `).join('')).split('\n\n');
    expect(lines).toHaveLength(3000);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^Kyiv & Lviv ${i}\\b[^<>]*$`)));
  });
});
