// Issue 6.6: nothing from a feed reaches the HTML unescaped, whatever the feed sends.

import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composeMessage, editionWebUrl, personalize, renderEdition } from '../../src/render/index.js';
import type { Edition, Story } from '../../src/types.js';
import { makeConfig, makeEdition, makeStory, sampleRecipient } from './fixtures.js';

const config = makeConfig();
const webUrl = editionWebUrl(config, '2026-11-23');

async function mailFor(edition: Edition) {
  const rendered = await renderEdition(edition, config);
  const mail = personalize(rendered, edition, sampleRecipient, webUrl)!;
  return { rendered, mail, document: parseHTML(mail.html).document };
}

/** The style attributes a harmless edition produces: hostile input must not add any. */
let benignStyles: Set<string>;
async function stylesOf(html: string) {
  return new Set([...parseHTML(html).document.querySelectorAll('[style]')].map((e) => e.getAttribute('style')!));
}

function editionWith(stories: Array<Partial<Story>>, sectionTitle?: string): Edition {
  const edition = makeEdition([stories.length]);
  edition.sections[0].stories = stories.map((s, i) => makeStory(i, s));
  if (sectionTitle !== undefined) edition.sections[0].title = sectionTitle;
  return edition;
}

/** Everything a script could hide behind, checked on the parsed HTML. */
function expectInert(document: Document) {
  expect(document.querySelectorAll('script, iframe, object, embed, form, input, svg, math, base, link[rel="import"]')).toHaveLength(0);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) expect(attr, el.tagName).not.toMatch(/^on/i);
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href')!;
    if (href.startsWith('#')) continue;
    expect(new URL(href).protocol).toMatch(/^https?:$/);
  }
}

const HOSTILE: Array<Partial<Story>> = [
  { title: 'Talks <script>alert(1)</script> resume', summary: '<img src=x onerror="alert(2)"> ministers met' },
  { title: 'Clickable', url: 'javascript:alert(document.cookie)' },
  { title: 'Data link', url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
  { title: 'Sneaky scheme', url: ' JaVaScRiPt:alert(1)' },
  { title: 'Style " onmouseover="alert(3)" style="position:fixed;top:0;left:0;width:100%;height:100%', summary: 'x" style="background:url(https://evil.example/track)' },
  { title: 'Header\r\nBcc: victim@example.com\r\n\r\nInjected body', sources: ['Wire\r\nOne'] },
  { title: 'Token %%UNSUBSCRIBE_URL%% and <!--%%SECTION:arms%%--> markers', summary: '%%/SECTION:arms%% %%EMAIL%%' },
  { title: 'T'.repeat(10_000), summary: 'S '.repeat(10_000), sources: ['N'.repeat(5_000)] },
  { title: 'Bidi \u202eeman elif\u202c and NUL\u0000 bytes', url: 'https://user:pass@news.example.org/login' },
];

describe('hostile feed content', () => {
  it('renders every hostile item inert and bounded', async () => {
    benignStyles = await stylesOf((await mailFor(makeEdition([9]))).mail.html);
    const edition = editionWith(HOSTILE, '<b>Weapons</b> & "strikes"');
    const { mail, document, rendered } = await mailFor(edition);
    expectInert(document);

    const titles = [...document.querySelectorAll('h3')].map((h) => h.textContent!);
    expect(titles).toHaveLength(HOSTILE.length);
    // shown as the words they are, not as markup
    expect(titles[0]).toBe('Talks <script>alert(1)</script> resume');
    expect(document.body.textContent).toContain('<img src=x onerror="alert(2)"> ministers met');
    expect(document.querySelector('h2#section-arms')!.textContent).toBe('<b>Weapons</b> & "strikes"');

    // links that are not plain http(s) are dropped, the title stays as text
    for (const i of [1, 2, 3, 8]) expect(document.querySelectorAll('h3')[i].querySelector('a')).toBeNull();

    // no style attribute that a harmless edition does not have
    for (const style of await stylesOf(mail.html)) expect(benignStyles.has(style), style).toBe(true);

    // CR/LF gone, long values cut
    expect(titles[5]).toBe('Header Bcc: victim@example.com Injected body');
    expect(titles[7].length).toBeLessThanOrEqual(200);
    expect(titles[8]).not.toMatch(/[\u202e\u0000]/);
    expect(mail.html.length).toBeLessThan(60_000);
    expect(rendered.text.split('\n').every((l) => !/[\u0000-\u0008\u000b-\u001f\u202e]/.test(l))).toBe(true);

    // feed text cannot fill tokens or fake section markers
    expect(titles[6]).toBe('Token %%UNSUBSCRIBE_URL%% and <!--%%SECTION:arms%%--> markers');
    expect(mail.html).not.toContain(`Token ${sampleRecipient.unsubscribeUrl}`);
    expect(mail.text).not.toContain(`Token ${sampleRecipient.unsubscribeUrl}`);
    expect(mail.text).toContain('Header Bcc: victim@example.com Injected body');
  });

  it('keeps a CR/LF title out of the message headers', async () => {
    const edition = editionWith([{ title: 'Envoys meet\r\nBcc: victim@example.com\nX-Evil: 1' }]);
    const { mail } = await mailFor(edition);
    const eml = await composeMessage({ from: config.email.from, to: sampleRecipient.email, subject: mail.subject, html: mail.html, text: mail.text, date: new Date('2026-11-23T05:00:00Z'), messageId: '<h@example.org>' });
    const parsed = await simpleParser(eml);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('x-evil')).toBe(false);
    expect(parsed.subject).toBe('Diplomacy Watch · 23 Nov 2026: Envoys meet Bcc: victim@example.com X-Evil: 1');
  });

  it('names a story whose title shows nothing "Untitled story", not an invisible link', async () => {
    const edition = editionWith([{ title: '\u3164\u3164 \u2800\u200b' }, { title: 'Envoys meet in Geneva' }]);
    const { document, mail } = await mailFor(edition);
    expect([...document.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Untitled story', 'Envoys meet in Geneva']);
    expect(mail.text.split('\n')).toContain('Untitled story');
  });

  it('stays inert for any title, summary, source and link a feed may send', async () => {
    const nasty = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('<script>x</script>', '"><svg onload=alert(1)>', "'; background:url(x)", 'javascript:alert(1)', '\r\nBcc: a@b.c', '%%EMAIL%%', '<!--', '{{title}}'),
      fc.string({ unit: 'binary', maxLength: 100 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ title: nasty, summary: nasty, url: fc.oneof(nasty, fc.webUrl()), sources: fc.array(nasty, { maxLength: 5 }) }), { minLength: 1, maxLength: 3 }), async (stories) => {
        const { document, mail } = await mailFor(editionWith(stories));
        expectInert(document);
        expect(document.querySelectorAll('h3')).toHaveLength(stories.length);
        expect(mail.subject).not.toMatch(/[\r\n\u0000-\u001f]/);
      }),
      { numRuns: 25 },
    );
  }, 30_000);
});
