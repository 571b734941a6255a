// Issue 6.1 and the determinism rule: the layout tells the edition, dates are in the digest's zone.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composeMessage, editionWebUrl, personalize, renderEdition } from '../../src/render/index.js';
import { makeConfig, makeEdition, makeStory, sampleRecipient, twelveStoryEdition } from './fixtures.js';

const config = makeConfig();
const webUrl = editionWebUrl(config, '2026-11-23');

async function renderFor(edition = twelveStoryEdition(), cfg = config) {
  const rendered = await renderEdition(edition, cfg);
  const mail = personalize(rendered, edition, sampleRecipient, webUrl)!;
  return { rendered, mail, document: parseHTML(mail.html).document };
}

describe('the email layout', () => {
  it('has a header with the title and the edition date range in its zone', async () => {
    const { document } = await renderFor();
    expect(document.querySelector('h1')!.textContent).toBe('Diplomacy Watch');
    expect(document.body.textContent).toContain('16–23 November 2026');
    expect(document.querySelector('title')!.textContent).toBe('Diplomacy Watch · 16–23 November 2026');
  });

  it('shows a range across months in the zone, not in UTC', async () => {
    const edition = twelveStoryEdition();
    // 22:30 UTC on 30 Nov is already 1 December in Kyiv
    edition.edition.start = '2026-11-24T22:30:00.000Z';
    edition.edition.end = '2026-11-30T22:30:00.000Z';
    const { document } = await renderFor(edition);
    expect(document.body.textContent).toContain('25 November – 1 December 2026');
  });

  it('lists every section with its story count, linking to an anchor that exists', async () => {
    const edition = twelveStoryEdition();
    const { document } = await renderFor(edition);
    const contents = [...document.querySelectorAll('li')];
    expect(contents).toHaveLength(edition.sections.length);
    edition.sections.forEach((section, i) => {
      const link = contents[i].querySelector('a')!;
      expect(link.textContent).toBe(section.title);
      expect(contents[i].textContent).toContain(`(${section.stories.length} ${section.stories.length === 1 ? 'story' : 'stories'})`);
      // the web copy's section: in-email anchors do nothing in Gmail iOS and Yahoo mobile, a web link works everywhere
      const [page, anchor] = link.getAttribute('href')!.split('#');
      expect(page).toBe(webUrl);
      const target = document.getElementById(anchor);
      expect(target?.tagName).toBe('H2');
      expect(target!.textContent).toBe(section.title);
    });
  });

  it('leaves empty sections out', async () => {
    const edition = makeEdition([2, 0, 1]);
    const { document } = await renderFor(edition);
    const headings = [...document.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['In this issue', edition.sections[0].title, edition.sections[2].title]);
  });

  it('has one card per story: linked title, sources, summary, date in the digest zone', async () => {
    const edition = twelveStoryEdition();
    const special = makeStory(3, {
      title: 'Envoys name a date for the next round of talks',
      url: 'https://news.example.org/talks?round=2&lang=en',
      sources: ['Wire One', 'Global Brief', 'Harbour Times', 'Capital Ledger'],
      // 22:40 UTC on the 19th is Friday the 20th in Kyiv
      published: '2026-11-19T22:40:00.000Z',
    });
    edition.sections[1].stories[0] = special;
    const { document } = await renderFor(edition);
    const cards = [...document.querySelectorAll('h3')];
    expect(cards).toHaveLength(12);
    const card = cards.find((h) => h.textContent === special.title)!;
    const link = card.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(special.url);
    const body = card.parentElement!.textContent!;
    // four short names fit on the line: all named
    expect(body).toContain('Wire One · Global Brief · Harbour Times · Capital Ledger');
    expect(body).toContain('Fri 20 Nov 2026');
    expect(body).toContain(special.summary);
  });

  it('labels as the top story the one the subject leads with, even in a later section', async () => {
    const edition = twelveStoryEdition();
    const top = makeStory(5, { title: 'Grain corridor reopens after a week of talks', sources: ['Wire One', 'Global Brief', 'Harbour Times', 'Capital Ledger', 'Northern Courier', 'Policy Desk'] });
    edition.sections[1].stories[0] = top;
    const { document, mail } = await renderFor(edition);
    expect(mail.subject).toBe(`Diplomacy Watch · 23 Nov 2026: ${top.title}`);
    const labels = [...document.querySelectorAll('p')].filter((p) => p.textContent === 'Top story');
    expect(labels).toHaveLength(1);
    expect(labels[0].nextElementSibling!.tagName).toBe('H3');
    expect(labels[0].nextElementSibling!.textContent).toBe(top.title);
    // the first story of the first section is drawn like the others
    const first = document.querySelector('h3')!;
    expect(first.textContent).toBe(edition.sections[0].stories[0].title);
    expect(first.getAttribute('style')).toContain('font-size:18px');
  });

  it('shows a story without a usable link as plain text', async () => {
    const edition = makeEdition([1]);
    edition.sections[0].stories[0].url = null;
    const { document } = await renderFor(edition);
    const card = document.querySelector('h3')!;
    expect(card.querySelector('a')).toBeNull();
    expect(card.textContent).toBe(edition.sections[0].stories[0].title);
  });

  it('has a footer: why you get this, manage sections, unsubscribe, view in browser, postal address', async () => {
    const { document } = await renderFor();
    const text = document.body.textContent!;
    expect(text).toContain(`because ${sampleRecipient.email} subscribed`);
    const hrefs = [...document.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(hrefs).toContainEqual(['Choose which sections you get', sampleRecipient.preferencesUrl]);
    expect(hrefs).toContainEqual(['Unsubscribe from Diplomacy Watch', sampleRecipient.unsubscribeUrl]);
    expect(hrefs).toContainEqual(['View this edition in your browser', webUrl]);
    expect(text).toContain(config.email.address);
  });

  it('renders the same edition byte-identically, message included', async () => {
    const a = await renderFor();
    const b = await renderFor();
    expect(b.rendered).toEqual(a.rendered);
    const compose = (m: typeof a.mail) =>
      composeMessage({ from: config.email.from, to: sampleRecipient.email, subject: m.subject, html: m.html, text: m.text, date: new Date('2026-11-23T05:00:00Z'), messageId: '<same@example.org>' });
    expect((await compose(b.mail)).equals(await compose(a.mail))).toBe(true);
  });

  it('builds the web URL of an edition from baseUrl', () => {
    expect(editionWebUrl(makeConfig({ email: { ...config.email, baseUrl: 'https://d.example.org/news/' } }), '2026-11-23')).toBe(
      'https://d.example.org/news/archive/2026-11-23',
    );
  });
});
