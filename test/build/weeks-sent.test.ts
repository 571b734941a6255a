// "Nothing already sent", across weekly editions, for the ways one article comes back in real feeds under another
// id and another link: its headline edited under a new guid, a wire story under another outlet's link, a Google
// News redirect link. Each week's feeds are served over HTTP and each edition goes to a reader over SMTP.
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { itemsOf, MONDAYS, rss, runWeeks } from './weeks-served.js';

const LAST_WEEK = 'Wed, 18 Nov 2026 09:00:00 +0000';
const THIS_WEEK = 'Wed, 25 Nov 2026 09:00:00 +0000';

/** `feed|guid: detail` of every item the edition left out as already sent, sorted */
function alreadySent(edition: Edition): string[] {
  return edition.excluded.filter((e) => e.reason === 'already-sent').map((e) => `${e.feed}|${e.guid}: ${e.detail ?? ''}`).sort();
}

describe('already-sent across weekly editions', () => {
  it('knows an article by its link when it comes back under a new guid with its headline edited, not a new article under a shared link', async () => {
    const talks = { link: 'https://harbour.example/2026/11/grain-talks', text: 'Ukrainian and Turkish envoys reopened talks in Istanbul about the grain corridor, with UN mediators present.' };
    const live = { link: 'https://harbour.example/live/war', text: 'Sirens sounded across the Kyiv region overnight; the all-clear was given at dawn, the military administration said.' };
    const [first, second] = await runWeeks([
      {
        now: MONDAYS[1],
        feeds: {
          harbour: rss('harbour', [
            { guid: 'cms1-101', date: LAST_WEEK, title: 'Envoys reopen grain corridor talks in Istanbul', ...talks },
            { guid: 'cms1-102', date: LAST_WEEK, title: 'Air raid alert lifted in Kyiv region after night of sirens', ...live },
          ]),
        },
      },
      {
        now: MONDAYS[2],
        feeds: {
          harbour: rss('harbour', [
            // the same page, a new guid from the CMS, the headline sharpened
            { guid: 'cms2-9', date: THIS_WEEK, title: 'Envoys reopen grain corridor talks in Istanbul, UN says', ...talks },
            // the live page again, with this week's news under it
            { guid: 'cms2-10', date: THIS_WEEK, title: 'Parliament approves wartime budget for next year', link: live.link, text: 'Lawmakers passed next year’s budget, two thirds of it for defence, after a night of debate.' },
          ]),
        },
      },
    ]);
    expect(itemsOf(first.edition)).toHaveLength(2);
    expect(itemsOf(second.edition)).toEqual(['harbour|Parliament approves wartime budget for next year']);
    expect(alreadySent(second.edition)).toEqual(['harbour|cms2-9: in an edition already sent, under another id (same link, its headline edited)']);
    expect(second.text).not.toContain('Envoys reopen');
  }, 240_000);

  it('knows a wire story by its headline and text when another outlet brings it under its own link', async () => {
    const wire = 'Ukrainian and Turkish envoys reopened talks in Istanbul on Tuesday about reviving the Black Sea grain corridor, with United Nations mediators present at the table for the first time since the summer.';
    const drones = 'Russia launches massive drone attack on Kyiv';
    const [first, second] = await runWeeks([
      {
        now: MONDAYS[1],
        feeds: {
          courier: rss('courier', [
            { guid: 'c-1', link: 'https://courier.example/world/ap-grain-talks', date: LAST_WEEK, title: 'Envoys reopen grain corridor talks in Istanbul', text: `ISTANBUL (AP) — ${wire}` },
            { guid: 'c-2', link: 'https://courier.example/world/drones-kyiv', date: LAST_WEEK, title: drones, text: 'More than ninety drones flew at the capital overnight; air defence shot down most of them, the air force said on Wednesday morning after the attack ended.' },
          ]),
          harbour: rss('harbour', []),
        },
      },
      {
        now: MONDAYS[2],
        feeds: {
          courier: rss('courier', []),
          harbour: rss('harbour', [
            // the agency's story, printed by the second outlet a week later, under its own address
            { guid: 'h-7', link: 'https://harbour.example/2026/11/25/envoys-reopen-grain-talks', date: THIS_WEEK, title: 'Envoys reopen grain corridor talks in Istanbul', text: wire },
            // the same headline over this week's news
            { guid: 'h-8', link: 'https://harbour.example/2026/11/25/drones-kyiv', date: THIS_WEEK, title: drones, text: 'A second wave of drones struck energy sites around the capital on Tuesday night, cutting power to thousands of homes on the left bank of the river.' },
          ]),
        },
      },
    ]);
    expect(itemsOf(first.edition)).toEqual(['courier|Envoys reopen grain corridor talks in Istanbul', `courier|${drones}`]);
    expect(itemsOf(second.edition)).toEqual([`harbour|${drones}`]);
    expect(alreadySent(second.edition)).toEqual(['harbour|h-7: in an edition already sent, under another link (same headline and text: a wire story)']);
    expect(second.text).not.toContain('Envoys reopen');
  }, 240_000);

  it('knows a sent article when a Google News or Google Alerts feed brings it under a redirect link', async () => {
    const gnews = (items: { id: string; title: string; publisher: string; site: string }[]) =>
      rss(
        'gnews',
        items.map((i) => ({
          guid: i.id,
          link: `https://news.google.com/rss/articles/${i.id}?oc=5`,
          date: THIS_WEEK,
          title: `${i.title} - ${i.publisher}`,
          text: `&lt;a href="https://news.google.com/rss/articles/${i.id}?oc=5"&gt;${i.title}&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;${i.publisher}&lt;/font&gt;`,
          extra: `<source url="https://${i.site}">${i.publisher}</source>`,
        })),
      );
    const [first, second] = await runWeeks([
      {
        now: MONDAYS[1],
        feeds: {
          harbour: rss('harbour', [{ guid: 'h-1', link: 'https://harbour.example/2026/11/grain-talks', date: LAST_WEEK, title: 'Envoys reopen grain corridor talks in Istanbul', text: 'Ukrainian and Turkish envoys reopened talks in Istanbul about the grain corridor, with UN mediators present.' }]),
          gnews: gnews([]),
          alerts: rss('alerts', []),
        },
      },
      {
        now: MONDAYS[2],
        feeds: {
          harbour: rss('harbour', []),
          gnews: gnews([
            { id: 'CBMiWWh0dHBzOi8vaGFyYm91ci5leGFtcGxlLzIwMjYvMTEvZ3JhaW4tdGFsa3PSAQA', title: 'Envoys reopen grain corridor talks in Istanbul', publisher: 'Harbour Daily', site: 'harbour.example' },
            { id: 'CBMiXGh0dHBzOi8vcXVheS5leGFtcGxlLzIwMjYvMTEvcG9ydC1zdHJpa2XSAQA', title: 'Port workers strike over unpaid wages in Odesa talks', publisher: 'Quay News', site: 'quay.example' },
          ]),
          // a Google Alert links through google.com/url, the article's address in its url parameter
          alerts: rss('alerts', [
            {
              guid: 'tag:google.com,2013:googlealerts/feed:1234567890',
              link: 'https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://harbour.example/2026/11/grain-talks&amp;ct=ga&amp;cd=CAIyGg&amp;usg=AOvVaw1',
              date: THIS_WEEK,
              title: 'Envoys reopen grain corridor talks in Istanbul',
              text: 'Ukrainian and Turkish envoys reopened talks in Istanbul about the grain corridor, with UN mediators present.',
            },
          ]),
        },
      },
    ]);
    expect(itemsOf(first.edition)).toEqual(['harbour|Envoys reopen grain corridor talks in Istanbul']);
    expect(itemsOf(second.edition)).toEqual(['gnews|Port workers strike over unpaid wages in Odesa talks']);
    expect(alreadySent(second.edition)).toEqual([
      'alerts|tag:google.com,2013:googlealerts/feed:1234567890: in an edition already sent, under another id (same link and title)',
      'gnews|CBMiWWh0dHBzOi8vaGFyYm91ci5leGFtcGxlLzIwMjYvMTEvZ3JhaW4tdGFsa3PSAQA: in an edition already sent, under a redirect link (same headline)',
    ]);
    expect(second.text).not.toContain('Envoys reopen');
  }, 240_000);
});
