// Items without a date keep the time they were first seen (stored in the state folder), so they do not come
// back as new every week; that time is never shown as their date: the email and the report show none, and
// their stories rank after dated ones.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-undated-'));
writeFileSync(
  path.join(dir, 'feed.xml'),
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Undated</title><link>https://undated.test.example/</link>
<item><title>Kyiv opens new heating points ahead of winter</title><link>https://undated.test.example/heating</link><guid>u-1</guid>
<description>Kyiv opened two hundred heating points across the city ahead of winter blackouts.</description></item>
</channel></rss>`,
);
writeFileSync(
  path.join(dir, 'dated.xml'),
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Dated</title><link>https://dated.test.example/</link>
<item><title>Lviv repairs its heating mains before the frost</title><link>https://dated.test.example/lviv</link><guid>d-1</guid>
<pubDate>Tue, 17 Nov 2026 09:00:00 +0000</pubDate>
<description>Crews in Lviv replaced four kilometres of heating mains before the first frost of the season.</description></item>
</channel></rss>`,
);
const cfg = path.join(dir, 'c.yaml');
writeFileSync(
  cfg,
  `title: Undated Watch\ntimezone: Europe/Kyiv\nwindow: 7d\nfeeds:\n  - name: Undated\n    path: feed.xml\n  - name: Dated\n    path: dated.xml\nthemes:\n  - id: home\n    title: Home\n    keywords: [heating]\nstate: state\n`,
);

async function build(now: string) {
  const out = path.join(dir, `out-${now.slice(0, 10)}`);
  const r = await runCli(['build', '--config', cfg, '--now', now, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const folder = path.join(out, now.slice(0, 10));
  const read = (f: string) => readFileSync(path.join(folder, f), 'utf8');
  return { edition: JSON.parse(read('digest.json')) as Edition, read };
}

describe('undated items', () => {
  it('are placed by when they were first seen, shown without a date, after dated stories', async () => {
    const { edition, read } = await build('2026-11-23T07:00:00+02:00');
    const stories = edition.sections[0].stories;
    // a dated story from Tuesday ranks above the undated one first seen today
    expect(stories.map((s) => s.items[0].guid)).toEqual(['d-1', 'u-1']);
    const undated = stories[1];
    expect(undated.published).toBe('');
    expect(undated.items[0]).toMatchObject({ published: '', firstSeen: '2026-11-23T05:00:00.000Z' });
    expect(stories[0].published).toBe('2026-11-17T11:00:00.000+02:00');

    // the email: the dated story has its date, the undated one none (not the build date)
    const { document } = parseHTML(read('digest.html'));
    // each card's line under its title: sources, then the date when there is one
    const meta = [...document.querySelectorAll('h3')].map((h) => h.nextElementSibling!.textContent!);
    expect(meta).toHaveLength(2);
    expect(meta[0]).toMatch(/ · Tue 17 Nov 2026$/);
    expect(meta[1]).not.toMatch(/\d{4}/);
    const text = read('digest.txt');
    expect(text).toContain('Tue 17 Nov 2026');
    expect(text).not.toContain('23 Nov 2026 ·');
    expect(text).not.toMatch(/Mon 23 Nov 2026/);

    // the report says it is undated and when it was first seen
    const report = parseHTML(read('report.html')).document;
    const row = [...report.querySelectorAll('#rows tr')].find((tr) => tr.textContent!.includes('u-1'))!;
    expect(row.textContent).toContain('undated (first seen 2026-11-23 07:00)');
  });

  it('keep their first-seen date: a week later they are old news, not new again', async () => {
    const { edition } = await build('2026-11-30T07:00:00+02:00');
    expect(edition.sections).toEqual([]);
    const cut = edition.excluded.find((e) => e.guid === 'u-1')!;
    expect(cut.reason).toBe('outside-window');
    expect(cut.detail).toMatch(/^undated, first seen 2026-11-23T05:00:00.000Z, window /);
  });
});

describe('the first-seen record on a disk that takes no more', () => {
  it('names first-seen.json, exit 1, and leaves no temp file in the state folder', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'roundup-undated-full-'));
    // more items than first-seen.json holds under the file-size limit below (it keeps some 60 bytes for an item of a headline alone)
    const items = Array.from({ length: 500 }, (_, i) => `<item><title>Kyiv heating point ${i + 1} opens</title><guid>g${i}</guid>
<description>Kyiv opened heating point ${i + 1} ahead of winter blackouts.</description></item>`);
    writeFileSync(path.join(ws, 'feed.xml'), `<?xml version="1.0"?><rss version="2.0"><channel><title>Undated</title>${items.join('\n')}</channel></rss>`);
    const config = path.join(ws, 'c.yaml');
    writeFileSync(config, `title: Undated Watch\nfeeds:\n  - name: Undated\n    path: feed.xml\nthemes:\n  - id: home\n    title: Home\n    keywords: [heating]\nstate: state\n`);
    const r = await runCli(['build', '--config', config, '--now', '2026-11-23T07:00:00Z', '--offline', '--out', path.join(ws, 'out')], { cwd: ws, fileLimitKiB: 16 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${path.join(ws, 'state', 'first-seen.json')}: cannot record when undated items were first seen: it reached this process's file-size limit`);
    expect(readdirSync(path.join(ws, 'state')).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
