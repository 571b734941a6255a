// Feeds built to exhaust memory or time: one internal entity repeated 260,000 times (a 782 KB feed that
// used to take 1.2 GB), and a feed of thousands of items. The build runs under a 256 MB heap and every
// item stays accounted for.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

function digestWith(feedXml: string): { dir: string; cfg: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-limits-'));
  writeFileSync(path.join(dir, 'feed.xml'), feedXml);
  const cfg = path.join(dir, 'digest.config.yaml');
  writeFileSync(cfg, `title: Limits\nfeeds:\n  - name: Big\n    id: big\n    path: feed.xml\nthemes:\n  - id: arms\n    title: Arms\n    keywords: [missiles]\n`);
  return { dir, cfg };
}

const build = (dir: string, cfg: string) =>
  runCli(['build', '--config', cfg, '--now', '2026-11-23T07:00:00Z', '--offline', '--out', path.join(dir, 'out')], {
    cwd: dir,
    env: { NODE_OPTIONS: '--max-old-space-size=256' },
    timeoutMs: 120_000,
  });

describe('feeds that try to exhaust the builder', () => {
  it('an entity expansion bomb builds within a 256 MB heap', async () => {
    const value = 'x'.repeat(2000);
    const refs = '&e;'.repeat(260_000);
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY e "${value}">]>\n<rss version="2.0"><channel><title>Bomb</title><link>https://bomb.example/</link><description>d</description>
<item><title>Missiles and &e;</title><link>https://bomb.example/1</link><guid>b1</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description>${refs}</description></item>
</channel></rss>`;
    expect(xml.length).toBeGreaterThan(780_000);
    const { dir, cfg } = digestWith(xml);
    const r = await build(dir, cfg);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/heap|out of memory|internal error/i);
    const edition = JSON.parse(readFileSync(path.join(dir, 'out/2026-11-23/digest.json'), 'utf8')) as Edition;
    expect(edition.feeds[0]).toMatchObject({ status: 'ok', items: 1 });
  }, 150_000);

  it('a feed of 700 items listed oldest first: the 500 newest are read, so this week\'s items are in the edition', async () => {
    const end = Date.parse('2026-11-23T07:00:00Z');
    const items = Array.from({ length: 700 }, (_, i) => {
      const date = new Date(end - (700 - i) * 6 * 3600_000 + 3600_000).toUTCString(); // one every six hours, the last this morning
      return `<item><title>Missiles report ${i} on topic ${i * 7919}</title><link>https://old-first.example/${i}</link><guid>o${i}</guid><pubDate>${date}</pubDate><description>Item ${i} about missiles: ${i * 104729}.</description></item>`;
    }).join('\n');
    const { dir, cfg } = digestWith(`<?xml version="1.0"?><rss version="2.0"><channel><title>Archive</title><link>https://old-first.example/</link><description>d</description>\n${items}\n</channel></rss>`);
    const r = await build(dir, cfg);
    expect(r.code, r.stderr).toBe(0);
    const edition = JSON.parse(readFileSync(path.join(dir, 'out/2026-11-23/digest.json'), 'utf8')) as Edition;
    const capped = edition.excluded.filter((e) => e.reason === 'invalid').map((e) => Number(e.guid.slice(1)));
    expect(capped.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const inWindow = edition.excluded.filter((e) => e.reason !== 'outside-window' && e.reason !== 'invalid').length + edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items)).length;
    expect(inWindow).toBe(28); // the last week's items, one every six hours
  }, 150_000);

  it('a feed of 3,000 items: the first 500 are read, the rest accounted for as invalid', async () => {
    const items = Array.from(
      { length: 3000 },
      (_, i) =>
        `<item><title>Missiles report number ${i} on a different topic ${i * 7919}</title><link>https://big.example/${i}</link><guid>g${i}</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description>Item ${i} about missiles, unlike any other: ${i * 104729}.</description></item>`,
    ).join('\n');
    const { dir, cfg } = digestWith(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>https://big.example/</link><description>d</description>\n${items}\n</channel></rss>`);
    const r = await build(dir, cfg);
    expect(r.code, r.stderr).toBe(0);
    const edition = JSON.parse(readFileSync(path.join(dir, 'out/2026-11-23/digest.json'), 'utf8')) as Edition;
    const capped = edition.excluded.filter((e) => e.reason === 'invalid' && /beyond the 500 newest items/.test((e as { detail?: string }).detail ?? ''));
    expect(capped).toHaveLength(2500);
    const inStories = edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items));
    const otherwise = edition.excluded.length - capped.length;
    expect(inStories.length + otherwise).toBe(500);
  }, 150_000);
});
