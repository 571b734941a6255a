// Other users' wordings of the sets' themes (`npm run eval -- --wording N`, `--wordings`): each keeps the
// set's sections and reads as a user would write it; set a, built from its own config, is built with the
// wording's themes through the real CLI; the table's mean, worst and spread.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEdition, ROOT } from './build.js';
import type { SetResult } from './score-edition.js';
import { editorialSet, EVAL_DATA, UCI_THEMES } from './sets.js';
import { SetError, type SetTheme } from './set-format.js';
import { familyOf, rewordConfig, withWording, WORDINGS, wordingsOf } from './wordings.js';
import { formatWordingsTable, wordingRows } from './wordings-table.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-wordings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The set's own themes, where they can be read here (the public sets only when converted). */
function ownThemes(family: string): SetTheme[] | null {
  if (family === 'a') return editorialSet().meta.themes;
  if (family === 'uci-news') return UCI_THEMES;
  const fixture = path.join(ROOT, 'test/fixtures', `editorial-${family}`, 'set.json');
  if (/^[a-z]$/.test(family) && existsSync(fixture)) return (JSON.parse(readFileSync(fixture, 'utf8')) as { themes: SetTheme[] }).themes;
  const file = path.join(EVAL_DATA, `${family}-dev`, 'set.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { themes: SetTheme[] }).themes : null;
}

describe('the wordings', () => {
  for (const [family, wordings] of Object.entries(WORDINGS)) {
    it(`${family}: same sections as its own themes, one sentence and 8–15 distinct keywords each`, () => {
      const own = ownThemes(family);
      for (const themes of wordings) {
        if (own) expect(themes.map((t) => t.id)).toEqual(own.map((t) => t.id));
        for (const t of themes) {
          expect(t.description).toMatch(/^[^.!?]+[.!?]$/);
          expect(t.keywords.length).toBeGreaterThanOrEqual(8);
          expect(t.keywords.length).toBeLessThanOrEqual(15);
          expect(new Set(t.keywords.map((k) => k.toLowerCase())).size).toBe(t.keywords.length);
        }
      }
    });
  }

  it('belong to a family of sets: halves, headline-only and teaser variants share them', () => {
    expect(familyOf('agnews-dev')).toBe('agnews');
    expect(familyOf('ecbplus-test-headlines')).toBe('ecbplus');
    expect(familyOf('a-headlines')).toBe('a');
    expect(familyOf('ecbplus-dev-teasers')).toBe('ecbplus');
    expect(familyOf('uci-news')).toBe('uci-news');
    // read with the aggregator's themes, so with its wordings too
    expect(familyOf('huffpost-test-headlines')).toBe('uci-news');
    expect(wordingsOf('bbc-dev')).toBe(2);
    expect(wordingsOf('b')).toBe(0);
  });

  it('replace the themes and name the set after the wording; a wording the set lacks is an error', () => {
    const set = editorialSet();
    expect(withWording(set, 0)).toBe(set);
    const two = withWording(set, 2);
    expect(two.meta.name).toBe('a w2');
    expect(two.meta.themes).toBe(WORDINGS.a[1]);
    expect(two.items).toBe(set.items);
    expect(() => withWording(set, 3)).toThrow(SetError);
    expect(() => withWording(set, 3)).toThrow('--wording 3: the set a has 2 other wordings');
  });

  it('build set a from its own feeds with the wording’s themes', async () => {
    const set = withWording(editorialSet(), 1);
    const config = rewordConfig(set.config!, set.meta.themes, dir);
    const { edition } = await buildEdition(config, set.meta.now, path.join(dir, 'out'));
    const titles = edition.sections.map((s) => s.title);
    for (const t of WORDINGS.a[0]) expect(titles).toContain(t.title);
    expect(edition.sections.flatMap((s) => s.stories).length).toBeGreaterThan(20);
  });
});

describe('the wordings table', () => {
  const result = (name: string, sections: number, other: number) =>
    ({ name, role: 'tuning', text: 'full', sectionAccuracy: sections, otherShare: other }) as SetResult;
  const results = [result('bbc-dev', 0.95, 0), result('bbc-dev w1', 0.9, 0.02), result('bbc-dev w2', 0.85, 0.1), result('a', 0.98, 0.12)];

  it('gives each set its figures per wording, the mean, the worst and the spread', () => {
    const [bbc, a] = wordingRows(results);
    expect(bbc.set).toBe('bbc-dev');
    expect(bbc.byWording).toEqual([{ sections: 0.95, other: 0 }, { sections: 0.9, other: 0.02 }, { sections: 0.85, other: 0.1 }]);
    expect(bbc.mean).toBeCloseTo(0.9, 10);
    expect(bbc.worst).toBeCloseTo(0.85, 10);
    expect(bbc.spread).toBeCloseTo(0.1, 10);
    expect(a.mean).toBeCloseTo(0.98, 10);
    expect(a.spread).toBe(0);
  });

  it('prints a dash for a wording a set has none of', () => {
    const [, , aLine] = formatWordingsTable(results).split('\n');
    expect(aLine).toMatch(/^a\s+tuning\s+full\s+0\.980\s+12%\s+—\s+—\s+—\s+—\s+\| 0\.980\s+0\.980\s+0\.000$/);
  });
});
