// What a feed's dates do to a run of weekly editions. A date is the publisher's word, and two kinds of it are wrong:
// a date ahead of the edition (a wrong clock or zone, an event's date) kept the item out until that day came, and out
// of every edition when the feed dropped it sooner; and an archive republished with fresh dates (a CMS migration, a
// "re-publish all") brought dozens of old articles back as this week's news. Roundup places an item by its date or by
// when it first saw the item in the feed, whichever is earlier: it existed then, whatever its date says.
import { describe, expect, it } from 'vitest';
import { itemsOf, leftOut, MONDAYS, rss, runWeeks, type RssItem } from './weeks-served.js';

// an outlet's October, republished in November
const ARCHIVE: [string, string][] = [
  ['Odesa port reopens berth after drone damage', 'Engineers restored the damaged berth in Odesa and the first grain ship loaded there on Tuesday.'],
  ['Kharkiv metro extends night service for shelters', 'The city extended the hours its underground stations stay open as shelters during air raids.'],
  ['Parliament passes bill on veterans housing', 'Lawmakers approved a programme of flats for returning soldiers and their families.'],
  ['Lviv opens a rehabilitation hospital for amputees', 'The new clinic fits prosthetic limbs and trains physiotherapists from across the region.'],
  ['Central bank holds its key rate at thirteen percent', 'Policymakers kept borrowing costs unchanged, citing inflation that is slowing more than expected.'],
  ['Poland and Ukraine agree on a new border crossing', 'A road crossing for lorries is to open next spring near the town of Rava-Ruska.'],
  ['Chernihiv farmers clear mines from wheat fields', 'Sappers and farmers have cleared two thousand hectares so far this autumn.'],
  ['Power grid operator warns of winter blackouts', 'The operator said repairs to substations would not be finished before the first frosts.'],
  ['Kyiv theatre stages its first premiere since the invasion', 'The national opera returned with a new production, its stage lit by generators.'],
  ['Mykolaiv gets running drinking water again', 'A new pipeline from the Dnipro region replaced the one destroyed two years ago.'],
  ['Drone makers in Dnipro double their output', 'Small workshops across the city now assemble more than a thousand drones a month.'],
  ['Schools in Zaporizhzhia move classes underground', 'Pupils study in basements fitted out as classrooms while the city is shelled.'],
];

/** ARCHIVE[n] as an item of the harbour's feed dated `date` */
const article = (n: number, date: string): RssItem => ({ guid: `h-${n}`, link: `https://harbour.example/2026/story-${n}`, date, title: ARCHIVE[n][0], text: ARCHIVE[n][1] });

describe('dates across weekly editions', () => {
  it('sends an item dated days after the edition in the edition that first sees it, and only there', async () => {
    const now = article(0, 'Fri, 20 Nov 2026 10:00:00 +0000');
    // dated Thursday 26 November, seen on Monday 23rd: the publisher's clock or zone is wrong
    const ahead = article(1, 'Thu, 26 Nov 2026 10:00:00 +0000');
    const later = article(2, 'Fri, 27 Nov 2026 10:00:00 +0000');
    const [first, second] = await runWeeks([
      { now: MONDAYS[1], feeds: { harbour: rss('harbour', [ahead, now]) } },
      { now: MONDAYS[2], feeds: { harbour: rss('harbour', [later, ahead, now]) } },
    ]);
    expect(itemsOf(first.edition)).toEqual([`harbour|${now.title}`, `harbour|${ahead.title}`].sort());
    expect(first.text).toContain(ahead.title);
    // its date stays the publisher's; when it was first seen says why it is in this edition
    const ref = first.edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items)).find((i) => i.guid === 'h-1')!;
    expect(ref.published).toBe('2026-11-26T10:00:00.000Z');
    expect(ref.firstSeen).toBe('2026-11-23T05:00:00.000Z');
    expect(itemsOf(second.edition)).toEqual([`harbour|${later.title}`]);
    expect(second.text).not.toContain(ahead.title);
    expect(leftOut(second.edition, 'already-sent')).toEqual(['harbour|h-1']);
  }, 240_000);

  it('does not send an archive republished with fresh dates, and sends what is new beside it', async () => {
    const archive = ARCHIVE.slice(2).map((_, k) => article(2 + k, `${String(1 + k).padStart(2, '0')} Oct 2026 10:00:00 +0000`));
    const current = article(0, 'Fri, 13 Nov 2026 10:00:00 +0000');
    const fresh = article(1, 'Fri, 20 Nov 2026 10:00:00 +0000');
    const [first, second] = await runWeeks([
      { now: MONDAYS[0], feeds: { harbour: rss('harbour', [current, ...archive]) } },
      // the whole archive again, every item dated Sunday 22 November, beside one new article
      { now: MONDAYS[1], feeds: { harbour: rss('harbour', [fresh, current, ...archive.map((a) => ({ ...a, date: 'Sun, 22 Nov 2026 20:00:00 +0000' }))]) } },
    ]);
    expect(itemsOf(first.edition)).toEqual([`harbour|${current.title}`]);
    expect(itemsOf(second.edition)).toEqual([`harbour|${fresh.title}`]);
    expect(second.text).toContain(fresh.title);
    expect(second.text).not.toContain(archive[5].title);
    expect(leftOut(second.edition, 'outside-window')).toEqual(['harbour|h-0', ...archive.map((a) => `harbour|${a.guid}`)].sort());
    const detail = second.edition.excluded.find((e) => e.guid === 'h-5')!.detail;
    expect(detail).toMatch(/first seen 2026-11-16T05:00:00\.000Z/);
  }, 240_000);

  it('does not send an archive republished under new guids with fresh dates (a new CMS), known by its links and titles', async () => {
    const archive = ARCHIVE.slice(2).map((_, k) => article(2 + k, `${String(1 + k).padStart(2, '0')} Oct 2026 10:00:00 +0000`));
    const current = article(0, 'Fri, 13 Nov 2026 10:00:00 +0000');
    const fresh = article(1, 'Fri, 20 Nov 2026 10:00:00 +0000');
    const [, second] = await runWeeks([
      { now: MONDAYS[0], feeds: { harbour: rss('harbour', [current, ...archive]) } },
      // the new CMS numbers every article again and dates them all the day it moved them
      { now: MONDAYS[1], feeds: { harbour: rss('harbour', [fresh, ...[current, ...archive].map((a, k) => ({ ...a, guid: `cms2-${k}`, date: 'Sun, 22 Nov 2026 20:00:00 +0000' }))]) } },
    ]);
    expect(itemsOf(second.edition)).toEqual([`harbour|${fresh.title}`]);
    expect(second.text).not.toContain(archive[5].title);
    // the article sent last week is already sent; the rest were first seen a week ago, before this edition's window
    expect(leftOut(second.edition, 'already-sent')).toEqual(['harbour|cms2-0']);
    expect(leftOut(second.edition, 'outside-window')).toHaveLength(archive.length);
  }, 240_000);
});
