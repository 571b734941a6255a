// Reports with text that share little are two events: through the real CLI, a general week of one-line teasers
// (invented outlets and companies), where most reports name nobody and share no word with the rest. There the
// edition's background hardly spreads, and one word two teasers happen to share lifted them over the threshold:
// "How low can the pound go?" and "A low supply of eggs keeps breakfast prices high" were one story, and so were two
// reports that name one company and nothing else of each other. Stories are drawn more strictly than sections
// (src/pipeline/strict-stories.ts): such a pair counts THIN_SHARE of its shared words (src/cluster/similarity.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from './stories-by-title.js';
import type { EvalSet } from '../eval/set-format.js';
import { UNRELATED_TEASERS, teaserItems, teaserWeek } from './teaser-week.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-thin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [title, teaser] per report; each is an event of its own unless a pair below says otherwise */
const WEEK: [string, string][] = [
  ['How low can the pound go?', 'Will traders keep dumping sterling this spring?'],
  ['A low supply of eggs keeps breakfast prices high', 'Laying flocks are at their smallest in a decade, and shops are rationing cartons.'],
  ['Veltro shuts down its podcast app', 'Veltro tells listeners to move their shows elsewhere by June.'],
  ['Regulators fine Veltro over hotel search rankings', 'Veltro must pay after a two-year inquiry into how rival booking sites were shown.'],
  ['Hallcrest raises its dividend after a strong winter quarter', 'The brewer said beer sales beat forecasts in every region.'],
  ['Brewer Hallcrest lifts payout as winter beer sales beat forecasts', 'Hallcrest will pay shareholders 12 cents more a share after its best winter.'],
  ...UNRELATED_TEASERS,
];

/** Pairs that share only common words or one name: two events each. */
const APART: [string, string][] = [
  ['How low can the pound go?', 'A low supply of eggs keeps breakfast prices high'],
  ['Veltro shuts down its podcast app', 'Regulators fine Veltro over hotel search rankings'],
];
/** Two reports of one event that share a name and more: one story. */
const TOGETHER: [string, string] = ['Hallcrest raises its dividend after a strong winter quarter', 'Brewer Hallcrest lifts payout as winter beer sales beat forecasts'];

function generalWeek(): EvalSet {
  const rows = WEEK.map(([title, text]): [string, string, string | null] => [title, text, TOGETHER.includes(title) ? 'hallcrest' : null]);
  return teaserWeek('thin', teaserItems('thin', rows));
}

let storyOf: Map<string, number>;

beforeAll(async () => {
  storyOf = await buildStories(generalWeek(), dir);
}, 120_000);

describe('reports with text that share little are two events', () => {
  it.each(APART)('"%s" and "%s" are two stories', (a, b) => {
    expect(storyOf.get(a)).toBeDefined();
    expect(storyOf.get(b)).toBeDefined();
    expect(storyOf.get(a)).not.toBe(storyOf.get(b));
  });

  it('two reports that share a name and more words are one story', () => {
    expect(storyOf.get(TOGETHER[0])).toBeDefined();
    expect(storyOf.get(TOGETHER[0])).toBe(storyOf.get(TOGETHER[1]));
  });
});
