// A feed that writes its text in Title Case (a description repeating the headline, "Russian Missiles Kill 11
// In Zaporizhzhia") must not change the stories. Which words are names is read from their capitals inside
// sentences; in a Title Case sentence every word has one, so before, every word of such a feed counted as a
// name, and the names factor (two reports must share most of the people, places and amounts they name) kept
// that feed's reports apart from the others'. Through the real CLI, on set c, with two outlets' texts in
// Title Case: the same stories as set c as written.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../eval/sets.js';
import type { EvalSet } from '../eval/set-format.js';
import { buildStories } from './stories-by-title.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-title-case-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLE_CASE_OUTLETS = ['Baltic Newswire', 'The Morning Signal'];

function titleCase(text: string): string {
  return text.replace(/\b(\p{Ll})(\p{L}*)/gu, (_m, first: string, rest: string) => first.toUpperCase() + rest);
}

/** Each story as the sorted titles of its items, all stories sorted: two editions compare as strings. */
async function storiesOf(set: EvalSet, name: string): Promise<string[]> {
  const byStory = new Map<number, string[]>();
  for (const [title, story] of await buildStories(set, dir, name)) byStory.set(story, [...(byStory.get(story) ?? []), title]);
  return [...byStory.values()].map((titles) => titles.sort().join(' || ')).sort();
}

let asWritten: string[];
let inTitleCase: string[];
let changed: number;

beforeAll(async () => {
  const set = catalogue().sources.find((s) => s.name === 'c')!.load();
  const recased: EvalSet = {
    ...set,
    items: set.items.map((i) => (TITLE_CASE_OUTLETS.includes(i.outlet) ? { ...i, text: titleCase(i.text) } : i)),
  };
  changed = recased.items.filter((item, k) => item.text !== set.items[k].text).length;
  asWritten = await storiesOf(set, 'as-written');
  inTitleCase = await storiesOf(recased, 'title-case');
}, 240_000);

describe('a feed whose text is in Title Case', () => {
  it('changes the text of those outlets only', () => {
    expect(changed).toBeGreaterThan(10);
  });

  it('gives the same stories as the text as written', () => {
    expect(inTitleCase).toEqual(asWritten);
  });
});
