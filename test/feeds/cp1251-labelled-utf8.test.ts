// A Ukrainian feed in windows-1251 that a server (charset=utf-8, its default for text) or its own declaration calls
// UTF-8. Its bytes are not UTF-8, but a capital letter before і, ї, є or a closing » makes a valid UTF-8 pair by
// chance ("Ві" in "Війна", "Він", "Вінниця" is C2 B3, "³"), and one such pair was taken for UTF-8 with stray bytes:
// every other letter of the feed was read as windows-1252, and "Війна" came out as "³éíà". A UTF-8 byte-order mark
// before such bytes (a template saved with one) read them as windows-1252 whatever they held.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildServedFeeds } from '../helpers/served-feeds.js';

const item = (n: number, title: string) =>
  `<item><title>${title}</title><link>https://vinnytsia.example/${n}</link><guid>v${n}</guid><pubDate>Fri, 20 Nov 2026 1${n}:00:00 GMT</pubDate><description>${title}. Він сказав, що Віталій повернувся до Вінниці.</description></item>`;
const feed = (declaration: string, title: string, n: number) =>
  iconv.encode(`<?xml version="1.0" encoding="${declaration}"?><rss version="2.0"><channel><title>Новини Вінниці</title><link>https://vinnytsia.example/</link>${item(n, title)}</channel></rss>`, 'windows-1251');

describe('a windows-1251 feed labelled UTF-8', () => {
  it('is read as windows-1251, whether the server, the declaration or a byte-order mark says UTF-8', async () => {
    const byServer = 'Війна: ракети влучили у Вінницю, повідомили в ОВА';
    const byDeclaration = 'Війна: ракети збили над Житомиром, каже Віталій Кличко';
    const byMark = 'Ракети над Києвом: Україна просить у партнерів ППО';
    const built = await buildServedFeeds(
      {
        Server: { body: feed('windows-1251', byServer, 1), contentType: 'application/rss+xml; charset=utf-8' },
        Declaration: { body: feed('utf-8', byDeclaration, 2), contentType: 'application/rss+xml' },
        Mark: { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), feed('windows-1251', byMark, 3)]), contentType: 'application/rss+xml' },
      },
      { keywords: ['ракети'] },
    );
    expect(built.run.code, built.run.stderr).toBe(0);
    const titles = built.edition!.sections.flatMap((s) => s.stories.flatMap((st) => st.items.map((it) => it.title))).sort();
    expect(titles).toEqual([byDeclaration, byMark, byServer].sort());
  }, 120_000);
});
