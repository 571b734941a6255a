// Gmail clips an HTML part over about 102 KB, and what it hides is the end: the footer with the unsubscribe link and
// the postal address, and the last sections. An edition of many sections of long stories passed that size even at one
// story a section. `digest build` now shows fewer stories (down to a section's heading and its link to the rest) until
// the HTML part as sent fits the budget, and says what it shortened. All feed text is generated.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodedSize, HTML_BUDGET_BYTES } from '../../src/render/index.js';
import type { Edition } from '../../src/types.js';
import { runCli, type CliResult } from '../helpers/cli.js';

const TOPICS = [
  'glacier', 'volcano', 'orchard', 'lighthouse', 'vineyard', 'railway', 'harbour', 'library', 'observatory', 'brewery',
  'bakery', 'stadium', 'museum', 'hospital', 'airport', 'bridge', 'forest', 'reservoir', 'theatre', 'monastery',
  'canal', 'quarry', 'windmill', 'aqueduct', 'castle', 'cathedral', 'ferry', 'tunnel', 'market', 'university',
];
const SYLLABLES = ['dra', 'ven', 'kol', 'mir', 'tas', 'pel', 'gor', 'vin', 'sul', 'bek', 'ran', 'tho', 'lem', 'quo', 'zar', 'fen', 'hal', 'nor', 'wip', 'cas'];

/** A made-up word, different for every n (up to 160,000): no two stories share one, so none are merged. */
function word(n: number): string {
  return [n, n / 20, n / 400, n / 8000].map((x) => SYLLABLES[Math.floor(x) % 20]).join('');
}
const capital = (w: string) => w[0].toUpperCase() + w.slice(1);

/** One RSS feed of `count` stories about `topic`, each with a long text in words of its own. */
function feedOf(s: number, topic: string, count: number): string {
  const items = Array.from({ length: count }, (_, j) => {
    const n = s * 10 + j;
    const w = (k: number) => word(n * 60 + k);
    const title = `${capital(w(0))} ${topic} ${w(1)} ${w(2)} ${capital(w(3))} ${w(4)}`;
    const sentence = (k: number) =>
      `${capital(w(k))} ${w(k + 1)} the ${topic} of ${capital(w(0))} ${w(k + 2)} ${w(k + 3)} ${w(k + 4)}, ${w(k + 5)} ${w(k + 6)} ${capital(w(3))} ${w(k + 7)} ${w(k + 8)} and ${w(k + 9)} ${w(k + 10)} ${w(k + 11)} ${w(k + 12)} ${w(k + 1)} ${w(k + 4)} ${w(k + 7)} ${w(k + 10)}, ${w(k + 13)} ${w(k + 14)} ${w(k + 15)} ${w(k + 16)} ${w(k + 17)}.`;
    const text = [sentence(5), sentence(20), sentence(35), sentence(40)].join(' ');
    return `<item><title>${title}</title><link>https://news${s}.example/${n}</link><guid>g${n}</guid><pubDate>Fri, 20 Nov 2026 ${String(j + 8).padStart(2, '0')}:00:00 GMT</pubDate><description>${text}</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ${s}</title><link>https://news${s}.example/</link>${items.join('')}</channel></rss>`;
}

/** A digest of `sections` themes of `perSection` stories each, from local feed files. */
function workspace(sections: number, perSection: number): { dir: string; config: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-clip-'));
  const topics = TOPICS.slice(0, sections);
  topics.forEach((topic, s) => writeFileSync(path.join(dir, `feed-${s}.xml`), feedOf(s, topic, perSection)));
  const config = path.join(dir, 'digest.config.yaml');
  writeFileSync(
    config,
    [
      'title: Works Watch',
      'timezone: UTC',
      'feeds:',
      ...topics.flatMap((_, s) => [`  - name: Outlet ${s}`, `    path: feed-${s}.xml`]),
      'themes:',
      ...topics.flatMap((topic, s) => [`  - id: t${s}`, `    title: The ${topic} pages`, `    keywords: [${topic}]`]),
      'other: false',
      'email:',
      '  from: "Works Watch <digest@example.org>"',
      '  baseUrl: https://digest.example.org',
      '  address: "1 Example Street, Sampletown"',
      '',
    ].join('\n'),
  );
  return { dir, config };
}

async function build(sections: number, perSection = 10): Promise<{ run: CliResult; folder: string; dir: string }> {
  const ws = workspace(sections, perSection);
  const out = path.join(ws.dir, 'out');
  const run = await runCli(['build', '--config', ws.config, '--now', '2026-11-23T07:00:00Z', '--out', out], { cwd: ws.dir, timeoutMs: 180_000 });
  expect(run.code, run.stderr).toBe(0);
  return { run, folder: path.join(out, readdirSync(out)[0]), dir: ws.dir };
}

describe('an edition of 20 sections × 10 long stories', () => {
  let built: Awaited<ReturnType<typeof build>>;
  let edition: Edition;
  let html: string;
  beforeAll(async () => {
    built = await build(20);
    edition = JSON.parse(readFileSync(path.join(built.folder, 'digest.json'), 'utf8')) as Edition;
    html = readFileSync(path.join(built.folder, 'digest.html'), 'utf8');
  }, 200_000);
  afterAll(() => rmSync(built.dir, { recursive: true, force: true }));

  it('is built whole: 200 stories in 20 sections', () => {
    expect(edition.sections.map((s) => s.stories.length)).toEqual(Array(20).fill(10));
    for (const story of edition.sections.flatMap((s) => s.stories)) expect(story.summary.length).toBeGreaterThan(300);
  });

  it('has an HTML part, as sent, under the budget, with every section heading and the footer', () => {
    expect(encodedSize(html)).toBeLessThanOrEqual(HTML_BUDGET_BYTES);
    const { document } = parseHTML(html);
    expect([...document.querySelectorAll('h2[id^="section-"]')].map((h) => h.textContent)).toEqual(edition.sections.map((s) => s.title));
    expect(document.querySelector('a[href^="https://digest.example.org/u/"]')).not.toBeNull();
    expect(html).toContain('1 Example Street, Sampletown');
  });

  it('links every story it does not show: shown and linked add up to each section', () => {
    const { document } = parseHTML(html);
    for (const section of edition.sections) {
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === section.title)!;
      const shown = section.stories.filter((st) => html.includes(`href="${st.url}"`)).length;
      const link = [...document.querySelectorAll(`a[href$="#${heading.getAttribute('id')}"]`)].find((a) => /stories in this section/.test(a.textContent ?? ''));
      expect(link, section.title).toBeDefined();
      // after the stories shown "Read 9 more stories …", under a heading alone "Read the 10 stories …"
      const linked = Number(/^Read (?:the )?(\d+) (?:more )?stories in this section: /.exec(link!.textContent ?? '')![1]);
      expect(link!.textContent).toBe(shown > 0 ? `Read ${linked} more stories in this section: ${section.title}` : `Read the 10 stories in this section: ${section.title}`);
      expect(shown + linked, section.title).toBe(10);
    }
  });

  it('shows the same stories in the plain-text part', () => {
    const text = readFileSync(path.join(built.folder, 'digest.txt'), 'utf8');
    for (const story of edition.sections.flatMap((s) => s.stories)) expect(text.includes(`${story.url}`), story.title).toBe(html.includes(`href="${story.url}"`));
    expect(text.match(/^Read (the )?\d+ (more )?stories in this section/gm)).toHaveLength(20);
  });

  it('says in the build output what it shortened, section by section', () => {
    const shownIn = (section: Edition['sections'][number]) => section.stories.filter((st) => html.includes(`href="${st.url}"`)).length;
    const shown = edition.sections.reduce((n, s) => n + shownIn(s), 0);
    expect(shown).toBeGreaterThan(0);
    expect(built.run.stdout).toMatch(new RegExp(`The email shows ${shown} of the 200 stories, to keep its HTML part under Gmail's clipping size \\(\\d+\\.\\d KiB of 90\\.0 KiB\\)`));
    for (const section of edition.sections) expect(built.run.stdout).toContain(`  ${section.title}: 10 (${shownIn(section)} in the email)\n`);
    expect(built.run.stderr).not.toMatch(/warning/);
  });

  it('says it in report.html too: the sections the email shortened, how many stories of each it shows', () => {
    const { document } = parseHTML(readFileSync(path.join(built.folder, 'report.html'), 'utf8'));
    const part = document.querySelector('#email-size')!;
    expect(part.textContent).toMatch(/The email shows \d+ of the 200 stories, to keep its HTML part under Gmail's clipping size: \d+\.\d KiB of 90\.0 KiB as sent/);
    const rows = [...part.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual(edition.sections.map((s) => [s.title, String(s.stories.filter((st) => html.includes(`href="${st.url}"`)).length), '10']));
  });

  it('keeps the story the subject leads with', async () => {
    const { subject } = await simpleParser(readFileSync(path.join(built.folder, 'digest.eml')));
    // "Works Watch · 23 Nov 2026: <the lead's title, cut with … when long>"
    const leadTitle = subject!.slice(subject!.indexOf(': ') + 2).replace(/…$/, '');
    const lead = edition.sections.flatMap((s) => s.stories).find((st) => st.title.startsWith(leadTitle));
    expect(lead, subject).toBeDefined();
    expect(html).toContain(`href="${lead!.url}"`);
  });
});

describe('a small edition', () => {
  it('is not shortened, and the build says nothing of it', async () => {
    const built = await build(2);
    try {
      const html = readFileSync(path.join(built.folder, 'digest.html'), 'utf8');
      expect(html).not.toMatch(/more stor(y|ies) in this section/);
      expect(built.run.stdout).not.toMatch(/in the email|The email shows/);
      expect(readFileSync(path.join(built.folder, 'report.html'), 'utf8')).not.toContain('id="email-size"');
    } finally {
      rmSync(built.dir, { recursive: true, force: true });
    }
  }, 200_000);
});

describe('an edition of 30 sections', () => {
  it('keeps every heading and the footer, and warns that even so Gmail will clip it', async () => {
    const built = await build(30, 2);
    try {
      const html = readFileSync(path.join(built.folder, 'digest.html'), 'utf8');
      expect(encodedSize(html)).toBeGreaterThan(HTML_BUDGET_BYTES);
      expect(parseHTML(html).document.querySelectorAll('h2[id^="section-"]')).toHaveLength(30);
      expect(html).not.toMatch(/<h3\b/);
      expect(html).toContain('href="https://digest.example.org/u/');
      expect(built.run.stderr).toMatch(/^warning: the email's HTML part is \d+\.\d KiB with each section's heading alone, over the 90\.0 KiB budget: Gmail will clip it, hiding the footer with its unsubscribe link; fewer themes \(sections\) would fit$/m);
      expect(built.run.stdout).toContain('The email shows 0 of the 60 stories');
    } finally {
      rmSync(built.dir, { recursive: true, force: true });
    }
  }, 200_000);
});
