// A title written short before a name is the word another report writes out: through the real CLI, on week i read
// as headline-only feeds, "Sen. Haldane visits Kyiv, meets Zelensky" is one story with "Update: five US senators in
// Kyiv" and "U.S. senators in Kyiv push for quick vote on seized Russian assets". Before, "Sen." was a word of its
// own, the local station's headline shared only "Kyiv" and "Zelensky" with them, and it joined the story of
// Zelensky appointing a border guard chief instead.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from './stories-by-title.js';
import { catalogue } from '../eval/sets.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-titles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let storyOf: Map<string, number>;

beforeAll(async () => {
  const set = catalogue().sources.find((s) => s.name === 'i-headlines')!.load();
  storyOf = await buildStories(set, dir);
}, 240_000);

describe('a title written short before a name', () => {
  it('"Sen. Haldane" meets the senators of the other reports', () => {
    const visit = storyOf.get('Sen. Haldane visits Kyiv, meets Zelensky');
    expect(visit).toBeDefined();
    expect(storyOf.get('Update: five US senators in Kyiv')).toBe(visit);
    expect(storyOf.get('U.S. senators in Kyiv push for quick vote on seized Russian assets')).toBe(visit);
  });
});
