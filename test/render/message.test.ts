// Issue 6.2 and 6.3: subject, preheader, the plain-text part and the composed message.

import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { composeMessage, editionWebUrl, personalize, renderEdition } from '../../src/render/index.js';
import { renderText } from '../../src/render/text.js';
import { buildView } from '../../src/render/view.js';
import { makeConfig, makeEdition, makeStory, sampleRecipient, twelveStoryEdition } from './fixtures.js';

const config = makeConfig();
const webUrl = editionWebUrl(config, '2026-11-23');

async function mailFor(edition = twelveStoryEdition(), cfg = config) {
  const rendered = await renderEdition(edition, cfg);
  return { rendered, mail: personalize(rendered, edition, sampleRecipient, webUrl)! };
}

async function compose(subject: string, html = '<p>hi</p>', text = 'hi\n', headers?: Record<string, string>) {
  return composeMessage({ from: config.email.from, to: 'Sam Reader <reader@example.net>', subject, html, text, date: new Date('2026-11-23T05:00:00Z'), messageId: '<m1@digest.example.org>', headers });
}

/** Header block of a raw message, unfolded lines kept apart. */
const headerLines = (eml: Buffer) => eml.toString('latin1').split('\r\n\r\n')[0].split('\r\n');

describe('subject', () => {
  it('fills {title}, {date}, {lead} and {count} from the edition', async () => {
    const cfg = makeConfig({ email: { ...config.email, subject: '{title} #{count} ({date}) — {lead}' } });
    const edition = twelveStoryEdition();
    // the most widely covered story leads
    edition.sections[0].stories[0].sources = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
    const { rendered } = await mailFor(edition, cfg);
    expect(rendered.subject).toBe(`Diplomacy Watch #12 (23 Nov 2026) — ${edition.sections[0].stories[0].title}`);
  });

  it('takes the lead from the top-ranked story overall, even in a later section, and shortens it at a word', async () => {
    const edition = makeEdition([0, 2]);
    const long = 'Ministers from eleven countries gather to draft the terms of a ceasefire monitoring mission along the river';
    edition.sections[1].stories[0].title = long;
    edition.sections[1].stories[0].sources = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
    const { rendered } = await mailFor(edition);
    const lead = rendered.subject.split(': ').slice(1).join(': ');
    expect(lead.endsWith('…')).toBe(true);
    expect(lead.length).toBeLessThanOrEqual(70);
    expect(long.startsWith(lead.slice(0, -1))).toBe(true);
    expect(long[lead.length - 1]).toBe(' ');
  });

  it('never expands placeholders that come from the feed', async () => {
    const edition = makeEdition([1]);
    edition.sections[0].stories[0].title = 'Leak {title} {count} {lead}';
    const { rendered } = await mailFor(edition);
    expect(rendered.subject).toBe('Diplomacy Watch · 23 Nov 2026: Leak {title} {count} {lead}');
  });

  it('removes control characters and line breaks', async () => {
    const edition = makeEdition([1]);
    edition.sections[0].stories[0].title = 'Talks resume\r\nBcc: victim@example.com\u0007\ttoday';
    const { rendered } = await mailFor(edition);
    expect(rendered.subject).toBe('Diplomacy Watch · 23 Nov 2026: Talks resume Bcc: victim@example.com today');
  });

  it('is folded and UTF-8 encoded in the message, and decodes back to the same text', async () => {
    const subject = 'Diplomacy Watch · 23 Nov 2026: Київ і партнери узгодили новий пакет протиповітряної оборони на зиму';
    const eml = await compose(subject);
    const lines = headerLines(eml);
    const start = lines.findIndex((l) => l.startsWith('Subject: '));
    const folded = [lines[start], ...lines.slice(start + 1).filter((_, i, rest) => rest.slice(0, i + 1).every((l) => /^[ \t]/.test(l)))];
    expect(folded.length).toBeGreaterThan(1);
    for (const line of folded) expect(line.length).toBeLessThanOrEqual(78);
    expect(folded.join('')).toMatch(/=\?UTF-8\?[QB]\?/i);
    expect(eml.every((byte) => byte < 128)).toBe(true);
    expect((await simpleParser(eml)).subject).toBe(subject);
  });
});

describe('preheader', () => {
  it('is hidden at the top of the HTML and names the first story of each section, but not the one the subject leads with', async () => {
    const edition = twelveStoryEdition();
    const { rendered, mail } = await mailFor(edition);
    const { document } = parseHTML(mail.html);
    const hidden = [...document.querySelectorAll('div')].find((d) => (d.getAttribute('style') ?? '').includes('display:none'))!;
    expect(hidden.textContent).toBe(rendered.preheader);
    // the subject leads with the second section's first story: the preview names that section's next one
    const lead = edition.sections[1].stories[0];
    expect(rendered.subject).toContain(lead.title.slice(0, 40));
    expect(rendered.preheader).not.toContain(lead.title.slice(0, 40));
    expect(rendered.preheader.startsWith(edition.sections[0].stories[0].title)).toBe(true);
    expect(rendered.preheader).toContain(edition.sections[1].stories[1].title.slice(0, 40));
    expect(mail.html.indexOf(rendered.preheader)).toBeLessThan(mail.html.indexOf('<h1'));
  });
});

describe('plain-text part', () => {
  it('tells the same edition: headings, every story with sources and summary, URLs on their own lines', async () => {
    const edition = twelveStoryEdition();
    const { mail } = await mailFor(edition);
    const lines = mail.text.split('\n');
    expect(lines[0]).toBe('Diplomacy Watch');
    expect(mail.text).toContain('16–23 November 2026');
    for (const section of edition.sections) {
      const at = lines.indexOf(section.title);
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]).toMatch(/^=+$/);
      for (const story of section.stories) {
        expect(lines).toContain(story.url);
        expect(mail.text.replace(/\s+/g, ' ')).toContain(story.summary);
        expect(mail.text.replace(/\s+/g, ' ')).toContain(story.title);
      }
    }
    expect(mail.text).toContain('Wire One · Global Brief · Harbour Times · Capital Ledger');
    for (const url of [sampleRecipient.unsubscribeUrl, sampleRecipient.preferencesUrl, webUrl]) expect(lines).toContain(url);
    expect(mail.text).not.toContain('%%');
    expect(mail.text).not.toMatch(/\n\n\n/);
  });

  it('wraps at 76 columns except for lines that are a single URL', async () => {
    const edition = makeEdition([3]);
    edition.sections[0].stories[0] = makeStory(0, {
      summary: 'A very long summary that keeps going well past the width of one line, mentioning energy security, food exports, the return of deported children and the timetable for further rounds of talks between delegations.',
      url: `https://news.example.org/${'long-path-segment/'.repeat(8)}article`,
    });
    const { mail } = await mailFor(edition);
    for (const line of mail.text.split('\n')) {
      if (/^https?:\/\/\S+$/.test(line)) continue;
      expect(Array.from(line).length, line).toBeLessThanOrEqual(76);
    }
  });
});

describe('plain-text wrapping, for any feed text', () => {
  it('keeps every line within 76 columns except a line that is one URL', () => {
    const word = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'Ж', 'ї', '€', '中', '-', '/', '.', '\u00a0'), minLength: 1, maxLength: 100 }), fc.webUrl());
    const text = fc.array(word, { maxLength: 30 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(fc.record({ title: text, summary: text, url: fc.option(fc.webUrl()), sources: fc.array(text, { maxLength: 4 }) }), { minLength: 1, maxLength: 4 }), (stories) => {
        const edition = makeEdition([stories.length]);
        edition.sections[0].stories = stories.map((s, i) => makeStory(i, s));
        const lines = renderText(buildView(edition, config)).split('\n');
        const tooLong = lines.filter((line) => !/^https?:\/\/\S+$/.test(line) && Array.from(line).length > 76);
        expect(tooLong).toEqual([]);
        const missing = stories.filter((s) => s.url && !lines.includes(new URL(s.url).href));
        expect(missing).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('composed message', () => {
  it('is multipart/alternative UTF-8 with the given headers, text and HTML intact', async () => {
    const { mail } = await mailFor();
    const eml = await compose(mail.subject, mail.html, mail.text, {
      'List-Unsubscribe': `<${sampleRecipient.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    const parsed = await simpleParser(eml);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    const header = (key: string) => parsed.headerLines.find((h) => h.key === key)?.line;
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${sampleRecipient.unsubscribeUrl}>`);
    expect(parsed.messageId).toBe('<m1@digest.example.org>');
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toBe(mail.html);
    expect(eml.toString('latin1')).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
  });

  it('sends text in other scripts as base64 when that is smaller, and it decodes back intact', async () => {
    const edition = makeEdition([6]);
    edition.sections[0].stories = edition.sections[0].stories.map((s, i) =>
      makeStory(i, {
        title: `Міністри домовилися про нову допомогу для протиповітряної оборони (${i + 1})`,
        summary: 'Після довгих переговорів уряди погодили графік постачання, а перші системи мають прибути ще до настання холодів, повідомили посадовці.'.repeat(3),
      }),
    );
    const { mail } = await mailFor(edition);
    const eml = await compose(mail.subject, mail.html, mail.text);
    const raw = eml.toString('latin1');
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: base64/i);
    const parsed = await simpleParser(eml);
    expect(parsed.html).toBe(mail.html);
    expect(parsed.text).toBe(mail.text);
  });

  it('keeps a header value on one line even when it carries CR/LF', async () => {
    const eml = await compose('Hello', '<p>hi</p>', 'hi\n', { 'X-Campaign': 'weekly\r\nBcc: victim@example.com' });
    const headers = headerLines(eml);
    expect(headers.some((l) => /^bcc:/i.test(l))).toBe(false);
    expect((await simpleParser(eml)).headers.get('x-campaign')).toBe('weekly Bcc: victim@example.com');
  });
});

describe('an edition with no stories', () => {
  it('still renders, with a subject that does not dangle, and nobody gets it', async () => {
    const edition = makeEdition([0, 0]);
    const { rendered } = { rendered: await renderEdition(edition, config) };
    expect(rendered.subject).toBe('Diplomacy Watch · 23 Nov 2026');
    expect(rendered.preheader).toBe('');
    expect(personalize(rendered, edition, sampleRecipient, webUrl)).toBeNull();
  });
});
