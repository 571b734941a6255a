// A feed tells an event once: its bare headlines half a day apart or more are the next development or other news,
// even when they share words and the feed's label (a live blog's entries of three days). Hand-written items
// (invented events and wording), against a background week.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import { backgroundWeek, bare, item, storyOf } from './sample.js';


describe('bare headlines of one feed told a day apart', () => {
  const wire = bare('wire', 'Kyiv says drones hit Tu-22 bombers at Russia’s Shaykovka air base', '2026-03-03T06:30:00Z');
  const first = bare('live', 'Live: drones hit Russian bomber base at Shaykovka, general staff says', '2026-03-03T07:10:00Z');
  const depot = bare('live', 'Live: drones hit oil depot in Russia’s Bryansk region', '2026-03-04T10:00:00Z');
  const suburbs = bare('live', 'Live: Russian drones hit Kyiv suburbs, three hurt', '2026-03-05T09:20:00Z');

  it('keeps two entries of a live blog about different drone strikes apart, and its first entry with the wire’s report', () => {
    const items = [wire, first, depot, suburbs, ...backgroundWeek()];
    expect(storyOf(items, wire.key)).toEqual([wire.key, first.key].sort());
    expect(storyOf(items, depot.key)).toEqual([depot.key]);
    expect(storyOf(items, suburbs.key)).toEqual([suburbs.key]);
  });
});

describe('an aggregator’s feed', () => {
  it('is many outlets: its publishers’ headlines of one event a day apart score as if from their own feeds', () => {
    const early = { title: 'Kyiv says drones hit Tu-22 bombers at Russia’s Shaykovka air base', published: '2026-03-03T06:30:00Z', text: '' };
    const later = { title: 'Satellite images show Tu-22 bombers burnt out at Shaykovka air base', published: '2026-03-04T08:00:00Z', text: '' };
    // the same two headlines, once through one aggregator's feed (each naming its publisher), once from the publishers' own feeds
    const viaAggregator = [item({ ...early, feed: 'news', feedName: 'Wire One' }), item({ ...later, feed: 'news', feedName: 'Daily Two' })];
    const ownFeeds = [item({ ...early, feed: 'one', feedName: 'Wire One' }), item({ ...later, feed: 'two', feedName: 'Daily Two' })];
    const score = (pair: ReturnType<typeof item>[]) => clusterItems([...pair, ...backgroundWeek()]).pairScore(pair[0].key, pair[1].key);
    expect(score(viaAggregator)).toBeGreaterThan(0);
    expect(score(viaAggregator)).toBeCloseTo(score(ownFeeds), 6);
    // one outlet's two headlines a day apart count less
    const oneOutlet = [item({ ...early, feed: 'one', feedName: 'Wire One' }), item({ ...later, feed: 'one', feedName: 'Wire One' })];
    expect(score(oneOutlet)).toBeLessThan(score(ownFeeds));
  });
});
