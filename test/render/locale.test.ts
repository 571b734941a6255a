// `locale` in the config: the email's own words, dates and direction in the digest's language, as `digest send`
// hands them to the SMTP server; config mistakes about it (and about email.logo) are one clear line.
// Sample text is invented.
import { UNSIGNED } from '../helpers/unsigned.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeEdition, makeWorkspace, sendThroughSink, type Sink } from '../deliver/support.js';

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

/** `digest send` of the support edition with `extra` config; the one message as parsed by mailparser. */
async function sendWith(extra: string, edit?: (e: ReturnType<typeof makeEdition>) => void, email?: string) {
  const edition = makeEdition();
  edit?.(edition);
  const r = await sendThroughSink(makeWorkspace(extra, email), edition, [{ email: 'alice@example.net' }]);
  sink = r.sink;
  expect(r.stderr).toBe(UNSIGNED);
  expect(r.code).toBe(0);
  const [mail] = await sink.parsed();
  return { mail, html: mail.html as string, text: mail.text ?? '', document: parseHTML(mail.html as string).document };
}

describe('locale', () => {
  it('uk: Ukrainian words, plural forms and dates, lang="uk"', async () => {
    const { mail, html, text, document } = await sendWith('locale: uk\n');
    expect(document.documentElement.getAttribute('lang')).toBe('uk');
    expect(document.documentElement.getAttribute('dir')).toBe('ltr');
    const body = document.body.textContent!;
    expect(body).toContain('У цьому випуску');
    // 3 stories, 1 source: "3 історії з 1 джерела"; the arms section has 2 stories, diplomacy 1
    expect(body).toContain('3 історії з 1 джерела');
    expect(body).toContain('(2 історії)');
    expect(body).toContain('(1 історія)');
    expect(body).toContain('16–23 листопада 2026');
    expect(body).toContain('Читати далі');
    expect(body).toContain('Відписатися від «Diplomacy Watch»');
    expect(body).toMatch(/Ви отримуєте «Diplomacy Watch», бо адресу alice@example\.net підписано/);
    expect(body).not.toMatch(/In this issue|Unsubscribe|You are receiving/);
    expect(text).toContain('Читати цей випуск у браузері:');
    expect(text).not.toMatch(/Read this edition|Unsubscribe from/);
    expect(mail.subject).toContain('23 лист. 2026');
    expect(html).not.toContain('<time');
  }, 60_000);

  it('ar: right to left, Arabic words and plural forms, titles and summaries dir="auto"', async () => {
    const { text, document } = await sendWith('locale: ar\n', (e) => {
      e.sections[0].stories[0].title = 'الوفود تجتمع مجددا لمناقشة تسليم أنظمة الدفاع الجوي';
    });
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    const body = document.body.textContent!;
    expect(body).toContain('في هذا العدد');
    // 3 stories (few), 1 source (one); the sections hold 2 (two) and 1 (one)
    expect(body).toContain('3 أخبار من مصدر واحد');
    expect(body).toContain('(خبران)');
    expect(body).toContain('(خبر واحد)');
    expect(body).toMatch(/تصلك «Diplomacy Watch» لأن العنوان alice@example\.net مشترك فيها/);
    expect(body).toContain('إلغاء الاشتراك في «Diplomacy Watch»');
    // "Read more" points the way the text reads
    expect(body).toContain('اقرأ المزيد ←');
    expect(body).not.toMatch(/In this issue|Unsubscribe|You are receiving|Read more/);
    expect(text).toContain('اقرأ هذا العدد في المتصفح:');
    for (const h3 of document.querySelectorAll('h3')) expect(h3.getAttribute('dir')).toBe('auto');
    expect(document.querySelector('h1')!.getAttribute('dir')).toBe('auto');
  }, 60_000);

  it('de: German words and plural forms; a language without a catalogue (fa) reads English', async () => {
    const { text, document } = await sendWith('locale: de\n');
    const body = document.body.textContent!;
    expect(document.documentElement.getAttribute('lang')).toBe('de');
    expect(body).toContain('In dieser Ausgabe');
    expect(body).toContain('3 Meldungen aus 1 Quelle');
    expect(body).toContain('(1 Meldung)');
    expect(body).toMatch(/Sie erhalten „Diplomacy Watch“, weil alice@example\.net dafür angemeldet wurde/);
    expect(body).toContain('„Diplomacy Watch“ abbestellen');
    expect(body).not.toMatch(/In this issue|Unsubscribe|You are receiving|Read more/);
    expect(text).toContain('Diese Ausgabe im Browser lesen:');
    const persian = await sendWith('locale: fa\n');
    expect(persian.document.body.textContent).toContain('You are receiving');
  }, 60_000);

  it('keeps zero-width joiners and non-joiners (emoji sequences, Persian)', async () => {
    const persian = 'می\u200cخواهیم مذاکرات ادامه یابد';
    const family = 'Families 👩\u200d👩\u200d👧 reunite after the exchange';
    const { html, text } = await sendWith('locale: fa\n', (e) => {
      e.sections[0].stories[0].title = persian;
      e.sections[0].stories[1].title = family;
    });
    expect(html).toContain(persian);
    expect(html).toContain(family);
    expect(text).toContain(persian);
  }, 60_000);

  it('shows the logo with its size and alt text, https only', async () => {
    const email = `email:
  from: "Diplomacy Watch <digest@watch.example.org>"
  baseUrl: https://digest.example.org
  address: "1 Example Street, Kyiv"
  logo: { src: "https://digest.example.org/logo.png", width: 160, height: 40, alt: "Diplomacy Watch" }
`;
    const { document } = await sendWith('', undefined, email);
    const imgs = [...document.querySelectorAll('img')];
    expect(imgs).toHaveLength(1);
    expect(imgs[0].getAttribute('src')).toBe('https://digest.example.org/logo.png');
    expect(imgs[0].getAttribute('alt')).toBe('Diplomacy Watch');
    expect(imgs[0].getAttribute('width')).toBe('160');
    expect(imgs[0].getAttribute('height')).toBe('40');
  }, 60_000);
});

describe('config mistakes about locale and logo', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-locale-'));
  const VALID = 'title: Diplomacy Watch\nfeeds:\n  - name: Wire One\n    url: https://wire.example/rss\nthemes:\n  - id: arms\n    title: Arms\n    keywords: [missiles]\n';
  const build = (name: string, yaml: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, yaml);
    return runCli(['build', '--config', file, '--offline', '--out', path.join(dir, 'out')]);
  };
  const oneLine = (r: { code: number; stderr: string }, ...parts: RegExp[]) => {
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    for (const p of parts) expect(r.stderr).toMatch(p);
  };

  it('names a locale that is not a language tag', async () => {
    oneLine(await build('locale.yaml', `${VALID}locale: "Ukrainian please"\n`), /locale/, /expected a language tag such as en, uk, de or ar/);
  }, 30_000);

  it('refuses an http logo and a tracking-pixel size', async () => {
    const withLogo = (logo: string) => `${VALID}email:\n  from: "D <d@example.org>"\n  logo: ${logo}\n`;
    oneLine(await build('http.yaml', withLogo('{ src: "http://example.org/l.png", width: 100, height: 40, alt: "D" }')), /email\.logo\.src/, /https URL/);
    oneLine(await build('pixel.yaml', withLogo('{ src: "https://example.org/p.gif", width: 1, height: 1, alt: "" }')), /email\.logo\.width/, /no tracking pixels/);
  }, 30_000);
});
