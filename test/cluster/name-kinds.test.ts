// Two reports that name things of no common kind are silent on each other's names: through the real CLI, a general
// week of one-line teasers (invented outlets, bureaus and firms). One report of a jobs release names the bureau that
// published it, the other the country and its figures; they shared the event's words but no name, and the names
// factor (src/cluster/similarity.ts) scaled the pair down to its floor as if the names disagreed. Two reports that
// name things of one kind and name them differently (two countries' central banks) still disagree.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from './stories-by-title.js';
import type { EvalSet } from '../eval/set-format.js';
import { UNRELATED_TEASERS, teaserItems, teaserWeek, weekTime } from './teaser-week.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-kinds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [title, teaser, event] per report; null: an event of its own */
const WEEK: [string, string, string | null][] = [
  ['Hiring slowed sharply last month, the statistics bureau says', 'Employers added far fewer jobs than economists had expected, according to figures the Tallis Bureau published on Friday.', 'jobs'],
  ['Canada added just 9,000 jobs last month, far below forecasts', 'Economists had expected hiring to pick up; the jobless rate rose to 7.1 percent.', 'jobs'],
  ['Norway’s central bank holds its key rate at 4.5 percent', 'Policymakers in Oslo said inflation was still too high to ease.', 'norway-rate'],
  ['Sweden’s central bank leaves its key rate unchanged as inflation nears target', 'Stockholm’s policymakers will wait for spring wage deals before cutting.', 'sweden-rate'],
  ...UNRELATED_TEASERS.map(([title, text]): [string, string, string | null] => [title, text, null]),
];

function generalWeek(): EvalSet {
  // the two releases' and the two rate decisions' reports on one morning; the rest through the week
  const time = (k: number) => (k < 4 ? `2027-03-05T${String(7 + k).padStart(2, '0')}:00:00Z` : weekTime(k));
  return teaserWeek('kinds', teaserItems('kinds', WEEK, time));
}

let storyOf: Map<string, number>;

beforeAll(async () => {
  storyOf = await buildStories(generalWeek(), dir);
}, 120_000);

describe('names of no common kind are no disagreement', () => {
  it('a report naming the bureau and one naming the country and its figures are one story', () => {
    const [bureau, country] = [WEEK[0][0], WEEK[1][0]];
    expect(storyOf.get(bureau)).toBeDefined();
    expect(storyOf.get(bureau)).toBe(storyOf.get(country));
  });

  it('two countries’ central banks holding their rates are two stories', () => {
    const [norway, sweden] = [WEEK[2][0], WEEK[3][0]];
    expect(storyOf.get(norway)).toBeDefined();
    expect(storyOf.get(sweden)).toBeDefined();
    expect(storyOf.get(norway)).not.toBe(storyOf.get(sweden));
  });
});
