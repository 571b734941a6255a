// A long article is themed by what it is about, not only by its opening lines: through the real CLI,
// a feature that opens with a scene and reaches its subject after the lead goes to that subject's
// section, and `why` says it was the meaning (no keyword of any theme is in it). Read from its lead
// alone, the scene (cafés, shutters, fish and chips) made it a business story.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline } from '../helpers/cli.js';

const NOW = '2026-05-04T07:00:00Z';
const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-long-article-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// About 70 words that belong to no section, then the story itself.
const SCENE =
  'The wind came in off the sea shortly after six, and the lights along the promenade flickered as families ' +
  'hurried home with fish and chips, umbrellas bent against the rain. By the time the bells of the old church ' +
  'rang seven, the streets were empty, the cafés had pulled their shutters down, and only a few dogs and their ' +
  'owners were still out walking on the sand below the pier.';
const STORY =
  'Inside the stadium, twenty thousand fans sang as the home side, bottom of the table for most of the season, ' +
  'beat the champions by two goals to one. The striker scored twice in the second half, the goalkeeper saved a ' +
  'penalty in the last minute, and the manager ran onto the pitch at the final whistle. The win lifts the club ' +
  'out of the relegation zone with three games left, and the supporters stayed on the terraces long after the ' +
  'referee had blown for time, singing the names of the defenders who had held out through six minutes of added time. ' +
  'It was the first home win since October. The captain, back after a knee injury, said the squad had never stopped ' +
  'believing, and praised the coaching staff for changing the formation at half-time. The visitors, who had not lost ' +
  'away all season, missed two clear chances before the break and had a goal ruled out for offside. Their coach blamed ' +
  'tired legs after a midweek fixture in Europe. Both teams now face a crowded run-in: the champions still lead the ' +
  'title race by four points, while the home side travel north on Saturday to play their closest rivals at the bottom.';

function writeDigest(): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Coast Courier',
    items: [
      {
        id: 'night-by-the-sea',
        url: 'https://courier.example.org/night-by-the-sea',
        title: 'A cold evening on the coast',
        content_html: `<p>${SCENE}</p>\n<p>${STORY}</p>`,
        date_published: '2026-05-03T21:00:00Z',
      },
    ],
  };
  writeFileSync(path.join(dir, 'courier.json'), JSON.stringify(feed));
  const config = `title: The Weekly Round
window: 7d
feeds:
  - name: Coast Courier
    path: courier.json
themes:
  - id: business
    title: Business & economy
    description: Companies, markets, jobs, trade and the wider economy.
    keywords: [company, market, shares, economy, profits, bank, jobs, trade]
  - id: sport
    title: Sport
    description: Football, rugby, tennis and other sports, their matches, players and results.
    keywords: [football, rugby, tennis, match, player, league, cup, championship]
  - id: politics
    title: Politics
    description: Government, parliament, parties, elections and public policy.
    keywords: [government, minister, parliament, election, party, vote, policy, law]
  - id: tech
    title: Technology
    description: Computers, the internet, phones, gadgets and software.
    keywords: [technology, computer, internet, software, mobile, phone, online, digital]
other: Other news
email:
  from: "The Weekly Round <digest@example.org>"
  subject: "{title} · {date}: {lead}"
  baseUrl: https://digest.example.org
state: state
`;
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, config);
  return file;
}

describe('a long article whose subject comes after its opening', () => {
  it('goes to the section of what it is about, with the meaning as the reason', async () => {
    const out = path.join(dir, 'out');
    const { result: r, edition: built } = await buildOffline(writeDigest(), NOW, out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const edition = built!;
    const placed = edition.sections.flatMap((s) => s.stories.map((story) => ({ section: s.id, story })));
    expect(placed).toHaveLength(1);
    expect(placed[0].section).toBe('sport');
    expect(placed[0].story.why.some((w) => w.startsWith('keyword:'))).toBe(false);
    expect(placed[0].story.why.some((w) => /^meaning closer to this theme by \d\.\d\d$/.test(w))).toBe(true);
  });
});
