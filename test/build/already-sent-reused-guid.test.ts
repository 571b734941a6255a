// A guid names an article only as long as the feed keeps it to that article. Some feeds do not: a feed of one item
// whose guid is the site's home page, a CMS moved to a new database whose post ids start again at 1. An item under a
// sent guid whose link and title are both another article's is that other article, new, and goes out; one that keeps
// its link or its title (a corrected headline, a slug changed) is the article the reader already had.
import { describe, expect, it } from 'vitest';
import { alreadySent, itemsIn, rssDoc, sentThenNext, WEEK_1, WEEK_2 } from './two-editions.js';

const talks = { title: 'Envoys reopen grain corridor talks in Istanbul', text: 'Ukrainian and Turkish envoys reopened talks in Istanbul about the grain corridor, with UN mediators present.' };
const drones = { title: 'Drone factory opens near Lviv with Danish money', text: 'A factory built with Danish funds began making long-range drones near Lviv, the defence ministry said.' };
const strike = { title: 'Port workers strike over unpaid wages in Odesa', text: 'Dock workers in Odesa stopped work over three months of unpaid wages, their union said.' };
const budget = { title: 'Parliament passes the wartime budget after a long debate', text: 'Deputies passed the wartime budget after a debate that ran through the night, the speaker said.' };
const rail = { title: 'Rail line to Kharkiv reopens after repairs', text: 'Trains ran again between Kyiv and Kharkiv after three weeks of repairs to a bridge, the railway said.' };

describe('already-sent under a reused guid', () => {
  it('keeps a new article under a sent guid, and leaves out the sent one with its headline corrected or its slug changed', async () => {
    const { first, second } = await sentThenNext(
      {
        // a feed of the latest alert only, under the site's home page
        alert: rssDoc('alert', [{ guid: 'https://alert.example/', link: 'https://alert.example/2026/strike', date: WEEK_1, ...strike }]),
        harbour: rssDoc('harbour', [
          { guid: 'post-1', link: 'https://harbour.example/2026/talks', date: WEEK_1, ...talks },
          { guid: 'post-2', link: 'https://harbour.example/2026/drones', date: WEEK_1, ...drones },
          { guid: 'post-3', link: 'https://harbour.example/2026/budget', date: WEEK_1, ...budget },
        ]),
      },
      {
        alert: rssDoc('alert', [{ guid: 'https://alert.example/', link: 'https://alert.example/2026/rail', date: WEEK_2, ...rail }]),
        harbour: rssDoc('harbour', [
          // corrected headline, same page; and the same headline on a new slug
          { guid: 'post-1', link: 'https://harbour.example/2026/talks', date: WEEK_2, ...talks, title: 'Envoys reopen grain corridor talks in Ankara' },
          { guid: 'post-2', link: 'https://harbour.example/2026/drone-factory-lviv', date: WEEK_2, ...drones },
          // a new database: post 3 is another article now
          { guid: 'post-3', link: 'https://harbour.example/2026/strike-odesa', date: WEEK_2, ...strike, title: 'Odesa dock strike ends with a pay deal' },
        ]),
      },
    );
    expect(itemsIn(first)).toEqual([`alert|${strike.title}`, `harbour|${budget.title}`, `harbour|${drones.title}`, `harbour|${talks.title}`].sort());
    expect(itemsIn(second)).toEqual([`alert|${rail.title}`, 'harbour|Odesa dock strike ends with a pay deal']);
    expect(alreadySent(second)).toEqual(['harbour|post-1: in an edition already sent', 'harbour|post-2: in an edition already sent']);
  }, 240_000);
});
