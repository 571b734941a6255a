// A feed that writes its headlines in lower case ("swap brings 146 soldiers home"), read through the real CLI
// beside outlets that capitalise theirs: set c as headline-only feeds, The Morning Signal's titles lower-cased.
// A short title starting lower-case is how a sentence cut off from its start looks ("says the minister"), and
// such titles were set aside as not-an-article: in a lower-case feed that lost most of its news. The feed's own
// style now says how to read it. Its places are read as the rest of the edition writes them capitalised.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from '../cluster/stories-by-title.js';
import { catalogue } from '../eval/sets.js';
import type { EvalSet } from '../eval/set-format.js';

const OUTLET = 'The Morning Signal';
const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-lower-case-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let set: EvalSet;
let storyOf: Map<string, number>;
beforeAll(async () => {
  const headlines = catalogue().sources.find((s) => s.name === 'c-headlines')!.load();
  set = { ...headlines, items: headlines.items.map((i) => (i.outlet === OUTLET ? { ...i, title: i.title.toLowerCase() } : i)) };
  storyOf = await buildStories(set, dir, 'lower-case');
}, 240_000);

describe('a feed that writes its headlines in lower case', () => {
  it('has every headline in the edition, the short ones too', () => {
    const titles = set.items.filter((i) => i.outlet === OUTLET && (i.expect ?? 'in') === 'in').map((i) => i.title);
    expect(titles.length).toBeGreaterThan(10);
    expect(titles).toContain('swap brings 146 soldiers home');
    for (const title of titles) expect(storyOf.get(title), title).toBeDefined();
  });

  it('meets the other outlets in the stories they tell', () => {
    const others = (event: string) => set.items.filter((i) => i.event === event && i.outlet !== OUTLET).map((i) => storyOf.get(i.title));
    expect(others('uae-swap')).toContain(storyOf.get('swap brings 146 soldiers home'));
    expect(others('refinery-strike')).toContain(storyOf.get('drones set volgograd refinery ablaze'));
  });

  it('names the places the other outlets write capitalised', () => {
    // "kyiv" and "paris" are Ukraine and France as the other headlines write them, so this headline agrees with
    // the Élysée deal's reports on who took part (before, it sat with another story of Kyiv)
    const caesar = set.items.filter((i) => i.event === 'elysee-caesar' && i.outlet !== OUTLET).map((i) => storyOf.get(i.title));
    expect(caesar).toContain(storyOf.get('paris to help kyiv make its own artillery'));
  });
});
