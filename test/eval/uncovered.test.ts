// `npm run eval -- --uncovered`: a set read once per theme left out of its config, that theme's items then labelled
// Other; the row says how many of them reach Other and how the items of the themes left in fare.
import { describe, expect, it } from 'vitest';
import type { SetResult } from './score-edition.js';
import type { EvalSet, SetItem } from './set-format.js';
import type { SetSource } from './sets.js';
import { formatUncoveredTable, uncoveredRows, uncoveredSources, withoutTheme } from './uncovered.js';

const theme = (id: string) => ({ id, title: id, description: `${id} news.`, keywords: [id] });
const item = (id: string, label: string | null): SetItem => ({ id, outlet: 'Ledger', title: `Item ${id}`, text: '', published: '2027-03-05T08:00:00Z', event: null, theme: label });

function set(name: string, themes: string[], labels: (string | null)[]): EvalSet {
  return {
    meta: { name, role: 'tuning', about: 'A day of one feed.', now: '2027-03-06T00:00:00Z', window: '1d', title: 'The Day', themes: themes.map(theme), other: 'Other news' },
    items: labels.map((l, i) => item(String(i + 1), l)),
  } as EvalSet;
}

const source = (s: EvalSet, extra: Partial<SetSource> = {}): SetSource => ({ name: s.meta.name, load: () => s, ...extra });

describe('a set without one of its themes', () => {
  it("leaves the theme out of the config and labels its items Other, the others as they were", () => {
    const day = set('day', ['sport', 'business', 'health'], ['sport', 'business', 'sport', null, 'health']);
    const without = withoutTheme(day, 'sport');
    expect(without.meta.name).toBe('day without sport');
    expect(without.meta.themes.map((t) => t.id)).toEqual(['business', 'health']);
    expect(without.items.map((i) => i.theme)).toEqual([null, 'business', null, null, 'health']);
    // the set read as it is stays as it was
    expect(day.items.map((i) => i.theme)).toEqual(['sport', 'business', 'sport', null, 'health']);
  });

  it('says which theme a set lacks', () => {
    expect(() => withoutTheme(set('day', ['sport', 'business', 'health'], ['sport']), 'weather')).toThrow(/day has no theme weather/);
  });
});

describe('the sets --uncovered builds', () => {
  it('reads each set as it is and once per theme, leaving out sets it cannot measure', () => {
    const day = set('day', ['sport', 'business', 'health'], ['sport', 'business', 'health']);
    const two = set('two', ['sport', 'business'], ['sport', 'business']);
    const unlabelled = set('week', ['sport', 'business', 'health'], [null, null]);
    const own = set('a', ['sport', 'business', 'health'], ['sport']);
    const { sources, left } = uncoveredSources([source(day), source(two), source(unlabelled), source(own, { ownFeeds: true })]);
    expect(sources.map((s) => s.name)).toEqual(['day', 'day without sport', 'day without business', 'day without health']);
    expect(sources[2].load().items.map((i) => i.theme)).toEqual(['sport', null, 'health']);
    expect(left).toEqual(['two', 'week', 'a']);
  });
});

describe('the --uncovered table', () => {
  const result = (name: string, byLabel: SetResult['sectionsByLabel'], otherShare: number) =>
    ({ name, role: 'tuning', text: 'short', sectionsByLabel: byLabel, otherShare }) as SetResult;

  it('reads how many of the left-out theme\'s items reach Other, and how the rest fare', () => {
    const rows = uncoveredRows([
      result('day', { sport: { right: 9, total: 10 }, business: { right: 8, total: 10 } }, 0.05),
      result('day without sport', { other: { right: 4, total: 10 }, business: { right: 7, total: 10 } }, 0.2),
    ]);
    expect(rows[0]).toMatchObject({ set: 'day', without: null, otherItems: 0, toOther: null, kept: 0.85 });
    expect(rows[1]).toMatchObject({ set: 'day', without: 'sport', otherItems: 10, toOther: 0.4, kept: 0.7 });
    const table = formatUncoveredTable([
      result('day without sport', { other: { right: 4, total: 10 }, business: { right: 7, total: 10 } }, 0.2),
      result('day without business', { other: { right: 6, total: 10 }, sport: { right: 9, total: 10 } }, 0.3),
    ]);
    const mean = table.split('\n').find((line) => /\bmean\b/.test(line))!;
    expect(mean).toMatch(/0\.500\s+0\.800\s+25%$/);
  });
});
