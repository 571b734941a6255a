// A story keeps a link when one of its items has one: a feed may give an item none (RSS allows it), and when that
// item is the story's face, the story's link comes from another of its items. Through the CLI, feeds over HTTP.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildServedFeeds, rssOf } from '../helpers/served-feeds.js';

vi.setConfig({ testTimeout: 180_000 });

const BODY = 'A missile strike on the Lviv power station cut electricity to 200,000 homes on Tuesday night, the regional governor Maksym Kozytskyi said.';

describe('a story whose face has no link', () => {
  it('takes its link from another item of the story', async () => {
    const feeds = {
      // the face: a headline that tells, with no <link>
      Ledger: rssOf('Ledger', `<item><title>Missile strike on Lviv power station cuts electricity to 200,000 homes</title><guid isPermaLink="false">l1</guid><pubDate>Tue, 17 Nov 2026 22:00:00 GMT</pubDate><description>${BODY}</description></item>`),
      // the same event, headlined by a question (never the face beside a headline that tells), with a link
      Courier: rssOf('Courier', `<item><title>Can Lviv keep the lights on after the missile strike on its power station?</title><link>https://courier.example/lviv-power-station</link><guid>c1</guid><pubDate>Tue, 17 Nov 2026 23:00:00 GMT</pubDate><description>${BODY}</description></item>`),
    };
    const { run, folder, edition } = await buildServedFeeds(feeds, { keywords: ['missile'], now: '2026-11-20T07:00:00Z' });
    expect(run.code, run.stderr).toBe(0);
    const stories = edition!.sections.flatMap((s) => s.stories);
    expect(stories).toHaveLength(1);
    expect(stories[0].title).toBe('Missile strike on Lviv power station cuts electricity to 200,000 homes');
    expect(stories[0].url).toBe('https://courier.example/lviv-power-station');
    expect(readFileSync(path.join(folder!, 'digest.html'), 'utf8')).toContain('href="https://courier.example/lviv-power-station"');
    expect(readFileSync(path.join(folder!, 'digest.txt'), 'utf8')).toContain('https://courier.example/lviv-power-station');
  });
});
