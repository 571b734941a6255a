// A feed served through FeedBurner links each item to a feedproxy.google.com redirect and names the article's own
// address in <feedburner:origLink>. That address is the item's link: the one the email should give, the one other
// feeds give for the article, and the one the site's own feed gives once it stops going through FeedBurner. Read as
// the redirect, last week's articles came back as new when the feed left FeedBurner.
import { describe, expect, it } from 'vitest';
import { alreadySent, itemsIn, rssDoc, sentThenNext, WEEK_1, WEEK_2 } from './two-editions.js';

const talks = { title: 'Envoys reopen grain corridor talks in Istanbul', text: 'Ukrainian and Turkish envoys reopened talks in Istanbul about the grain corridor, with UN mediators present.' };
const strike = { title: 'Port workers strike over unpaid wages in Odesa', text: 'Dock workers in Odesa stopped work over three months of unpaid wages, their union said.' };

describe('FeedBurner links', () => {
  it('reads <feedburner:origLink> as the link, so the article is not sent again when the feed leaves FeedBurner', async () => {
    const { first, second } = await sentThenNext(
      {
        harbour: rssDoc('harbour', [
          {
            guid: 'tag:blogger.com,1999:blog-42.post-101',
            link: 'https://feedproxy.google.com/~r/HarbourWire/~3/Xk2pQ/talks',
            date: WEEK_1,
            extra: '<feedburner:origLink>https://harbour.example/2026/11/talks.html</feedburner:origLink>',
            ...talks,
          },
        ]),
      },
      {
        harbour: rssDoc('harbour', [
          { guid: 'https://harbour.example/2026/11/talks.html', link: 'https://harbour.example/2026/11/talks.html', date: WEEK_2, ...talks },
          { guid: 'https://harbour.example/2026/11/strike.html', link: 'https://harbour.example/2026/11/strike.html', date: WEEK_2, ...strike },
        ]),
      },
    );
    expect(itemsIn(first)).toEqual([`harbour|${talks.title}`]);
    expect(first.sections[0].stories[0].url).toBe('https://harbour.example/2026/11/talks.html');
    expect(itemsIn(second)).toEqual([`harbour|${strike.title}`]);
    expect(alreadySent(second)).toEqual(['harbour|https://harbour.example/2026/11/talks.html: in an edition already sent, under another id (same link and title)']);
  }, 240_000);
});
