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
  const items = ITEMS.map(
    (it, i) => `<item><title>${it.title}</title><link>https://lang.test.example/${it.key}</link><guid>${it.key}</guid>
<pubDate>${new Date(Date.UTC(2026, 10, 18 + i, 10)).toUTCString()}</pubDate><description>${it.summary}</description></item>`,
  );
  const titles = await cardTitles(locale, {
    'feed.xml': `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Mixed</title><link>https://lang.test.example/</link>${items.join('')}</channel></rss>`,
  });
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

/** `digest build` of these feed files (name → content) with this locale: the story titles' elements in digest.html. */
async function cardTitles(locale: string, files: Record<string, string>): Promise<Element[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-story-lang-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  writeFileSync(
    path.join(dir, 'digest.config.yaml'),
    `title: Lang Watch
locale: ${locale}
timezone: UTC
feeds:
${Object.keys(files).map((f) => `  - name: ${f}\n    path: ${f}`).join('\n')}
themes:
  - id: news
    title: News
    keywords: [nothing-matches-this]
`,
  );
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', path.join(dir, 'digest.config.yaml'), '--now', '2026-11-23T07:00:00Z', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const { document } = parseHTML(readFileSync(path.join(out, readdirSync(out)[0], 'digest.html'), 'utf8'));
  return [...document.querySelectorAll('h3.rd-card-title')];
}

/** `digest build` of these feed files with this locale: the `lang` of the story of each title (its summary's the same). */
async function buildFeeds(locale: string, files: Record<string, string>) {
  const titles = await cardTitles(locale, files);
  return (title: string) => {
    const h3 = titles.find((t) => t.textContent!.trim() === title);
    expect(h3, `the story "${title}" in the email`).toBeDefined();
    const summary = [...h3!.parentElement!.querySelectorAll('p')].find((p) => !p.classList.contains('rd-muted') && !p.querySelector('a'))!;
    expect([summary.getAttribute('lang'), summary.getAttribute('dir')]).toEqual([h3!.getAttribute('lang'), h3!.getAttribute('dir')]);
    return h3!.getAttribute('lang');
  };
}

const date = (day: number) => new Date(Date.UTC(2026, 10, 17 + day, 10)).toUTCString();
const rss = (language: string | null, key: string, title: string, summary: string, day: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${key}</title><link>https://${key}.test.example/</link>${language ? `<language>${language}</language>` : ''}
<item><title>${title}</title><link>https://${key}.test.example/1</link><guid>${key}-1</guid><pubDate>${date(day)}</pubDate><description>${summary}</description></item></channel></rss>`;

describe('lang from the language a feed declares, for a story whose script does not tell it', () => {
  it('takes RSS language, Atom xml:lang and JSON Feed language; its script comes first; none declared, none given', async () => {
    const story = await buildFeeds('uk', {
      'english.xml': rss('en-us', 'english', 'Port of Odesa reopens its northern grain terminal after repairs', 'The northern terminal handled its first ship since the summer. Operators expect full capacity next month.', 0),
      'german.xml': `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-DE"><title>Deutsch</title><id>urn:de</id><updated>2026-11-19T10:00:00Z</updated>
<entry><title>Bundestag beschließt weitere Hilfen für den Wiederaufbau der Energienetze</title><id>urn:de:1</id><link href="https://german.test.example/1"/><updated>${new Date(Date.UTC(2026, 10, 19, 10)).toISOString()}</updated>
<summary>Der Bundestag hat weitere Mittel für die Reparatur der Stromnetze freigegeben. Die ersten Lieferungen sollen im Dezember beginnen.</summary></entry></feed>`,
      'french.json': JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Français',
        language: 'fr-FR',
        items: [{ id: 'fr-1', url: 'https://french.test.example/1', title: 'Le Parlement européen vote une nouvelle aide aux agriculteurs ukrainiens', content_text: 'Les députés ont adopté un fonds pour les semences et le carburant. Les premiers versements sont attendus au printemps.', date_published: new Date(Date.UTC(2026, 10, 20, 10)).toISOString() }],
      }),
      'unsaid.xml': rss(null, 'unsaid', 'Shipping insurers cut war-risk premiums for Black Sea voyages', 'Insurers lowered premiums after a quiet month on the corridor. Brokers expect more sailings in December.', 4),
      // says English, but this item is Ukrainian, the digest's own language: its script decides
      'mislabelled.xml': rss('en', 'mislabelled', 'Уряд схвалив нову програму відбудови шкіл у Харківській області', 'Кабінет міністрів виділив кошти на ремонт сорока шкіл. Роботи мають завершити до осені.', 5),
    });
    expect(story('Port of Odesa reopens its northern grain terminal after repairs')).toBe('en');
    expect(story('Bundestag beschließt weitere Hilfen für den Wiederaufbau der Energienetze')).toBe('de');
    expect(story('Le Parlement européen vote une nouvelle aide aux agriculteurs ukrainiens')).toBe('fr');
    expect(story('Shipping insurers cut war-risk premiums for Black Sea voyages')).toBeNull();
    expect(story('Уряд схвалив нову програму відбудови шкіл у Харківській області')).toBeNull();
  }, 120_000);

  it('takes a declared Cyrillic-script language for Cyrillic text whose letters do not tell it, and never a Latin text’s', async () => {
    const story = await buildFeeds('en', {
      // Bulgarian has no letter of its own that Russian lacks: the feed's word decides
      'bulgarian.xml': rss('bg', 'bulgarian', 'Правителството одобри нова програма за ремонт на училища в страната', 'Министерският съвет отпусна средства за ремонт на четиридесет училища. Работата трябва да приключи до есента.', 0),
      // says Russian, but the item is in Latin script: no lang
      'latin.xml': rss('ru', 'latin', 'Shipping insurers cut war-risk premiums for Black Sea voyages', 'Insurers lowered premiums after a quiet month on the corridor. Brokers expect more sailings in December.', 1),
    });
    expect(story('Правителството одобри нова програма за ремонт на училища в страната')).toBe('bg');
    expect(story('Shipping insurers cut war-risk premiums for Black Sea voyages')).toBeNull();
  }, 120_000);

  it('a declared language the digest is written in gives no lang', async () => {
    const story = await buildFeeds('en', {
      'english.xml': rss('en-GB', 'english', 'Port of Odesa reopens its northern grain terminal after repairs', 'The northern terminal handled its first ship since the summer. Operators expect full capacity next month.', 0),
    });
    expect(story('Port of Odesa reopens its northern grain terminal after repairs')).toBeNull();
  }, 120_000);
});
