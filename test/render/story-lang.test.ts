// A story in another language than the digest's carries `lang` (and `dir="rtl"` when its script is written right to
// left) on its title and summary in the email `digest build` renders, so a screen reader reads it with a voice that
// knows its words; a story in the digest's own language, or whose script names no language, carries none.
// Sample text is invented.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ITEMS = [
  {
    key: 'uk',
    title: 'Уряд схвалив нову програму відбудови шкіл у Харківській області',
    summary: 'Кабінет міністрів виділив кошти на ремонт сорока шкіл. Роботи мають завершити до осені.',
  },
  {
    key: 'ja',
    title: '日本政府がウクライナへの発電機の追加支援を発表',
    summary: '外務省は冬に備えて発電機を追加で送ると発表した。支援は来月届く予定だ。',
  },
  {
    key: 'ar',
    title: 'وزراء الخارجية يجتمعون في القاهرة لبحث وقف إطلاق النار',
    summary: 'اجتمع وزراء الخارجية العرب لبحث خطة جديدة لوقف إطلاق النار. وسيعقد اجتماع آخر الأسبوع المقبل.',
  },
  {
    key: 'en',
    title: 'Port of Odesa reopens its northern grain terminal after repairs',
    summary: 'The northern terminal handled its first ship since the summer. Operators expect full capacity next month.',
  },
];

/** `digest build` of the four stories with this locale: each story's title and summary elements in digest.html. */
async function build(locale: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-story-lang-'));
  const items = ITEMS.map(
    (it, i) => `<item><title>${it.title}</title><link>https://lang.test.example/${it.key}</link><guid>${it.key}</guid>
<pubDate>${new Date(Date.UTC(2026, 10, 18 + i, 10)).toUTCString()}</pubDate><description>${it.summary}</description></item>`,
  );
  writeFileSync(path.join(dir, 'feed.xml'), `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Mixed</title><link>https://lang.test.example/</link>${items.join('')}</channel></rss>`);
  writeFileSync(
    path.join(dir, 'digest.config.yaml'),
    `title: Lang Watch
locale: ${locale}
timezone: UTC
feeds:
  - name: Mixed
    path: feed.xml
themes:
  - id: news
    title: News
    keywords: [nothing-matches-this]
`,
  );
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const html = readFileSync(path.join(out, readdirSync(out)[0], 'digest.html'), 'utf8');
  const { document } = parseHTML(html);
  const titles = [...document.querySelectorAll('h3.rd-card-title')];
  return (key: string) => {
    const it = ITEMS.find((x) => x.key === key)!;
    const h3 = titles.find((t) => t.textContent!.trim() === it.title);
    expect(h3, `the story "${it.title}" in the email`).toBeDefined();
    // the summary: the card's paragraph that is neither its sources line nor its "Read more" link
    const summary = [...h3!.parentElement!.querySelectorAll('p')].find((p) => !p.classList.contains('rd-muted') && !p.querySelector('a'));
    expect(summary?.textContent!.slice(0, 5), it.title).toBe(it.summary.slice(0, 5));
    expect(summary, `the summary of "${it.title}"`).toBeDefined();
    const attrs = (el: Element) => ({ lang: el.getAttribute('lang'), dir: el.getAttribute('dir') });
    return { title: attrs(h3!), summary: attrs(summary!) };
  };
}

describe('lang of stories in another language', () => {
  it('in an English digest: Ukrainian, Japanese and Arabic stories say their language, Arabic right to left', async () => {
    const story = await build('en');
    expect(story('uk')).toEqual({ title: { lang: 'uk', dir: 'auto' }, summary: { lang: 'uk', dir: 'auto' } });
    expect(story('ja')).toEqual({ title: { lang: 'ja', dir: 'auto' }, summary: { lang: 'ja', dir: 'auto' } });
    expect(story('ar')).toEqual({ title: { lang: 'ar', dir: 'rtl' }, summary: { lang: 'ar', dir: 'rtl' } });
    expect(story('en')).toEqual({ title: { lang: null, dir: 'auto' }, summary: { lang: null, dir: 'auto' } });
  }, 120_000);

  it('in a Ukrainian digest: the Ukrainian story takes the page’s language; a Latin-script one, whose script names no language, too', async () => {
    const story = await build('uk');
    expect(story('uk')).toEqual({ title: { lang: null, dir: 'auto' }, summary: { lang: null, dir: 'auto' } });
    expect(story('ar')).toEqual({ title: { lang: 'ar', dir: 'rtl' }, summary: { lang: 'ar', dir: 'rtl' } });
    expect(story('en')).toEqual({ title: { lang: null, dir: 'auto' }, summary: { lang: null, dir: 'auto' } });
  }, 120_000);
});
