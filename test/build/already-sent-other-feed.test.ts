// One article often reaches a digest through two of its feeds: a site's section feed and its "top stories" feed, or
// the outlet's own feed and an aggregator's. Within one edition the copies are one story; the week after, a copy
// that only now turns up in the other feed (an aggregator's fresh date, a "most read" list) is the same article
// the reader already had, known by its link and title, and must not go out again.
import { describe, expect, it } from 'vitest';
import { alreadySent, itemsIn, rssDoc, sentThenNext, WEEK_1, WEEK_2 } from './two-editions.js';

const talks = { title: 'Envoys reopen grain corridor talks in Istanbul', text: 'Ukrainian and Turkish envoys reopened talks in Istanbul about the grain corridor, with UN mediators present.' };
const strike = { title: 'Port workers strike over unpaid wages in Odesa', text: 'Dock workers in Odesa stopped work over three months of unpaid wages, their union said.' };

describe('already-sent across feeds', () => {
  it('leaves out an article sent from one feed when another feed brings it the week after, and keeps what is new', async () => {
    const { first, second } = await sentThenNext(
      {
        harbour: rssDoc('harbour', [{ guid: 'h-101', link: 'https://harbour.example/2026/talks', date: WEEK_1, ...talks }]),
        top: rssDoc('top', []),
      },
      {
        harbour: rssDoc('harbour', [{ guid: 'h-101', link: 'https://harbour.example/2026/talks', date: WEEK_1, ...talks }]),
        top: rssDoc('top', [
          // the same article, linked with a tracking parameter and dated when the list picked it up
          { guid: 'top-7', link: 'https://harbour.example/2026/talks?utm_source=top', date: WEEK_2, ...talks },
          { guid: 'top-9', link: 'https://harbour.example/2026/strike', date: WEEK_2, ...strike },
        ]),
      },
    );
    expect(itemsIn(first)).toEqual([`harbour|${talks.title}`]);
    expect(itemsIn(second)).toEqual([`top|${strike.title}`]);
    expect(alreadySent(second)).toEqual(['top|top-7: in an edition already sent, under another id (same link and title)']);
  }, 240_000);
});
