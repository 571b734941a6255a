// An outlet that tells an event in other words joins the story the other outlets made, through the real
// CLI: in the fixture week read as headline-only feeds, "Washington Lifts Curbs on Long-Range Strikes Into
// Russia" shares hardly a word with "US lets Ukraine use ATACMS missiles against targets inside Russia" and
// scored just below the merge threshold with every other report, so it was a story of its own. It means
// what they mean, and now it is one more source of their story — while Ukraine's actual ATACMS strike on
// Kursk airbase in the same week (the same actors and weapon, another event) stays a story of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from './stories-by-title.js';
import { editorialSet, headlinesOf } from '../eval/sets.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-leftovers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const set = headlinesOf(editorialSet());
let storyOf: Map<string, number>;


beforeAll(async () => {
  storyOf = await buildStories(set, dir);
}, 120_000);

describe('an item told in other words joins the story it means', () => {
  const permission = [
    'US lets Ukraine use ATACMS missiles against targets inside Russia',
    'Washington Lifts Curbs on Long-Range Strikes Into Russia',
    'Green light: Biden team approves ATACMS use on Russian soil',
    'Kyiv Wins US Approval to Hit Russian Airfields With ATACMS',
  ];
  const strike = [
    'Ukraine hits Russian airbase in Kursk region with ATACMS, destroying jets',
    'Ukrainian Missiles Strike Khalino Air Base Near Kursk',
  ];

  it('every report of the US permission is one story, the paraphrase included', () => {
    const stories = new Set(permission.map((t) => storyOf.get(t)));
    expect(stories.has(undefined)).toBe(false);
    expect(stories.size).toBe(1);
  });

  it('the strike on Kursk airbase the same week, with the same actors and weapon, stays apart', () => {
    const permissionStory = storyOf.get(permission[0]);
    for (const t of strike) {
      expect(storyOf.get(t)).toBeDefined();
      expect(storyOf.get(t)).not.toBe(permissionStory);
    }
  });
});
