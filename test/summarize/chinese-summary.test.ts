// A story told in Chinese alone (no spaces, no Latin letters) gets a summary from its text, as an English one of
// the same shape does: its words of two characters (泽连斯基 aside, 会见, 美国, 特使, 停火 …) are words to read,
// not too short to count. Built by `digest build`; read in digest.json, the email and its plain-text part. Text invented.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';

const STORIES = [
  { key: 'zh', title: '泽连斯基会见美国特使', lead: '泽连斯基周二在基辅会见美国特使。', rest: '双方讨论了停火问题和安全保障。' },
  { key: 'zh-hant', title: '歐盟通過新一輪對俄制裁', lead: '歐盟理事會週三通過新一輪對俄制裁措施。', rest: '匈牙利最終沒有反對。' },
  { key: 'en', title: 'Zelensky meets US envoy', lead: 'Zelensky met the US envoy in Kyiv on Tuesday.', rest: 'The two sides discussed a ceasefire.' },
];

describe('a story written only in Chinese characters', () => {
  it('is summed up from its text, like an English story of the same shape', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-zh-summary-'));
    const items = STORIES.map(
      (s, i) => `<item><title>${s.title}</title><link>https://zh.test.example/${s.key}</link><guid>${s.key}</guid>
<pubDate>${new Date(Date.UTC(2026, 10, 18 + i, 10)).toUTCString()}</pubDate><description>${s.lead}${s.key === 'en' ? ' ' : ''}${s.rest}</description></item>`,
    );
    writeFileSync(path.join(dir, 'feed.xml'), `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><link>https://zh.test.example/</link>${items.join('')}</channel></rss>`);
    writeFileSync(path.join(dir, 'digest.config.yaml'), 'title: Asia Watch\ntimezone: UTC\nfeeds:\n  - name: Wire\n    path: feed.xml\nthemes:\n  - id: news\n    title: News\n    keywords: [nothing-matches-this]\n');
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const read = (f: string) => readFileSync(path.join(out, '2026-11-23', f), 'utf8');
    const edition = JSON.parse(read('digest.json')) as Edition;
    const html = read('digest.html');
    const text = read('digest.txt');
    for (const s of STORIES) {
      const story = edition.sections.flatMap((x) => x.stories).find((x) => x.title === s.title);
      expect(story, `the ${s.key} story`).toBeDefined();
      expect(story!.summary, `the ${s.key} summary`).toContain(s.lead);
      expect(html).toContain(s.lead);
      // the plain-text part wraps long lines: the lead's first characters, at least, are there
      expect(text).toContain(s.lead.slice(0, 8));
    }
  }, 120_000);
});

// A Chinese standfirst without its full stop, and a story told only in Chinese headlines (each outlet's headline as a
// sentence), are given 。 as their stop, as Chinese ends a sentence, instead of a Latin "." ("影子船队." / "援助. 中国…").
const HEADLINES = ['中国政府宣布向乌克兰提供新的人道主义援助', '中国外交部称将向乌克兰运送发电机和医疗物资', '北京承诺向乌克兰提供价值一亿元的冬季人道主义援助'];
const STANDFIRST = { title: '欧盟通过第二十轮对俄制裁', text: '欧盟理事会周三通过第二十轮对俄制裁措施，新措施针对俄罗斯的液化天然气出口和影子船队' };

describe('a Chinese sentence the feed gave no full stop', () => {
  it('ends in 。 in the summary', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-zh-stop-'));
    const feeds = HEADLINES.map((title, i) => {
      const standfirst = i === 0 ? `<item><title>${STANDFIRST.title}</title><link>https://f0.test.example/b</link><guid>b</guid><pubDate>Wed, 18 Nov 2026 09:00:00 GMT</pubDate><description>${STANDFIRST.text}</description></item>` : '';
      writeFileSync(
        path.join(dir, `f${i}.xml`),
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>F${i}</title><link>https://f${i}.test.example/</link><item><title>${title}</title><link>https://f${i}.test.example/a</link><guid>a${i}</guid><pubDate>Wed, 18 Nov 2026 1${i}:00:00 GMT</pubDate></item>${standfirst}</channel></rss>`,
      );
      return `  - name: 新闻${i}\n    path: f${i}.xml\n`;
    });
    writeFileSync(path.join(dir, 'digest.config.yaml'), `title: Asia Watch\ntimezone: UTC\nfeeds:\n${feeds.join('')}themes:\n  - id: news\n    title: News\n    keywords: [nothing-matches-this]\n`);
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const edition = JSON.parse(readFileSync(path.join(out, '2026-11-23', 'digest.json'), 'utf8')) as Edition;
    const stories = edition.sections.flatMap((x) => x.stories);
    const standfirst = stories.find((x) => x.title === STANDFIRST.title)!;
    expect(standfirst.summary).toBe(`${STANDFIRST.text}。`);
    // the headlines' story: another outlet's headline says what the title does not
    const told = stories.find((x) => x.sources.length > 1);
    expect(told, 'the story told by two outlets').toBeDefined();
    expect(told!.summary).toMatch(/^\p{scx=Han}[^.]*。$/u);
  }, 120_000);
});

