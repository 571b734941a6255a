// The evaluation harness's own arithmetic, on small hand-made groupings whose answers are worked out
// by hand in the comments, and one tiny set built end to end through the real CLI.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { averageLinkage, keywordCount, words } from './baseline.js';
import { buildEdition } from './build.js';
import { materialise } from './materialise.js';
import { scoreEdition } from './score-edition.js';
import { scoreClusters, sectionCeiling } from './scores.js';
import { readSetDir, SetError, slugFeedIds, type EvalSet } from './set-format.js';
import { catalogue } from './sets.js';

const groups = (spec: string[][]) => new Map(spec.flatMap((g, i) => g.map((k) => [k, `g${i}`] as [string, string])));

describe('section ceiling', () => {
  it('counts each story as right for the label most of its items carry', () => {
    // story s1: sport, sport, world → 2 right; s2: business → 1; s3: world, tech (tie, "tech" < "world") → 1; 4 of 6
    const storyOf = new Map([['a', 's1'], ['b', 's1'], ['c', 's1'], ['d', 's2'], ['e', 's3'], ['f', 's3']]);
    const labelOf = new Map([['a', 'sport'], ['b', 'sport'], ['c', 'world'], ['d', 'business'], ['e', 'world'], ['f', 'tech']]);
    expect(sectionCeiling(storyOf, labelOf)).toBeCloseTo(4 / 6, 10);
    expect(sectionCeiling(new Map([['a', 's1'], ['b', 's2']]), labelOf)).toBe(1);
    expect(sectionCeiling(new Map(), labelOf)).toBeNull();
  });
});

describe('pair and B-cubed scores', () => {
  it('give 1 everywhere when the grouping is the truth', () => {
    const truth = groups([['a', 'b', 'c'], ['d'], ['e', 'f']]);
    const s = scoreClusters(groups([['e', 'f'], ['a', 'b', 'c'], ['d']]), truth);
    expect(s.pairs).toMatchObject({ precision: 1, recall: 1, f1: 1, truePairs: 4, predictedPairs: 4, correctPairs: 4 });
    expect(s.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.exact).toBe(1);
  });

  it('score one group swallowing everything', () => {
    // truth {a,b} {c} {d}; predicted {a,b,c,d}: 6 pairs made, 1 true, 1 right
    const s = scoreClusters(groups([['a', 'b', 'c', 'd']]), groups([['a', 'b'], ['c'], ['d']]));
    expect(s.pairs.precision).toBeCloseTo(1 / 6, 10);
    expect(s.pairs.recall).toBe(1);
    expect(s.pairs.f1).toBeCloseTo(2 / 7, 10);
    // B³ precision: a,b 2/4, c,d 1/4 → 0.375; recall 1 for all
    expect(s.bcubed.precision).toBeCloseTo(0.375, 10);
    expect(s.bcubed.recall).toBe(1);
    expect(s.bcubed.f1).toBeCloseTo((2 * 0.375) / 1.375, 10);
    expect(s.exact).toBe(0);
  });

  it('score everything kept apart', () => {
    // truth {a,b,c} {d}; all singletons: no pair made (precision 1 by convention), none found
    const s = scoreClusters(groups([['a'], ['b'], ['c'], ['d']]), groups([['a', 'b', 'c'], ['d']]));
    expect(s.pairs).toMatchObject({ precision: 1, recall: 0, f1: 0 });
    // B³ recall: a,b,c 1/3, d 1 → 0.5
    expect(s.bcubed.recall).toBeCloseTo(0.5, 10);
    expect(s.bcubed.f1).toBeCloseTo(2 / 3, 10);
    expect(s.exact).toBe(0.5);
  });

  it('score a split and a wrong merge together', () => {
    // truth {1..5} {6,7}; predicted {1,2,3} {4,5,6,7}
    const s = scoreClusters(groups([['1', '2', '3'], ['4', '5', '6', '7']]), groups([['1', '2', '3', '4', '5'], ['6', '7']]));
    // pairs made 3 + 6 = 9, true 10 + 1 = 11, right 3 + 1 + 1 = 5
    expect(s.pairs).toMatchObject({ predictedPairs: 9, truePairs: 11, correctPairs: 5 });
    expect(s.pairs.precision).toBeCloseTo(5 / 9, 10);
    expect(s.pairs.recall).toBeCloseTo(5 / 11, 10);
    // B³ precision: 1,2,3 → 1; 4,5,6,7 → 2/4 → 5/7; recall: 1,2,3 → 3/5; 4,5 → 2/5; 6,7 → 1 → 4.6/7
    expect(s.bcubed.precision).toBeCloseTo(5 / 7, 10);
    expect(s.bcubed.recall).toBeCloseTo(4.6 / 7, 10);
    expect(s.exact).toBe(0);
    expect([s.predictedGroups, s.trueGroups]).toEqual([2, 2]);
  });

  it('only compare items present in both groupings', () => {
    const s = scoreClusters(groups([['a', 'b', 'x']]), groups([['a', 'b'], ['y']]));
    expect(s.pairs).toMatchObject({ precision: 1, recall: 1, predictedPairs: 1 });
  });
});

describe('baseline', () => {
  it('merges by the mean of all pairs, not the best one (average linkage)', () => {
    // a–b 0.9, a–c 0.6, b–c 0.2: after {a,b}, c's mean similarity is 0.4
    const sim = new Float64Array([1, 0.9, 0.6, 0.9, 1, 0.2, 0.6, 0.2, 1]);
    const at = (t: number) => {
      const g = averageLinkage(Float64Array.from(sim), 3, t);
      return [g[0] === g[1], g[0] === g[2]];
    };
    expect(at(0.5)).toEqual([true, false]);
    expect(at(0.35)).toEqual([true, true]);
    expect(at(0.95)).toEqual([false, false]);
  });

  it('counts keyword phrases with a plural s, whole words only', () => {
    const tokens = words('Air defences and air defence systems; airline defence', true);
    expect(keywordCount(tokens, 'air defence')).toBe(2);
    expect(keywordCount(tokens, 'line')).toBe(0);
  });
});

describe('set format', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const writeSet = (meta: object, items: object[]) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-eval-test-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'set.json'), JSON.stringify(meta));
    writeFileSync(path.join(dir, 'items.jsonl'), items.map((i) => JSON.stringify(i)).join('\n'));
    return dir;
  };
  const meta = {
    name: 'tiny', role: 'tuning', about: 'four items', now: '2026-05-18T04:00:00Z', window: '7d', title: 'Tiny', other: 'Other news',
    themes: [
      { id: 'arms', title: 'Weapons', description: 'Weapons and strikes.', keywords: ['missiles', 'jets'] },
      { id: 'talks', title: 'Talks', description: 'Peace talks and summits.', keywords: ['talks', 'summit'] },
    ],
  };
  const item = (id: string, outlet: string, title: string, event: string | null, theme: string | null) => ({
    id, outlet, title, text: `${title}. Officials gave details on Tuesday.`, published: '2026-05-12T10:00:00Z', event, theme,
  });

  it('names the file, line and field of a bad item in one line', () => {
    const dir = writeSet(meta, [item('1', 'Wire', 'Jets arrive', 'e1', 'arms'), item('2', 'Wire', 'Talks open', 'e2', 'sport')]);
    expect(() => readSetDir(dir)).toThrow(SetError);
    expect(() => readSetDir(dir)).toThrow(/items\.jsonl:2: theme: "sport" is not one of the set's themes \(arms, talks\)$/);
  });

  it('gives outlets distinct feed ids', () => {
    expect([...slugFeedIds(['Lviv Herald', 'Lviv-Herald', 'Київ Пост']).values()]).toEqual(['lviv-herald', 'lviv-herald-2', 'feed']);
  });

  it('builds a set through the real CLI and finds every item by its feed and guid', async () => {
    const dir = writeSet(meta, [
      item('n1', 'Wire One', 'Netherlands delivers the last F-16 jets to Ukraine', 'jets', 'arms'),
      item('n2', 'Courier', 'Dutch F-16 jets delivered to Ukraine', 'jets', 'arms'),
      item('n3', 'Wire One', 'Peace summit in Geneva set for September', 'summit', 'talks'),
      { ...item('n4', 'Courier', 'Old news outside the window', null, 'talks'), published: '2026-04-01T10:00:00Z' },
    ]);
    const set: EvalSet = { ...readSetDir(dir), furniture: [] };
    const work = path.join(dir, 'work');
    mkdirSync(work);
    const { edition } = await buildEdition(materialise(set, work), set.meta.now, path.join(work, 'out'));
    const result = scoreEdition(set, edition, 0, true);
    expect(result.items).toBe(3); // n4 is outside the window and not scored
    expect(result.lost).toBe(0);
    expect(result.checks).toEqual({ furnitureLeaks: 0, unaccounted: 0, exclusionMismatches: 1 }); // n4: outside-window, labelled in
    expect(result.clusters?.trueGroups).toBe(2);
    // per label: how many items carrying it are in that section, and the verbose line that says so
    const byLabel = result.sectionsByLabel;
    expect(Object.keys(byLabel).sort()).toEqual(['arms', 'talks']);
    expect(byLabel.arms.total + byLabel.talks.total).toBe(3);
    expect(byLabel.arms.right + byLabel.talks.right).toBe(Math.round(result.sectionAccuracy! * 3));
    expect(result.details).toContain(`sections by label: arms ${byLabel.arms.right}/2, talks ${byLabel.talks.right}/1`);
  });
});

describe('the labelled weeks in the repo', () => {
  const sources = catalogue().sources;

  it.each(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n'])('set %s and its headline variant load, and every labelled event is told by two outlets or more', (name) => {
    const full = sources.find((s) => s.name === name)?.load();
    const headlines = sources.find((s) => s.name === `${name}-headlines`)?.load();
    expect(full?.meta.role).toMatch(/^(tuning|held-out)$/);
    const outlets = new Map<string, Set<string>>();
    for (const i of full!.items.filter((i) => i.event !== null && (i.expect ?? 'in') === 'in')) {
      outlets.set(i.event!, (outlets.get(i.event!) ?? new Set()).add(i.outlet));
    }
    // a misspelt event label would leave a one-outlet "event" behind
    expect([...outlets].filter(([, o]) => o.size < 2).map(([e]) => e)).toEqual([]);
    expect(headlines!.items.every((i) => i.text === '')).toBe(true);
    expect(headlines!.meta.scope).toBeUndefined();
  });

  it('the invented aggregator day is read as the UCI day is: bare headlines of one day, a section per story', () => {
    const set = sources.find((s) => s.name === 'aggregator-q')!.load();
    expect(set.meta).toMatchObject({ role: 'tuning', now: '2027-06-15T00:00:00Z', window: '1d' });
    expect(set.items.length).toBe(730);
    expect(set.items.every((i) => i.text === '' && i.published.startsWith('2027-06-14T1'))).toBe(true);
    const sections = new Map<string, Set<string | null>>();
    for (const i of set.items) sections.set(i.event!, (sections.get(i.event!) ?? new Set()).add(i.theme));
    expect(sections.size).toBe(150);
    expect([...sections.values()].every((s) => s.size === 1 && [...s][0] !== null)).toBe(true);
  });

  it.each(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n'])('set %s is also read as teaser feeds: the opening sentences of each text, no more', (name) => {
    const full = sources.find((s) => s.name === name)!.load();
    const teasers = sources.find((s) => s.name === `${name}-teasers`)?.load();
    expect(teasers?.meta.name).toBe(`${name}-teasers`);
    const textOf = new Map(full.items.map((i) => [i.id, i.text]));
    for (const item of teasers!.items) {
      const text = textOf.get(item.id)!;
      if (text.trim() === '') {
        expect(item.text).toBe('');
        continue;
      }
      expect(item.text.length).toBeGreaterThan(0);
      expect(item.text.length).toBeLessThanOrEqual(450);
      // a teaser is where the text opens (a cut one ends in an ellipsis)
      expect(text.includes(item.text.replace(/…$/, ''))).toBe(true);
    }
    expect(teasers!.items.some((i) => i.text.length < (textOf.get(i.id) ?? '').length / 2)).toBe(true);
  });
});
