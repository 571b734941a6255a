// Two bare headlines that share several terms — the people, the countries, the thing — within hours of each
// other are one event, though against a headline edition's background one shared word lifts a pair about as
// far as three. Through the real CLI, on fixture week c read as headline-only feeds: "In the Élysée Macron and
// Zelensky signed agreement about CAESAR production in Ukraine" was a story of its own beside "France and
// Ukraine agree to build CAESAR howitzers on Ukrainian soil", and "EU blacklists 90 more shadow-fleet tankers in
// fresh Russia sanctions" beside "Live: EU signs off 21st sanctions package against Russia". Each is now one
// more source of its story, while the EU's loan plan from frozen Russian assets three days later (the EU and
// Russia again, another event) stays a story of its own. The other side of the rule, the same actors and thing
// the next day (Poland buys Apache helicopters; Poland trains Ukrainian Apache crews), is cluster.test.ts's
// headline-only hard negative: without the rule's 12-hour window those two stories become one.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSetDir } from '../eval/set-format.js';
import { headlinesOf } from '../eval/sets.js';
import { buildStories } from './stories-by-title.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-headline-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const set = headlinesOf(readSetDir(fileURLToPath(new URL('../fixtures/editorial-c', import.meta.url))));
let storyOf: Map<string, number>;

beforeAll(async () => {
  storyOf = await buildStories(set, dir);
}, 120_000);

const titlesOf = (event: string) => set.items.filter((i) => i.event === event).map((i) => i.title);

describe('bare headlines sharing several names of one event are one story', () => {
  it('every report of the CAESAR agreement is one story, the Élysée signing included', () => {
    const caesar = titlesOf('elysee-caesar');
    expect(caesar).toContain('In the Élysée Macron and Zelensky signed agreement about CAESAR production in Ukraine');
    const stories = new Set(caesar.map((t) => storyOf.get(t)));
    expect(stories.has(undefined)).toBe(false);
    expect(stories.size).toBe(1);
  });

  it('every report of the 21st sanctions package is one story, the shadow-fleet blacklist included', () => {
    const sanctions = titlesOf('eu-sanctions');
    expect(sanctions).toContain('EU blacklists 90 more shadow-fleet tankers in fresh Russia sanctions');
    const stories = new Set(sanctions.map((t) => storyOf.get(t)));
    expect(stories.has(undefined)).toBe(false);
    expect(stories.size).toBe(1);
  });

  it("the EU's loan from frozen Russian assets, the same actors three days later, stays apart from the sanctions", () => {
    const sanctionsStory = storyOf.get(titlesOf('eu-sanctions')[0]);
    const loan = titlesOf('eu-assets-loan');
    expect(loan.length).toBeGreaterThan(1);
    for (const t of loan) {
      expect(storyOf.get(t)).toBeDefined();
      expect(storyOf.get(t)).not.toBe(sanctionsStory);
    }
  });
});
