// Issue 6.4: long editions stay under Gmail's clipping size; one render per edition, personalised by
// substituting tokens and dropping unchosen sections.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composeMessage, editionWebUrl, encodedSize, HTML_BUDGET_BYTES, personalize, renderEdition, type Recipient } from '../../src/render/index.js';
import { makeConfig, makeEdition, sampleRecipient, twelveStoryEdition } from './fixtures.js';

const config = makeConfig();
const webUrl = editionWebUrl(config, '2026-11-23');
const storyTitles = (html: string) => [...parseHTML(html).document.querySelectorAll('h3')].map((h) => h.textContent);

describe('long editions', () => {
  it('caps stories per section and links the rest to the web edition when the HTML would pass 90 KB', async () => {
    const edition = makeEdition([60, 45, 30, 5]);
    const rendered = await renderEdition(edition, config);
    const mail = personalize(rendered, edition, sampleRecipient, webUrl)!;
    expect(encodedSize(mail.html)).toBeLessThanOrEqual(HTML_BUDGET_BYTES);
    // measured on the message as sent, too: the encoded HTML part between its headers and the next boundary
    const eml = (await composeMessage({ from: config.email.from, to: sampleRecipient.email, subject: mail.subject, html: mail.html, text: mail.text, date: new Date(0), messageId: '<long@example.org>' })).toString('latin1');
    const htmlPart = eml.slice(eml.indexOf('\r\n\r\n', eml.indexOf('Content-Type: text/html')), eml.lastIndexOf('\r\n----'));
    expect(htmlPart.length).toBeGreaterThan(60_000);
    expect(htmlPart.length).toBeLessThanOrEqual(HTML_BUDGET_BYTES);

    const { document } = parseHTML(mail.html);
    const more = [...document.querySelectorAll('a')].filter((a) => /more stor(y|ies) in this section/.test(a.textContent!));
    // the big sections were cut, the small one was not
    expect(more.length).toBeGreaterThanOrEqual(3);
    const total = edition.sections.reduce((n, s) => n + s.stories.length, 0);
    const titles = storyTitles(mail.html);
    expect(titles.length).toBeLessThan(total);
    expect(titles.length).toBeGreaterThan(20);
    for (const a of more) {
      const [, n, title] = a.textContent!.match(/^Read (\d+) more stor(?:y|ies) in this section: (.+)$/)!;
      const section = edition.sections.find((s) => s.title === title)!;
      const shownHere = section.stories.filter((s) => titles.includes(s.title)).length;
      expect(shownHere + Number(n)).toBe(section.stories.length);
      expect(a.getAttribute('href')).toBe(`${webUrl}#section-${section.id}`);
    }
    expect(titles).toContain(edition.sections[3].stories[4].title);
    // the text part tells the same cut edition
    expect(mail.text).toContain(`${webUrl}#section-${edition.sections[0].id}`);
  });

  it('shows all 40 stories of a 40-story edition', async () => {
    const edition = makeEdition([12, 10, 10, 8]);
    const rendered = await renderEdition(edition, config);
    expect(storyTitles(rendered.html)).toHaveLength(40);
    expect(rendered.html).not.toMatch(/more stor(y|ies) in this section/);
  });
});

describe('personalize', () => {
  const reader = (sections: string[] | null): Recipient => ({ ...sampleRecipient, sections });

  it('fills every token, escaping values for HTML', async () => {
    const edition = twelveStoryEdition();
    const rendered = await renderEdition(edition, config);
    expect(rendered.html).toContain('%%UNSUBSCRIBE_URL%%');
    const to = { ...reader(null), email: 'o\'brien&co@example.net', unsubscribeUrl: 'https://digest.example.org/u?t=1&s=2' };
    const mail = personalize(rendered, edition, to, webUrl)!;
    expect(mail.html).not.toContain('%%');
    expect(mail.text).not.toContain('%%');
    expect(mail.html).toContain('href="https://digest.example.org/u?t=1&amp;s=2"');
    expect(mail.text.split('\n')).toContain('https://digest.example.org/u?t=1&s=2');
    expect(parseHTML(mail.html).document.body.textContent).toContain("because o'brien&co@example.net subscribed");
    expect(mail.subject).toBe(rendered.subject);
  });

  it('drops the sections a reader did not choose, from contents, body and text', async () => {
    const edition = twelveStoryEdition();
    const rendered = await renderEdition(edition, config);
    const mail = personalize(rendered, edition, reader(['diplomacy', 'other']), webUrl)!;
    const { document } = parseHTML(mail.html);
    const kept = [edition.sections[1], edition.sections[3]];
    expect([...document.querySelectorAll('li a')].map((a) => a.textContent)).toEqual(kept.map((s) => s.title));
    expect(storyTitles(mail.html)).toEqual(kept.flatMap((s) => s.stories.map((st) => st.title)));
    expect(document.body.textContent).toContain('5 stories from');
    expect(mail.text).not.toContain(edition.sections[0].title);
    expect(mail.text).toContain(edition.sections[1].stories[0].title);
    // the preheader names what this reader gets, after the story their subject leads with
    const preheader = [...document.querySelectorAll('div')].find((d) => (d.getAttribute('style') ?? '').includes('display:none'))!;
    expect(mail.subject).toContain(edition.sections[1].stories[0].title.slice(0, 40));
    expect(preheader.textContent!.startsWith(edition.sections[1].stories[1].title)).toBe(true);
    expect(preheader.textContent!).toContain(edition.sections[3].stories[0].title.slice(0, 20));
    // the HTML is still well formed: same table nesting as the full edition has, minus whole sections
    expect(mail.html.match(/<table/g)!.length).toBe(mail.html.match(/<\/table>/g)!.length);
  });

  it('returns null when every section the reader chose is empty this edition', async () => {
    const edition = makeEdition([3, 0, 2]);
    const rendered = await renderEdition(edition, config);
    expect(personalize(rendered, edition, reader(['diplomacy']), webUrl)).toBeNull();
    expect(personalize(rendered, edition, reader(['nothing-like-this']), webUrl)).toBeNull();
    expect(personalize(rendered, edition, reader(['diplomacy', 'economy']), webUrl)).not.toBeNull();
  });

  it('gives different readers different mail from one render', async () => {
    const edition = twelveStoryEdition();
    const rendered = await renderEdition(edition, config);
    const a = personalize(rendered, edition, { ...reader(null), email: 'a@example.net', unsubscribeUrl: 'https://digest.example.org/u/a' }, webUrl)!;
    const b = personalize(rendered, edition, { ...reader(['arms']), email: 'b@example.net', unsubscribeUrl: 'https://digest.example.org/u/b' }, webUrl)!;
    expect(a.html).toContain('https://digest.example.org/u/a');
    expect(a.html).not.toContain('https://digest.example.org/u/b');
    expect(b.html).toContain('https://digest.example.org/u/b');
    expect(storyTitles(b.html)).toHaveLength(4);
    expect(storyTitles(a.html)).toHaveLength(12);
  });
});
