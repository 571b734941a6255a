// A summary of Japanese sentences (Chinese ones alike) reads as they are written: no space after 。 before the next one
// ("発表した。支援は…", not "発表した。 支援は…"), in digest.json, the email and its plain-text part, as
// `digest build` writes them; sentences in other languages keep their space. Sample text is invented.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';

const ITEMS = [
  {
    key: 'ja',
    title: '日本政府がウクライナへの発電機の追加支援を発表',
    summary: '外務省は冬に備えて発電機を追加で送ると発表した。支援は来月届く予定で、変圧器や部品も含まれるという。政府関係者は「輸送の手順を調整している」と述べた。',
  },
  {
    key: 'en',
    title: 'Port of Odesa reopens its northern grain terminal after repairs',
    summary: 'The northern terminal handled its first ship since the summer. Operators expect full capacity next month.',
  },
];

describe('a summary of Japanese sentences', () => {
  it('has no space between its sentences; an English one keeps its spaces', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-unspaced-'));
    const items = ITEMS.map(
      (it, i) => `<item><title>${it.title}</title><link>https://asia.test.example/${it.key}</link><guid>${it.key}</guid>
<pubDate>${new Date(Date.UTC(2026, 10, 18 + i, 10)).toUTCString()}</pubDate><description>${it.summary}</description></item>`,
    );
    writeFileSync(path.join(dir, 'feed.xml'), `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Asia</title><link>https://asia.test.example/</link>${items.join('')}</channel></rss>`);
    writeFileSync(path.join(dir, 'digest.config.yaml'), 'title: Asia Watch\ntimezone: UTC\nfeeds:\n  - name: Asia\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [nothing-matches-this]\n');
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const read = (f: string) => readFileSync(path.join(out, '2026-11-23', f), 'utf8');
    const edition = JSON.parse(read('digest.json')) as Edition;
    const html = read('digest.html');
    const text = read('digest.txt');
    for (const it of ITEMS) {
      const story = edition.sections.flatMap((s) => s.stories).find((s) => s.title === it.title);
      expect(story, `the ${it.key} story`).toBeDefined();
      // the summary's sentences as the feed wrote them: its first two, at least, in a row
      const [first, second] = it.summary.match(it.key === 'en' ? /[^.]+\.(?: |$)/g : /[^。]+。/gu)!;
      expect(story!.summary, `the ${it.key} summary`).toContain(first + second.trim());
      expect(html).toContain(first + second.trim());
    }
    expect(text).not.toMatch(/[。！？] /u);
  }, 120_000);
});
