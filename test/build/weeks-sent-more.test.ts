// "Nothing already sent" over weekly editions, where what the earlier rules take for the same article is another one, or
// miss the same one: a series published under one page ("Day 1001 of the war", each day its own guid), a wire story
// whose lede the second outlet rewrote or that is a few lines long, and a generic headline ("Ukraine war: what we know")
// under a short link whose target cannot be read. Each week's feeds are served over HTTP and each edition goes to a reader
// over SMTP.
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { itemsOf, MONDAYS, rss, runWeeks } from './weeks-served.js';

const LAST_WEEK = 'Wed, 18 Nov 2026 09:00:00 +0000';
const THIS_WEEK = 'Wed, 25 Nov 2026 09:00:00 +0000';
const THIS_WEEK_2 = 'Thu, 26 Nov 2026 09:00:00 +0000';

/** `feed|guid: detail` of every item the edition left out as already sent, sorted */
function alreadySent(edition: Edition): string[] {
  return edition.excluded.filter((e) => e.reason === 'already-sent').map((e) => `${e.feed}|${e.guid}: ${e.detail ?? ''}`).sort();
}

describe('already-sent across weekly editions: what is another article, and what is the same', () => {
  it('sends each day of a series published under one shared page, while a sent headline edited under that page stays out', async () => {
    const diary = 'https://harbour.example/war-diary';
    const [first, second] = await runWeeks([
      {
        now: MONDAYS[1],
        feeds: {
          harbour: rss('harbour', [
            { guid: 'diary-1001', link: diary, date: LAST_WEEK, title: 'Day 1001 of the war: what we know', text: 'Drones struck the port of Izmail overnight, and talks on a prisoner exchange resumed in Abu Dhabi, officials said.' },
          ]),
        },
      },
      {
        now: MONDAYS[2],
        feeds: {
          harbour: rss('harbour', [
            { guid: 'diary-1008', link: diary, date: THIS_WEEK, title: 'Day 1008 of the war: what we know', text: 'Parliament passed next year’s budget, and envoys met in Geneva for talks on the grain corridor, officials said.' },
            { guid: 'diary-1009', link: diary, date: THIS_WEEK_2, title: 'Day 1009 of the war: what we know', text: 'A cold snap cut power in Kharkiv, and talks on energy repairs began with the European Commission, officials said.' },
            // last week's day again under a new guid, its headline sharpened: the same article
            { guid: 'diary-1001-v2', link: diary, date: THIS_WEEK, title: 'Day 1001 of the war: what we know so far', text: 'Drones struck the port of Izmail overnight, and talks on a prisoner exchange resumed in Abu Dhabi, officials said.' },
          ]),
        },
      },
    ]);
    expect(itemsOf(first.edition)).toEqual(['harbour|Day 1001 of the war: what we know']);
    expect(itemsOf(second.edition)).toEqual(['harbour|Day 1008 of the war: what we know', 'harbour|Day 1009 of the war: what we know']);
    expect(alreadySent(second.edition)).toEqual(['harbour|diary-1001-v2: in an edition already sent, under another id (same link, its headline edited)']);
    expect(second.text).toContain('Day 1008 of the war');
    expect(second.text).toContain('Day 1009 of the war');
  }, 240_000);

  it('knows a wire story under another outlet’s link with its lede rewritten, and one under twenty words long', async () => {
    const lede = 'Ukrainian and Turkish envoys reopened talks in Istanbul on Tuesday about reviving the Black Sea grain corridor.';
    const rest = 'United Nations mediators were present at the table for the first time since the summer. A second round is planned for December in Geneva, the Turkish foreign ministry said.';
    const short = 'Kyiv and Warsaw agreed to reopen talks on lorry queues at the border crossing.';
    const [first, second] = await runWeeks([
      {
        now: MONDAYS[1],
        feeds: {
          courier: rss('courier', [
            { guid: 'c-1', link: 'https://courier.example/world/ap-grain-talks', date: LAST_WEEK, title: 'Envoys reopen grain corridor talks in Istanbul', text: `ISTANBUL (AP) — ${lede} ${rest}` },
            { guid: 'c-2', link: 'https://courier.example/world/ap-border-talks', date: LAST_WEEK, title: 'Kyiv and Warsaw to reopen border talks', text: `WARSAW (AP) — ${short}` },
          ]),
          harbour: rss('harbour', []),
        },
      },
      {
        now: MONDAYS[2],
        feeds: {
          courier: rss('courier', []),
          harbour: rss('harbour', [
            // the agency's story under the second outlet's address, its first sentence written by its own desk
            { guid: 'h-7', link: 'https://harbour.example/2026/11/25/grain-talks', date: THIS_WEEK, title: 'Envoys reopen grain corridor talks in Istanbul', text: `Talks on the grain corridor are back on in Istanbul, where envoys of both countries met on Tuesday. ${rest}` },
            // the short one, word for word
            { guid: 'h-8', link: 'https://harbour.example/2026/11/25/border-talks', date: THIS_WEEK, title: 'Kyiv and Warsaw to reopen border talks', text: short },
            // the same headline over this week's news
            { guid: 'h-9', link: 'https://harbour.example/2026/11/26/border-talks', date: THIS_WEEK, title: 'Kyiv and Warsaw to reopen border talks', text: 'The two governments will meet again in Lublin on Friday to settle who pays for the new lanes for empty lorries.' },
          ]),
        },
      },
    ]);
    expect(itemsOf(first.edition)).toEqual(['courier|Envoys reopen grain corridor talks in Istanbul', 'courier|Kyiv and Warsaw to reopen border talks']);
    expect(itemsOf(second.edition)).toEqual(['harbour|Kyiv and Warsaw to reopen border talks']);
    expect(alreadySent(second.edition)).toEqual([
      'harbour|h-7: in an edition already sent, under another link (same headline and text: a wire story)',
      'harbour|h-8: in an edition already sent, under another link (same headline and text: a wire story)',
    ]);
    expect(second.text).not.toContain('Envoys reopen');
    expect(second.text).toContain('Lublin');
  }, 240_000);

  it('sends a generic headline under an opaque short link when its text tells another article than the one sent under it', async () => {
    const headline = 'Ukraine war: what we know';
    const [first, second] = await runWeeks([
      {
        now: MONDAYS[1],
        feeds: {
          harbour: rss('harbour', [
            { guid: 'h-1', link: 'https://harbour.example/2026/11/18/what-we-know', date: LAST_WEEK, title: headline, text: 'Sirens sounded across the Kyiv region overnight while talks on air defence deliveries went on in Brussels, officials said.' },
          ]),
          social: rss('social', []),
        },
      },
      {
        now: MONDAYS[2],
        feeds: {
          harbour: rss('harbour', []),
          // an outlet's social feed: each post under a short link whose target is not in it
          social: rss('social', [
            { guid: 's-1', link: 'https://t.co/Ab12Cd34', date: THIS_WEEK, title: headline, text: 'Parliament opened its debate on next year’s budget as talks with the IMF on a new loan went on in Kyiv, officials said.' },
          ]),
        },
      },
    ]);
    expect(itemsOf(first.edition)).toEqual([`harbour|${headline}`]);
    expect(alreadySent(second.edition)).toEqual([]);
    expect(itemsOf(second.edition)).toEqual([`social|${headline}`]);
    expect(second.text).toContain('IMF');
  }, 240_000);

  it('sends a recurring headline under the page it shares each week, its text another, while the same article under a new guid stays out', async () => {
    const page = 'https://harbour.example/live/what-we-know';
    const headline = 'Ukraine war: what we know';
    const [first, second] = await runWeeks([
      {
        now: MONDAYS[1],
        feeds: {
          harbour: rss('harbour', [
            { guid: 'wwk-18', link: page, date: LAST_WEEK, title: headline, text: 'Drones struck the port of Izmail overnight, and talks on a prisoner exchange resumed in Abu Dhabi, officials said.' },
          ]),
        },
      },
      {
        now: MONDAYS[2],
        feeds: {
          harbour: rss('harbour', [
            { guid: 'wwk-25', link: page, date: THIS_WEEK, title: headline, text: 'Parliament passed next year’s budget, and envoys met in Geneva for talks on the grain corridor, officials said.' },
            // last week's, republished by a new CMS under a new guid with a fresh date
            { guid: 'cms2-18', link: page, date: THIS_WEEK, title: headline, text: 'Drones struck the port of Izmail overnight, and talks on a prisoner exchange resumed in Abu Dhabi, officials said.' },
          ]),
        },
      },
    ]);
    expect(itemsOf(first.edition)).toEqual([`harbour|${headline}`]);
    expect(itemsOf(second.edition)).toEqual([`harbour|${headline}`]);
    expect(second.edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((i) => i.guid)))).toEqual(['wwk-25']);
    expect(second.edition.excluded.filter((e) => e.guid === 'cms2-18').map((e) => e.reason)).toEqual(['already-sent']);
    expect(second.text).toContain('Geneva');
  }, 240_000);
});
