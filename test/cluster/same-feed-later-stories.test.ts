// A feed tells an event once, also when stories are compared as wholes (src/cluster/story-merge.ts). In week e read
// as bare headlines, a live blog's entry of one morning ("drone hits bus in Kherson, three killed") joined, as a
// whole, the story of the Dnipro missile strike the day before, which holds the blog's own entry of that morning:
// the two share "bus", "killed" and the blog's label. Through the real CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from './stories-by-title.js';
import { catalogue } from '../eval/sets.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-same-feed-stories-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let storyOf: Map<string, number>;
beforeAll(async () => {
  const set = catalogue().sources.find((s) => s.name === 'e-headlines')!.load();
  storyOf = await buildStories(set, dir, 'e-headlines');
}, 240_000);

const STRIKE = [
  'Borderland Live: ballistic missiles hit Dnipro before dawn, at least six dead',
  'Russian missile strike on Dnipro kills six near bus station',
  'Dnipro mourns after pre-dawn Iskander strike',
];
const NEXT_MORNING = 'Borderland Live: drone hits bus in Kherson, three killed';

describe('a live blog’s entry of the next morning', () => {
  it('stays out of the story that holds the blog’s entry of the day before', () => {
    const strike = new Set(STRIKE.map((t) => storyOf.get(t)));
    expect(strike.size).toBe(1);
    expect([...strike][0]).toBeDefined();
    expect(storyOf.get(NEXT_MORNING)).toBeDefined();
    expect(strike.has(storyOf.get(NEXT_MORNING))).toBe(false);
  });
});
