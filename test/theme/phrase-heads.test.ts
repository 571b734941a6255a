// A word of a theme's keyword phrase, in a headline, is part of that keyword: its last word half ("missiles" for
// "ballistic missile"), another a quarter ("drones" for "drone attack"), through the whole build; a word of phrases of two
// themes ("minister": "foreign minister", "prime minister") counts for neither, and one only in the text for nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline, placeOf } from '../helpers/cli.js';
import { rssFeed, type FeedItem } from '../helpers/two-feeds.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-phrase-heads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const items: FeedItem[] = [
  ['Italy to send more SAMP/T missiles to Kyiv', '', '2026-11-16T08:00:00Z'],
  ['City council approves next year’s budget', '', '2026-11-17T09:00:00Z'],
  ['Minister resigns after hospital contract scandal', '', '2026-11-18T10:00:00Z'],
  ['Germany ships defense radars to Kyiv', '', '2026-11-20T12:00:00Z'],
  ['Drones knock out power in Odesa', '', '2026-11-21T06:00:00Z'],
  ['Rome hosts a chess festival', 'Players and missiles of wit: the organisers promise a lively week of openings.', '2026-11-19T11:00:00Z'],
].map(([title, body, date], i) => ({ id: `w${i}`, title, body, date, link: `https://wire.test.example/${i}` }));
writeFileSync(path.join(dir, 'wire.xml'), rssFeed(items));
const cfg = path.join(dir, 'digest.config.yaml');
writeFileSync(
  cfg,
  `title: Diplomacy Watch\ntimezone: UTC\nwindow: 7d\nfeeds:\n  - name: Wire\n    path: wire.xml\n` +
    `themes:\n` +
    `  - id: war\n    title: War\n    description: The fighting and the arms.\n    keywords: [ballistic missile, air defence, drone attack, shelling]\n` +
    `  - id: talks\n    title: Talks\n    description: Efforts to end the war.\n    keywords: [foreign minister, peace talks, sanctions, summit]\n` +
    `  - id: home\n    title: Politics\n    description: What governments and parliaments decide.\n    keywords: [prime minister, parliament, state budget, vote]\n` +
    `other: Other news\nstate: state\n`,
);

describe('the words of a keyword phrase', () => {
  it('count in a headline as part of the phrase, for the one theme whose phrases hold them', async () => {
    const { result, edition } = await buildOffline(cfg, '2026-11-23T07:00:00Z', path.join(dir, 'out'));
    if (!edition) throw new Error(result.stderr);
    const why = (title: string) => {
      const { section, why } = placeOf(edition, title);
      return { section, why: why.join(' | ') };
    };
    expect(why(items[0].title)).toMatchObject({ section: 'war' });
    expect(why(items[0].title).why).toContain('keyword: ballistic missile (title, as "missiles")');
    expect(why(items[1].title)).toMatchObject({ section: 'home' });
    expect(why(items[1].title).why).toContain('keyword: state budget (title, as "budget")');
    expect(why(items[2].title).why).not.toMatch(/keyword: (foreign|prime) minister/);
    // the other spelling of a head, as of a keyword
    expect(why(items[3].title).why).toContain('keyword: air defence (title, as "defense")');
    // another word of a phrase counts too, as a quarter of it
    expect(why(items[4].title).why).toContain('keyword: drone attack (title, as "drones")');
    expect(why(items[5].title).why).not.toContain('keyword: ballistic missile');
  });
});
