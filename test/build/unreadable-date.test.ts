// An item whose date cannot be read is kept as an undated item: placed by when Roundup first saw it (kept across
// runs, so it is not new again next week), shown without a date, and the reason is in the feed's notes and the report.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Kyiv opens new heating points ahead of winter</title><link>https://wire.example/1</link><guid>w-1</guid>
<pubDate>Sun, 22 Nov 2026 09:00:00 GMT</pubDate><description>Kyiv opened two hundred heating points across the city ahead of winter blackouts.</description></item>
<item><title>Odesa turns its schools into heating shelters</title><link>https://wire.example/2</link><guid>w-2</guid>
<pubDate>Mardi 32 Foo</pubDate><description>Odesa will open its schools as heating shelters for residents left without power this winter.</description></item>
</channel></rss>`;

let server: Server;
const dir = mkdtempSync(path.join(tmpdir(), 'roundup-unreadable-date-'));
const config = path.join(dir, 'digest.config.yaml');

beforeAll(async () => {
  server = createServer((req, res) => (req.url === '/wire.xml' ? res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED) : res.writeHead(404).end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  writeFileSync(
    config,
    `title: Heating Watch\ntimezone: UTC\nwindow: 7d\nfeeds:\n  - name: Wire\n    id: wire\n    url: ${base}/wire.xml\nthemes:\n  - id: home\n    title: Home\n    keywords: [heating]\n` +
      `state: state\nfetch:\n  allowPrivateNetworks: true\n  retries: 0\n  timeout: 5\n`,
  );
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function build(now: string) {
  const out = path.join(dir, `out-${now.slice(0, 10)}`);
  const run = await runCli(['build', '--config', config, '--now', now, '--out', out], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  const read = (f: string) => readFileSync(path.join(out, readdirSync(out)[0], f), 'utf8');
  return { run, edition: JSON.parse(read('digest.json')) as Edition, read };
}

describe('an item whose date cannot be read', () => {
  it('is kept, placed by when it was first seen, and the reason is in the feed line, digest.json and the report', async () => {
    const { run, edition, read } = await build('2026-11-23T07:00:00Z');
    const items = edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items));
    expect(items.map((i) => i.guid).sort()).toEqual(['w-1', 'w-2']);
    expect(items.find((i) => i.guid === 'w-2')).toMatchObject({ published: '', firstSeen: '2026-11-23T07:00:00.000Z' });
    expect(edition.excluded).toEqual([]);
    expect(edition.feeds[0]).toMatchObject({ status: 'ok', unreadableDates: [{ guid: 'w-2', reason: 'date "Mardi 32 Foo" is not a valid date' }] });
    expect(run.stderr).toContain('note: feed "wire": ok (1 item with a date that cannot be read, placed by when first seen), 2 items\n');
    const report = parseHTML(read('report.html')).document;
    const row = [...report.querySelectorAll('#rows tr')].find((tr) => tr.textContent!.includes('w-2'))!;
    expect(row.textContent).toContain('date "Mardi 32 Foo" is not a valid date; placed by when first seen 2026-11-23 07:00');
    expect(report.querySelector('table.health tr[data-feed="wire"]')!.textContent).toContain('1 item with a date that cannot be read, placed by when first seen');
  });

  it('keeps its first-seen date: a week later it is old news, not new again', async () => {
    const { edition } = await build('2026-11-30T08:00:00Z');
    const cut = edition.excluded.find((e) => e.guid === 'w-2')!;
    expect(cut.reason).toBe('outside-window');
    expect(cut.detail).toMatch(/^undated, first seen 2026-11-23T07:00:00.000Z, window /);
  });
});
