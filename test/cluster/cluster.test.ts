import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClusterInputError, clusterItems, representative } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { pairwiseScores, syntheticWeek } from './synthetic.js';
import { airDefenceGermany, airDefenceItaly, backgroundWeek, bigEvent, headlinesOnly, odesaMonday, odesaWednesday, cyrillicWeek, item, jetPledge, strikeItself, strikePermission, trainerMission } from './sample.js';

/** Stories as sorted lists of item keys, for comparing groupings. */
const groupsOf = (items: Item[], opts?: { maxGapHours?: number }) =>
  clusterItems(items, opts).clusters.map((c) => c.items.map((i) => i.key).sort());

const together = (groups: string[][], keys: string[]) => groups.some((g) => keys.every((k) => g.includes(k)));
const apart = (groups: string[][], a: string[], b: string[]) =>
  !groups.some((g) => a.some((k) => g.includes(k)) && b.some((k) => g.includes(k)));
const keys = (items: Item[]) => items.map((i) => i.key);

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('exact copies', () => {
  it('collapses the same canonical URL carried by two feeds, whatever tracking parameters they add', () => {
    const original = item({ feed: 'wire', title: 'Norway to give Ukraine six more F-16 fighter jets', published: '2026-03-03T09:00:00Z',
      canonicalUrl: 'https://wire.example/2026/03/03/norway-jets?utm_source=rss&utm_medium=feed', text: 'Norway will donate six jets.' });
    const copy = item({ feed: 'harbor', title: 'Norway to give Ukraine six more F-16 fighter jets', published: '2026-03-03T11:00:00Z',
      canonicalUrl: 'https://www.wire.example/2026/03/03/norway-jets/?utm_source=harbor&utm_campaign=syndication#top', text: 'Norway will donate six jets.' });
    const { clusters, duplicates } = clusterItems([copy, original, ...backgroundWeek()]);
    expect(duplicates).toEqual([{ item: copy, of: original }]);
    const story = clusters.find((c) => c.items.some((i) => i.key === original.key))!;
    expect(keys(story.items)).toEqual([original.key]);
    expect(clusters.flatMap((c) => c.items)).not.toContainEqual(copy);
  });

  it('collapses a shared global guid, but not a bare number that two feeds happen to use', () => {
    const a = item({ feed: 'wire', guid: 'tag:wire.example,2026:77', title: 'Talks resume in Geneva', published: '2026-03-03T09:00:00Z' });
    const b = item({ feed: 'ledger', guid: 'tag:wire.example,2026:77', title: 'Talks resume in Geneva', published: '2026-03-03T10:00:00Z' });
    const c = item({ feed: 'x', guid: '123', title: 'Dutch jets pledged', published: '2026-03-03T09:00:00Z' });
    const d = item({ feed: 'y', guid: '123', title: 'Grain shipments rise', published: '2026-03-03T09:00:00Z' });
    const { duplicates } = clusterItems([a, b, c, d]);
    expect(duplicates.map((x) => [x.item.key, x.of.key])).toEqual([[b.key, a.key]]);
  });

  it('keeps two entries of one feed on one page apart when each has its own anchor, and still collapses a repost', () => {
    const page = 'https://brief.example/daily/2026-03-04';
    const strike = item({ feed: 'brief', guid: 'b1', title: 'Deep strike: air base in Voronezh hit, two bombers damaged', published: '2026-03-04T06:00:00Z',
      url: `${page}#air-base`, canonicalUrl: page, text: 'Drones struck an air base in Voronezh region overnight.' });
    const grant = item({ feed: 'brief', guid: 'b2', title: 'Berlin adds €170m for Ukraine’s power grid', published: '2026-03-04T06:00:00Z',
      url: `${page}#grid`, canonicalUrl: page, text: 'Germany will give €170m for transformers and gas turbines.' });
    const repost = item({ feed: 'brief', guid: 'b3', title: 'Deep strike: air base in Voronezh hit, two bombers damaged', published: '2026-03-04T07:00:00Z',
      url: `${page}#air-base`, canonicalUrl: page, text: 'Drones struck an air base in Voronezh region overnight.' });
    const { clusters, duplicates } = clusterItems([strike, grant, repost, ...backgroundWeek()]);
    expect(duplicates.map((d) => [d.item.key, d.of.key])).toEqual([[repost.key, strike.key]]);
    expect(clusters.flatMap((c) => keys(c.items))).toEqual(expect.arrayContaining([strike.key, grant.key]));
  });

  it('does not take a home or section page that many items link to for a copy', () => {
    const home = ['https://local.example/', 'https://local.example/', 'https://other.example/news', 'https://other.example/news', 'https://other.example/news'];
    const items = home.map((url, n) =>
      item({ feed: n < 2 ? 'local' : 'other', guid: `h${n}`, url, canonicalUrl: url, title: `Unrelated headline number ${n}`, published: '2026-03-03T09:00:00Z' }));
    expect(clusterItems(items).duplicates).toEqual([]);
  });
});

describe('one story per event', () => {
  it('merges three outlets that tell the same event in different words', () => {
    const pledge = jetPledge();
    const groups = groupsOf([...pledge, ...backgroundWeek()]);
    expect(together(groups, keys(pledge))).toBe(true);
    // and nothing else joined them
    expect(groups.find((g) => g.includes(pledge[0].key))).toHaveLength(3);
  });

  it("keeps a government's jet pledge apart from the same government's trainer mission", () => {
    const pledge = jetPledge();
    const mission = trainerMission();
    const groups = groupsOf([...pledge, ...mission, ...backgroundWeek()]);
    expect(together(groups, keys(pledge))).toBe(true);
    expect(together(groups, keys(mission))).toBe(true);
    expect(apart(groups, keys(pledge), keys(mission))).toBe(true);
  });

  it('keeps a permission to strike apart from the strike itself', () => {
    const permission = strikePermission();
    const strike = strikeItself();
    const groups = groupsOf([...permission, ...strike, ...backgroundWeek()]);
    expect(together(groups, keys(permission))).toBe(true);
    expect(together(groups, keys(strike))).toBe(true);
    expect(apart(groups, keys(permission), keys(strike))).toBe(true);
  });

  it('keeps a big event told by sixty outlets in one story, within a busy week', () => {
    const event = bigEvent(60);
    const groups = groupsOf([...event, ...syntheticWeek(1000, 5).items]);
    expect(together(groups, keys(event))).toBe(true);
    expect(groups.find((g) => g.includes(event[0].key))).toHaveLength(60);
  });

  it('keeps two governments doing the same kind of thing on the same day apart', () => {
    const germany = airDefenceGermany();
    const italy = airDefenceItaly();
    const groups = groupsOf([...germany, ...italy, ...backgroundWeek()]);
    expect(together(groups, keys(germany))).toBe(true);
    expect(together(groups, keys(italy))).toBe(true);
    expect(apart(groups, keys(germany), keys(italy))).toBe(true);
  });

  it('keeps two different attacks on the same city two days apart as two stories', () => {
    const monday = odesaMonday();
    const wednesday = odesaWednesday();
    const groups = groupsOf([...monday, ...wednesday, ...backgroundWeek()]);
    expect(together(groups, keys(monday))).toBe(true);
    expect(together(groups, keys(wednesday))).toBe(true);
    expect(apart(groups, keys(monday), keys(wednesday))).toBe(true);
  });

  it('clusters headline-only items too', () => {
    const { purchase, training } = headlinesOnly();
    const groups = groupsOf([...purchase, ...training, ...backgroundWeek()]);
    expect(together(groups, keys(purchase))).toBe(true);
    expect(together(groups, keys(training))).toBe(true);
    expect(apart(groups, keys(purchase), keys(training))).toBe(true);
  });

  it('keeps items five days apart on a similar topic apart, unless the gap is widened', () => {
    const first = item({ feed: 'alpha', title: 'Drones hit Kharkiv power plant, cutting electricity', published: '2026-03-02T06:00:00Z',
      text: 'Russian drones struck a power plant in Kharkiv overnight, cutting electricity to thousands of homes, the mayor said.' });
    const later = item({ feed: 'beta', title: 'Kharkiv power plant struck by drones again', published: '2026-03-07T06:00:00Z',
      text: 'A power plant in Kharkiv was struck by Russian drones overnight, cutting electricity to thousands of homes, the mayor said.' });
    const week = [first, later, ...backgroundWeek()];
    expect(apart(groupsOf(week), [first.key], [later.key])).toBe(true);
    expect(together(groupsOf(week, { maxGapHours: 24 * 6 }), [first.key, later.key])).toBe(true);
  });

  it('clusters Ukrainian (Cyrillic) items with each other, one story per event', () => {
    const week = cyrillicWeek();
    const groups = groupsOf([...week, ...backgroundWeek()]);
    expect(together(groups, [week[0].key, week[1].key])).toBe(true);
    expect(together(groups, [week[2].key, week[3].key])).toBe(true);
    expect(apart(groups, [week[0].key, week[1].key], [week[2].key, week[3].key])).toBe(true);
  });
});

describe('stable and complete output', () => {
  const week = () => [...jetPledge(), ...trainerMission(), ...strikePermission(), ...strikeItself(), ...airDefenceGermany(),
    ...airDefenceItaly(), ...cyrillicWeek(), ...backgroundWeek()];

  it('gives the same clusters in the same order whatever the input order', () => {
    const items = week();
    const reference = clusterItems(items);
    const flat = (r: typeof reference) => r.clusters.map((c) => keys(c.items));
    for (const seed of [1, 7, 42, 1234]) {
      expect(flat(clusterItems(shuffled(items, seed)))).toEqual(flat(reference));
    }
    // items within a story run oldest first
    for (const c of reference.clusters) {
      const times = c.items.map((i) => i.published);
      expect(times).toEqual([...times].sort());
    }
  });

  it('accounts for every input item exactly once, for any input', () => {
    const words = ['Kyiv', 'jets', 'talks', 'Geneva', 'drones', 'aid', 'vote', 'Норвегія', 'ППО', '42', 'F-16', 'pledge'];
    const arbItem = fc.record({
      feed: fc.constantFrom('a', 'b', 'c'),
      title: fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 6 }).map((w) => w.join(' ')),
      text: fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((w) => w.join(' ')),
      hour: fc.integer({ min: 0, max: 200 }),
      url: fc.constantFrom('https://x.example/1', 'https://x.example/2?utm_source=a', null),
    });
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 25 }), (raw) => {
        const items = raw.map((r, n) =>
          item({ feed: r.feed, guid: `p${n}`, title: r.title, text: r.text, url: r.url, canonicalUrl: r.url,
            published: new Date(Date.UTC(2026, 2, 1) + r.hour * 3_600_000).toISOString() }));
        const { clusters, duplicates } = clusterItems(items);
        const seen = [...clusters.flatMap((c) => keys(c.items)), ...duplicates.map((d) => d.item.key)].sort();
        expect(seen).toEqual(keys(items).sort());
        expect(clusters.every((c) => c.items.length > 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('returns nothing for an empty input', () => {
    const { clusters, duplicates, pairScore } = clusterItems([]);
    expect({ clusters, duplicates }).toEqual({ clusters: [], duplicates: [] });
    expect(pairScore('a', 'b')).toBe(0);
  });

  it('rejects a bad gap or repeated keys with one clear line', () => {
    expect(() => clusterItems([], { maxGapHours: -3 })).toThrow(ClusterInputError);
    expect(() => clusterItems([], { maxGapHours: Number.NaN })).toThrow(/maxGapHours must be a positive number of hours/);
    const one = item({ feed: 'a', guid: 'same', title: 'x', published: '2026-03-03T09:00:00Z' });
    expect(() => clusterItems([one, { ...one }])).toThrow(/a:same appears twice/);
  });
});

describe('scale', () => {
  it('clusters a synthetic week of 2,000 items with high pairwise precision and recall', () => {
    const { items, eventOf } = syntheticWeek(2000, 3);
    const scores = pairwiseScores(clusterItems(items).clusters.map((c) => keys(c.items)), eventOf);
    expect(scores.precision).toBeGreaterThan(0.95);
    expect(scores.recall).toBeGreaterThan(0.75);
  });
});

describe('representative', () => {
  it('picks the item closest to the rest, not the first one', () => {
    const pledge = jetPledge();
    const odd = item({ feed: 'zeta', title: 'Nordic defence ministers meet', published: '2026-03-03T08:00:00Z',
      text: 'Ministers discussed jets among other matters.' });
    const chosen = representative({ items: [odd, ...pledge] });
    expect(pledge.map((p) => p.key)).toContain(chosen.key);
  });

  it('refuses an empty cluster with a clear message', () => {
    expect(() => representative({ items: [] })).toThrow(/no items/);
  });
});
