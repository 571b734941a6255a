// A headline that the stricter clustering parts from its story (src/pipeline/strict-stories.ts) keeps that story's
// section, unless, in a digest of distinct subjects, its own evidence clearly places it in another theme. In the
// invented aggregator day (test/fixtures/aggregator-q), the looser clustering joined a reality show's headlines and
// an outbreak's flight bans with headlines of other sections, and each whole went where those others' keywords
// pointed: the show under health ("study", "doctors"), the flight bans under business ("deal"). Not between the alike themes of a digest about
// one subject, where a headline's lean from one section to another is one word's: in week l's headlines a tabloid's
// "Bridge bosses 'pocketed millions'", parted from the agency's report of the charge it tells, leans to the money
// theme but stays with the charge in politics. A part that keeps its section says why from its own words, not from
// the other headlines' keywords, and names the report it shares the section with. Through the real CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../eval/build.js';
import { materialise } from '../eval/materialise.js';
import { catalogue } from '../eval/sets.js';
import type { EvalSet } from '../eval/set-format.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-parted-headlines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const load = (name: string) => catalogue().sources.find((s) => s.name === name)!.load();
const day = load('aggregator-q');
const week = load('l-headlines');
const editions = new Map<EvalSet, Edition>();
beforeAll(async () => {
  for (const [name, set] of [['day', day], ['week', week]] as const) {
    editions.set(set, (await buildEdition(materialise(set, path.join(dir, name)), set.meta.now, path.join(dir, `${name}-out`))).edition);
  }
}, 240_000);

/** the section of the story holding the item of this headline */
function sectionOf(set: EvalSet, title: string): string {
  return placeOf(set, title).section;
}

/** the section and the `why` of the story holding the item of this headline */
function placeOf(set: EvalSet, title: string): { section: string; why: string[] } {
  const edition = editions.get(set)!;
  const item = set.items.find((i) => i.title === title);
  if (!item) throw new Error(`no item titled ${JSON.stringify(title)} in the set`);
  const feed = set.feedIds.get(item.outlet);
  const holds = (st: Edition['sections'][number]['stories'][number]) => st.items.some((ref) => ref.feed === feed && ref.guid === item.id);
  const section = edition.sections.find((s) => s.stories.some(holds));
  if (!section) throw new Error(`${JSON.stringify(title)} is in no section`);
  return { section: section.id, why: section.stories.find(holds)!.why };
}

describe('a story the stricter clustering parted from its section’s other headlines', () => {
  it('goes where its own headlines clearly point', () => {
    expect(sectionOf(day, 'Island Hearts star Kezia Moon exits show amid backlash')).toBe('entertainment');
    expect(sectionOf(day, 'Producers confirm Kezia Moon has left Island Hearts')).toBe('entertainment');
    expect(sectionOf(day, 'Marenthia virus: airlines suspend flights to Port Silvan')).toBe('health');
    expect(sectionOf(day, 'Skyrill suspends Marenthia flights over Halden outbreak')).toBe('health');
    // and says where it was
    expect(placeOf(day, 'Island Hearts star Kezia Moon exits show amid backlash').why).toContain('parted from a story under health');
  });

  it('keeps its section between the alike themes of a digest about one subject', () => {
    expect(sectionOf(week, "Bridge bosses 'pocketed millions' meant for war-torn Ukraine")).toBe('politics');
  });

  it('says why from its own words, and names the report it shares its section with', () => {
    const { why } = placeOf(week, "Bridge bosses 'pocketed millions' meant for war-torn Ukraine");
    expect(why.some((w) => w.startsWith('its own words lean to economy'))).toBe(true);
    const shared = why.find((w) => w.startsWith('section shared with "'));
    expect(shared).toBeDefined();
    const politics = editions.get(week)!.sections.find((s) => s.id === 'politics')!;
    const otherTitles = politics.stories.flatMap((st) => st.items.map((i) => i.title)).filter((t) => !/Bridge bosses|Bridges at a premium/.test(t));
    expect(otherTitles.some((t) => shared!.includes(t.slice(0, 40)))).toBe(true);
  });

  it('never cites a title keyword that no headline of the story holds', () => {
    // the looser story's `why` told of its other headlines' words: "keyword: deal (title)" under a latte's price rise
    const loose = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    const cited: string[] = [];
    for (const edition of editions.values()) {
      for (const section of edition.sections) {
        for (const story of section.stories) {
          const titles = loose(story.items.map((i) => i.title).join(' '));
          for (const line of story.why) {
            const m = /^keyword: (.+?) \(title(?:, as "(.+?)")?\)/.exec(line);
            if (!m) continue;
            const word = loose(m[2] ?? m[1]);
            // simple inflections: "drones" is cited for "drone"
            if (!titles.includes(word.slice(0, Math.max(3, word.length - 3)))) cited.push(`${story.title}: ${line}`);
          }
        }
      }
    }
    expect(cited).toEqual([]);
  });
});
