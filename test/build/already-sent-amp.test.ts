// Publishers and aggregators link to an article's AMP copy as often as to the article (…/amp, amp.site, ?outputType=amp,
// .amp.html). A sent article that comes back the week after under its AMP link (a new id, a Google News or
// "top stories" feed) is the article the reader already had.
import { describe, expect, it } from 'vitest';
import { alreadySent, itemsIn, rssDoc, sentThenNext, WEEK_1, WEEK_2 } from './two-editions.js';

const talks = { title: 'Envoys reopen grain corridor talks in Istanbul', text: 'Ukrainian and Turkish envoys reopened talks in Istanbul about the grain corridor, with UN mediators present.' };
const drones = { title: 'Drone factory opens near Lviv with Danish money', text: 'A factory built with Danish funds began making long-range drones near Lviv, the defence ministry said.' };
const budget = { title: 'Parliament passes the wartime budget after a long debate', text: 'Deputies passed the wartime budget after a debate that ran through the night, the speaker said.' };
const rail = { title: 'Rail line to Kharkiv reopens after repairs', text: 'Trains ran again between Kyiv and Kharkiv after three weeks of repairs to a bridge, the railway said.' };
const strike = { title: 'Port workers strike over unpaid wages in Odesa', text: 'Dock workers in Odesa stopped work over three months of unpaid wages, their union said.' };

describe('already-sent under an AMP link', () => {
  it('leaves out a sent article brought back by its AMP link, and keeps what is new', async () => {
    const { first, second } = await sentThenNext(
      {
        harbour: rssDoc('harbour', [
          { guid: 'h-1', link: 'https://harbour.example/2026/talks', date: WEEK_1, ...talks },
          { guid: 'h-2', link: 'https://harbour.example/2026/drones', date: WEEK_1, ...drones },
          { guid: 'h-3', link: 'https://harbour.example/2026/budget', date: WEEK_1, ...budget },
          { guid: 'h-4', link: 'https://harbour.example/news/rail-62811.html', date: WEEK_1, ...rail },
        ]),
      },
      {
        harbour: rssDoc('harbour', [
          { guid: 'a-1', link: 'https://harbour.example/2026/talks/amp/', date: WEEK_2, ...talks },
          { guid: 'a-2', link: 'https://amp.harbour.example/2026/drones', date: WEEK_2, ...drones },
          { guid: 'a-3', link: 'https://harbour.example/2026/budget?outputType=amp', date: WEEK_2, ...budget },
          { guid: 'a-4', link: 'https://harbour.example/news/rail-62811.amp.html', date: WEEK_2, ...rail },
          { guid: 'a-5', link: 'https://harbour.example/2026/strike', date: WEEK_2, ...strike },
        ]),
      },
    );
    expect(itemsIn(first)).toHaveLength(4);
    expect(itemsIn(second)).toEqual([`harbour|${strike.title}`]);
    expect(alreadySent(second).map((s) => s.split(':')[0])).toEqual(['harbour|a-1', 'harbour|a-2', 'harbour|a-3', 'harbour|a-4']);
  }, 240_000);
});
