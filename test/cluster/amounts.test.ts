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
// 3. An amount's magnitude is part of it: "$4.5bn" and "$4.5m" are two amounts, "1.5bn" and "1.5 billion" one. Five
// pairs of headlines added to set c, each an aid package or a budget beside a contract or a grant a thousand times
// smaller, stay apart; before, they shared "4.5" or "15.6" and each pair became one story.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from './stories-by-title.js';
import { catalogue } from '../eval/sets.js';
import type { SetItem } from '../eval/set-format.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-decimal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sets = catalogue().sources;
const setC = sets.find((s) => s.name === 'c-headlines')!.load();
const setA = sets.find((s) => s.name === 'a-headlines')!.load();
let storyOf: Map<string, number>;


/** Pairs of one week's headlines whose amounts differ by their magnitude: two events each. */
const MAGNITUDES_APART: [string, string][] = [
  ['Brussels releases €4.5bn for Ukraine reconstruction', 'Dutch firm wins €4.5m Ukraine reconstruction contract'],
  ['IMF approves $15.6bn loan for Ukraine', 'Ukraine gets $15.6m World Bank grant for schools'],
  ['Poland to spend $48bn on defence next year', 'Polish drone maker lands $48m order from Kyiv'],
  ['EU unlocks €1.2bn for Ukrainian gas purchases', 'Naftogaz buys €1.2m of spare parts for gas wells'],
  ['Ukraine war damage reaches $486bn, World Bank says', 'Kyiv clears $486m of rubble from bombed districts'],
];
/** Pairs that write one amount two ways: one event each. */
const MAGNITUDES_TOGETHER: [string, string][] = [
  ['Norway gives 1.5 billion kroner for Ukrainian air defence', 'Live: Oslo pledges 1.5bn kroner to Ukraine air defence'],
  ['World Bank approves USD 650 mil. for Ukraine housing', 'World Bank clears $650m loan to rebuild Ukrainian homes'],
];

/** Set c with the pairs above added, told by two of its outlets a few hours apart. */
function setCWithAmounts() {
  const set = catalogue().sources.find((s) => s.name === 'c-headlines')!.load();
  [...MAGNITUDES_APART, ...MAGNITUDES_TOGETHER].forEach(([first, second], k) => {
    const day = `2026-09-${String(8 + (k % 5)).padStart(2, '0')}`;
    const item = (id: string, outlet: string, title: string, time: string): SetItem => ({ id, outlet, title, text: '', url: `https://example.org/${id}`, published: `${day}T${time}:00Z`, event: null, theme: null });
    set.items.push(item(`amount-${k}-a`, 'Pulse Headlines', first, '08:00'), item(`amount-${k}-b`, 'The Morning Signal', second, '11:00'));
  });
  return set;
}

beforeAll(async () => {
  const stories = new Map<string, number>();
  for (const [name, set] of [['c', setC], ['a', setA], ['amounts', setCWithAmounts()]] as const) {
    // story numbers of the editions kept apart
    const offset = { c: 0, a: 10_000, amounts: 20_000 }[name];
    for (const [title, n] of await buildStories(set, dir, name)) stories.set(title, offset + n);
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

describe('an amount is its number and its magnitude', () => {
  it.each(MAGNITUDES_APART)('"%s" and "%s" are two stories', (first, second) => {
    expect(storyOf.get(first)).toBeDefined();
    expect(storyOf.get(second)).toBeDefined();
    expect(storyOf.get(first)).not.toBe(storyOf.get(second));
  });

  it.each(MAGNITUDES_TOGETHER)('"%s" and "%s" are one story', (first, second) => {
    sameStory([first, second]);
  });
});
