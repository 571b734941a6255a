// Gmail clips an HTML part over about 102 KB, hiding its end: the footer with the unsubscribe link and the postal
// address, and the last sections. The renderer fits an edition to the size of the widest reader's copy (the longest
// address, the longest links, this edition's web address in every section's link), down to a section's heading and its
// link when one story a section is too much. Checked on what `digest send` really hands the SMTP server. All text is invented.
import { UNSIGNED } from '../helpers/unsigned.js';
import { parseHTML } from 'linkedom';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { HTML_BUDGET_BYTES } from '../../src/render/index.js';
import type { Edition, Story } from '../../src/types.js';
import { encodedHtmlPart, makeEdition, makeWorkspace, sendThroughSink, type Sink } from './support.js';

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

// a web app served under a long path, and the longest address the subscriber list takes (254 characters)
const BASE_URL = `https://newsletters.example-organisation.org/${'weekly-roundup-of-the-war-in-ukraine/'.repeat(5)}digest`;
const LONGEST_ADDRESS = `${'r'.repeat(64)}@${['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(50)].join('.')}.example`;
const EMAIL = `email:
  from: "Diplomacy Watch <digest@watch.example.org>"
  baseUrl: ${BASE_URL}
  address: "1 Example Street, Kyiv"
`;

const TITLE = 'Delegations meet again to discuss air-defence deliveries, a monitoring plan and the terms of a possible ceasefire along the whole front line';
const SUMMARY =
  'Officials from several capitals agreed on new deliveries and on terms for monitoring a possible ceasefire; the next meeting is due in a month, with observers from three more countries. ' +
  'The talks also covered the repair of power plants before winter, the return of prisoners and deported children, and a fund to rebuild schools and hospitals in the towns nearest the front. ' +
  'Diplomats said a draft would go to the governments concerned next week, and that a further round would be held in a neutral city if the draft found enough support there.';

/** `sections` sections of `perSection` stories each; `long`: titles and summaries as long as the email shows them. */
function edition(sections: number, perSection: number, long: boolean, sectionTitle = (s: number) => `Section ${s + 1} of the week`): Edition {
  const e = makeEdition();
  const template = e.sections[0].stories[0];
  e.sections = Array.from({ length: sections }, (_, s) => ({
    id: `section-${s}`,
    title: sectionTitle(s),
    stories: Array.from({ length: perSection }, (_, i): Story => ({
      ...template,
      id: `s${s}-${i}`,
      title: long ? `${TITLE} (${s}.${i})` : `Mediators host a round of talks (${s}.${i})`,
      summary: long ? `${SUMMARY} (${s}.${i})` : 'A third country hosted talks on a prisoner swap; a new round is planned.',
      url: `https://news.example.org/${s}/${i}`,
      sources: ['Wire One', 'Global Brief', `Outlet ${s}-${i}`],
    })),
  }));
  return e;
}

/** Send the edition to the longest address through a real SMTP server; the HTML part as it arrives, and as read. */
async function sendToLongest(e: Edition): Promise<{ bytes: number; html: string }> {
  const r = await sendThroughSink(makeWorkspace('', EMAIL), e, [{ email: LONGEST_ADDRESS }]);
  sink = r.sink;
  expect(r.stderr).toBe(UNSIGNED);
  expect(r.code).toBe(0);
  expect(sink.received).toHaveLength(1);
  const { body } = encodedHtmlPart(sink.received[0].raw);
  return { bytes: body.length, html: (await simpleParser(sink.received[0].raw)).html as string };
}

describe('the HTML part as sent to the longest address stays under the clipping budget', () => {
  it('20 sections × 10 long stories: every section heading, its link to the rest, and the footer', async () => {
    const e = edition(20, 10, true);
    const { bytes, html } = await sendToLongest(e);
    expect(bytes).toBeLessThanOrEqual(HTML_BUDGET_BYTES);
    const { document } = parseHTML(html);
    expect([...document.querySelectorAll('h2[id^="section-"]')].map((h) => h.textContent)).toEqual(e.sections.map((s) => s.title));
    const more = [...document.querySelectorAll('a')].filter((a) => /stor(y|ies) in this section/.test(a.textContent ?? ''));
    expect(more).toHaveLength(20);
    for (const a of more) expect(a.getAttribute('href')).toMatch(new RegExp(`^${BASE_URL}/archive/2026-11-23#section-section-\\d+$`));
    expect(html).toContain(`href="${BASE_URL}/u/`);
    expect(html).toContain(LONGEST_ADDRESS);
    expect(html).toContain('1 Example Street, Kyiv');
  }, 120_000);

  it('16 sections × 9 short stories: the links to the web copy and the reader\'s own count at their full length', async () => {
    const e = edition(16, 9, false);
    const { bytes, html } = await sendToLongest(e);
    expect(bytes).toBeLessThanOrEqual(HTML_BUDGET_BYTES);
    expect(html).toContain(`href="${BASE_URL}/u/`);
    // cut to fit (the whole edition would be 144 stories), not to nothing
    expect(html.match(/<h3\b/g)!.length).toBeGreaterThan(8);
  }, 120_000);

  it('20 sections with long names × 6 stories: every heading with its link fits, and stories besides', async () => {
    const e = edition(20, 6, true, (s) => `Section ${s + 1}: weapons deliveries, long-range strikes and what the allies decided about them`);
    const { bytes, html } = await sendToLongest(e);
    expect(bytes).toBeLessThanOrEqual(HTML_BUDGET_BYTES);
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('h2[id^="section-"]')).toHaveLength(20);
    // every heading shown alone still leads to its stories; a section's heading and its link took three blocks of table
    // markup, and twenty of them were enough to send the email out over the budget (94 KB)
    const stories = document.querySelectorAll('h3').length;
    const more = [...document.querySelectorAll('a')].filter((a) => /stor(y|ies) in this section/.test(a.textContent ?? ''));
    expect(more).toHaveLength(20);
    expect(stories).toBeGreaterThanOrEqual(4);
    expect(html).toContain('1 Example Street, Kyiv');
  }, 120_000);
});
