// A broken feed that gives one guid (Atom id, JSON Feed id) to different articles: each article is kept, told apart
// by its link, with the same keys every time the document is read; an item repeated whole is still one item.
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { buildServedFeeds, rssOf } from '../helpers/served-feeds.js';

const DATE = 'Fri, 20 Nov 2026 10:00:00 GMT';

function rssItem(guid: string, link: string, title: string, body: string): string {
  return `<item><title>${title}</title><link>${link}</link><guid isPermaLink="false">${guid}</guid><pubDate>${DATE}</pubDate><description>${body}</description></item>`;
}

// three different articles under the site's home page as their guid, the second one repeated whole
const ONE_GUID = rssOf(
  'Wire',
  rssItem('https://wire.example/', 'https://wire.example/news/missiles', 'Missiles reach Kyiv air base', 'Long-range missiles reached an air base near Kyiv on Friday, officials said.') +
    rssItem('https://wire.example/', 'https://wire.example/news/tanks', 'Tank brigade trains in Poland', 'A new tank brigade began training in Poland on Friday, the ministry said.') +
    rssItem('https://wire.example/', 'https://wire.example/news/tanks', 'Tank brigade trains in Poland', 'A new tank brigade began training in Poland on Friday, the ministry said.') +
    rssItem('https://wire.example/', 'https://wire.example/news/drones', 'Drone factory opens in Lviv', 'A drone factory opened in Lviv on Friday, its owners said.'),
);

// a well-made feed: its own guids stay the keys
const GOOD = rssOf(
  'Brief',
  rssItem('b-1', 'https://brief.example/1', 'Grain ships leave Odesa port', 'Three grain ships left the port of Odesa on Friday under escort.') +
    rssItem('b-2', 'https://brief.example/2', 'Missiles reach Kyiv air base', 'Long-range missiles reached an air base near Kyiv on Friday, officials said.'),
);

/** feed → every item key the edition accounts for (stories and left out), with why each left-out one went */
function keysOf(edition: Edition, feed: string): { inStories: string[]; excluded: string[] } {
  const inStories = edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items)).filter((it) => it.feed === feed).map((it) => it.guid);
  const excluded = edition.excluded.filter((e) => e.feed === feed).map((e) => `${e.reason}: ${e.guid}`);
  return { inStories: inStories.sort(), excluded: excluded.sort() };
}

describe('a feed that gives one guid to different articles', () => {
  it('keeps each article, keyed by its link, the same way every time, and says so in the feed status', async () => {
    const first = await buildServedFeeds({ Wire: ONE_GUID, Brief: GOOD }, { keywords: ['missiles', 'tank', 'drone', 'grain'] });
    expect(first.run.code, first.run.stderr).toBe(0);
    const wire = keysOf(first.edition!, 'wire');
    // the three articles are all in the edition; the copy of the second is a duplicate of it, not a fourth article
    expect(wire.inStories).toEqual(['https://wire.example/news/drones', 'https://wire.example/news/missiles', 'https://wire.example/news/tanks']);
    expect(wire.excluded).toEqual(['duplicate: https://wire.example/news/tanks']);
    // a feed with unique guids keeps them as its keys
    const brief = keysOf(first.edition!, 'brief');
    expect([...brief.inStories, ...brief.excluded.map((e) => e.replace(/^[^:]+: /, ''))].sort()).toEqual(['b-1', 'b-2']);

    // reported with the feed, which still counts as ok
    const report = first.edition!.feeds.find((f) => f.id === 'wire')!;
    expect(report).toMatchObject({ status: 'ok', items: 4, sharedGuids: 4 });
    expect(first.edition!.feeds.find((f) => f.id === 'brief')).not.toHaveProperty('sharedGuids');
    expect(first.run.stderr).toMatch(/^note: feed "wire": ok \(4 items sharing a guid with other articles, told apart by link\), 4 items$/m);
    expect(first.run.stderr).not.toMatch(/feed "brief"/);

    // the same document read again gives the same keys (already-sent and first-seen records depend on them)
    const again = await buildServedFeeds({ Wire: ONE_GUID, Brief: GOOD }, { keywords: ['missiles', 'tank', 'drone', 'grain'] });
    expect(keysOf(again.edition!, 'wire')).toEqual(wire);
  });

  it('keeps each article of a feed that gives them all one link too (with one guid, or none), told apart by title', async () => {
    const home = (guid: string | null, title: string, body: string) =>
      `<item><title>${title}</title><link>https://home.example/</link>${guid ? `<guid>${guid}</guid>` : ''}<pubDate>${DATE}</pubDate><description>${body}</description></item>`;
    const oneLink = rssOf(
      'Home',
      home('https://home.example/', 'Missiles reach Kyiv air base', 'Long-range missiles reached an air base near Kyiv on Friday, officials said.') +
        home('https://home.example/', 'Tank brigade trains in Poland', 'A new tank brigade began training in Poland on Friday, the ministry said.') +
        home('https://home.example/', 'Tank brigade trains in Poland', 'A new tank brigade began training in Poland on Friday, the ministry said.'),
    );
    const noGuid = rssOf(
      'Bare',
      home(null, 'Drone factory opens in Lviv', 'A drone factory opened in Lviv on Friday, its owners said.') +
        home(null, 'Grain ships leave Odesa port', 'Three grain ships left the port of Odesa on Friday under escort.'),
    );
    const titlesOf = (edition: Edition, feed: string) =>
      edition.sections.flatMap((s) => s.stories.flatMap((st) => st.items)).filter((it) => it.feed === feed).map((it) => it.title).sort();
    const first = await buildServedFeeds({ Home: oneLink, Bare: noGuid }, { keywords: ['missiles', 'tank', 'drone', 'grain'] });
    expect(first.run.code, first.run.stderr).toBe(0);
    expect(titlesOf(first.edition!, 'home')).toEqual(['Missiles reach Kyiv air base', 'Tank brigade trains in Poland']);
    expect(titlesOf(first.edition!, 'bare')).toEqual(['Drone factory opens in Lviv', 'Grain ships leave Odesa port']);
    // the copy of the second article is still one article
    expect(first.edition!.excluded.map((e) => [e.feed, e.reason, e.title])).toEqual([['home', 'duplicate', 'Tank brigade trains in Poland']]);
    expect(first.edition!.feeds.map((f) => [f.id, f.status, f.sharedLinks])).toEqual([['home', 'ok', 3], ['bare', 'ok', 2]]);
    expect(first.run.stderr).toMatch(/^note: feed "bare": ok \(2 items sharing a link with other articles, told apart by title\), 2 items$/m);
    const again = await buildServedFeeds({ Home: oneLink, Bare: noGuid }, { keywords: ['missiles', 'tank', 'drone', 'grain'] });
    expect(keysOf(again.edition!, 'home')).toEqual(keysOf(first.edition!, 'home'));
    expect(keysOf(again.edition!, 'bare')).toEqual(keysOf(first.edition!, 'bare'));
  });

  it('does the same for an Atom feed whose entries share an id, and a JSON Feed whose items share an id', async () => {
    const entry = (link: string, title: string, body: string) =>
      `<entry><id>urn:uuid:1</id><title>${title}</title><link href="${link}"/><updated>2026-11-20T10:00:00Z</updated><summary>${body}</summary></entry>`;
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atomic</title><id>urn:feed</id><updated>2026-11-20T10:00:00Z</updated>${entry('https://atomic.example/a', 'Missiles reach Kyiv air base', 'Long-range missiles reached an air base near Kyiv on Friday.')}${entry('https://atomic.example/b', 'Drone factory opens in Lviv', 'A drone factory opened in Lviv on Friday.')}</feed>`;
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Jason',
      items: [
        { id: '7', url: 'https://jason.example/a', title: 'Tank brigade trains in Poland', content_text: 'A new tank brigade began training in Poland on Friday.', date_published: '2026-11-20T10:00:00Z' },
        { id: '7', url: 'https://jason.example/b', title: 'Grain ships leave Odesa port', content_text: 'Three grain ships left the port of Odesa on Friday.', date_published: '2026-11-20T10:00:00Z' },
      ],
    });
    const built = await buildServedFeeds({ Atomic: atom, Jason: json }, { keywords: ['missiles', 'tank', 'drone', 'grain'] });
    expect(built.run.code, built.run.stderr).toBe(0);
    expect(keysOf(built.edition!, 'atomic')).toEqual({ inStories: ['https://atomic.example/a', 'https://atomic.example/b'], excluded: [] });
    expect(keysOf(built.edition!, 'jason')).toEqual({ inStories: ['https://jason.example/a', 'https://jason.example/b'], excluded: [] });
    expect(built.edition!.feeds.map((f) => [f.id, f.status, f.sharedGuids])).toEqual([['atomic', 'ok', 2], ['jason', 'ok', 2]]);
  });
});
