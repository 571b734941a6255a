// A site that moves to https (or drops its "www.") gives every item a new link, and a feed whose guids are the links
// new guids too: the articles of last week's edition, still in the feed with their date bumped, must not go out again.
import { describe, expect, it } from 'vitest';
import { alreadySent, itemsIn, rssDoc, sentThenNext, WEEK_1, WEEK_2 } from './two-editions.js';

const talks = { title: 'Envoys reopen grain corridor talks in Istanbul', text: 'Ukrainian and Turkish envoys reopened talks in Istanbul about the grain corridor, with UN mediators present.' };
const drones = { title: 'Drone factory opens near Lviv with Danish money', text: 'A factory built with Danish funds began making long-range drones near Lviv, the defence ministry said.' };
const strike = { title: 'Port workers strike over unpaid wages in Odesa', text: 'Dock workers in Odesa stopped work over three months of unpaid wages, their union said.' };

describe('already-sent when a site moves to https', () => {
  it('leaves out a sent item whose guid and link moved from http:// to https:// (or lost www.), and keeps the new one', async () => {
    const { first, second } = await sentThenNext(
      {
        harbour: rssDoc('harbour', [
          { guid: 'http://harbour.example/2026/talks', link: 'http://harbour.example/2026/talks', date: WEEK_1, ...talks },
          { guid: 'http://www.harbour.example/2026/drones', link: 'http://www.harbour.example/2026/drones', date: WEEK_1, ...drones },
        ]),
      },
      {
        harbour: rssDoc('harbour', [
          { guid: 'https://harbour.example/2026/talks', link: 'https://harbour.example/2026/talks', date: WEEK_2, ...talks },
          { guid: 'https://harbour.example/2026/drones', link: 'https://harbour.example/2026/drones', date: WEEK_2, ...drones },
          { guid: 'https://harbour.example/2026/strike', link: 'https://harbour.example/2026/strike', date: WEEK_2, ...strike },
        ]),
      },
    );
    expect(itemsIn(first)).toEqual([`harbour|${drones.title}`, `harbour|${talks.title}`]);
    expect(itemsIn(second)).toEqual([`harbour|${strike.title}`]);
    expect(alreadySent(second)).toEqual([
      'harbour|https://harbour.example/2026/drones: in an edition already sent, under another id (same link and title)',
      'harbour|https://harbour.example/2026/talks: in an edition already sent, under another id (same link and title)',
    ]);
  }, 240_000);
});
