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
});
