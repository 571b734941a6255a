// Two reports that share nothing but a place are not one event by that alone. Through the real CLI on set c read
// as teasers: "Ukrainian high jumper takes Diamond League final in Brussels" (a bare headline) shares only
// Brussels (the word and Belgium's term) with the magazine piece "Can Europe spend Russia's money? Brussels tries
// again", and that was enough to make them one story, away from the EU loan plan the piece is about. Their shared
// words now count half, and the piece joins the other reports of the loan plan.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from './stories-by-title.js';
import { catalogue } from '../eval/sets.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-places-only-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let storyOf: Map<string, number>;
beforeAll(async () => {
  const set = catalogue().sources.find((s) => s.name === 'c-teasers')!.load();
  storyOf = await buildStories(set, dir, 'c-teasers');
}, 240_000);

const PIECE = "Can Europe spend Russia's money? Brussels tries again";
const LOAN = ["Brussels wants Russia's frozen billions to fund Kyiv", 'EU executive proposes 45 billion euro loan for Ukraine backed by frozen Russian assets'];
const JUMPER = 'Ukrainian high jumper takes Diamond League final in Brussels';

describe('two reports sharing only a place', () => {
  it('are two stories, and each report joins the event it tells', () => {
    for (const t of [PIECE, ...LOAN, JUMPER]) expect(storyOf.get(t)).toBeDefined();
    expect(storyOf.get(PIECE)).not.toBe(storyOf.get(JUMPER));
    expect(new Set([PIECE, ...LOAN].map((t) => storyOf.get(t))).size).toBe(1);
  });
});
