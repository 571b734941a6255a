// How amounts count when reports of one event are compared, through the real CLI on headline-only feeds.
//
// 1. Amounts written with a decimal comma ("€2,5 bn", "6,5 percent": a non-native English edition, and most of
// Europe) are the same amounts as "2.5 billion" and "6.5%": through the real CLI, on set c read as headline-only
// feeds, the Bundestag's vote and the Rada's levy each become one story with the other outlets' reports of
// them. Before, "2,5" was a term of its own, the reports shared no amount, and the names factor (they name
// amounts, none shared) kept them apart.
// 2. A headline that gives no amount does not disagree with one that does: in the fixture week read as
// headline-only feeds, "Freed POWs describe conditions in Russian captivity after exchange" is one more
// report of the swap of 95 prisoners each. Before, the 95 the others gave and it did not counted against it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from './stories-by-title.js';
import { catalogue } from '../eval/sets.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-decimal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sets = catalogue().sources;
const setC = sets.find((s) => s.name === 'c-headlines')!.load();
const setA = sets.find((s) => s.name === 'a-headlines')!.load();
let storyOf: Map<string, number>;


beforeAll(async () => {
  const stories = new Map<string, number>();
  for (const [name, set] of [['c', setC], ['a', setA]] as const) {
    // story numbers of the two editions kept apart
    for (const [title, n] of await buildStories(set, dir, name)) stories.set(title, name === 'a' ? 10_000 + n : n);
  }
  storyOf = stories;
}, 240_000);

function sameStory(titles: string[]): void {
  const stories = titles.map((t) => storyOf.get(t));
  expect(stories).not.toContain(undefined);
  expect(new Set(stories).size).toBe(1);
}

describe('an amount with a decimal comma is the same amount', () => {
  it('"€2,5 bn" and "2.5 billion euros": the Bundestag vote is one story', () => {
    sameStory([
      'German parliament approves extra 2.5 billion euros for Ukraine in supplementary budget',
      'Bundestag gave green light for additional €2,5 bn for Ukraine',
    ]);
  });

  it('"6,5 percent" and "6.5%": the Rada levy is one story', () => {
    sameStory(['Ukrainian MPs vote to lift war tax on wages to 6.5%', 'Verkhovna Rada raised the military levy to 6,5 percent']);
  });
});

describe('a headline that gives no amount does not disagree with one that does', () => {
  it('"Freed POWs describe conditions" is one more report of the swap of 95 prisoners each', () => {
    sameStory([
      'Ukraine and Russia swap 95 prisoners each in UAE-brokered exchange',
      'Freed Mariupol defenders among 95 POWs returned in swap',
      'Freed POWs describe conditions in Russian captivity after exchange',
    ]);
  });
});
