// A running subject makes a new event every day: the senate of an invented country passes its infrastructure bill
// one evening, and its budget plan the next afternoon. Three outlets report each, within a few hours; the reports
// share the chamber, the leaders, the money and most of the words, and linkage joined the two days into one story.
// Two bursts of coverage, each from three outlets or more, half a day apart, are two events
// (src/cluster/news-cycles.ts). An event covered at length on two evenings (its coverage no burst) stays one
// story. Names, outlets and events are invented.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { newsItem, otherNews } from './other-news.js';

let n = 0;
function item(outlet: string, title: string, published: string, text: string): Item {
  return newsItem(outlet, `${outlet}-${++n}`, title, published, text);
}

const CONTEXT = 'The Velmar senate is controlled by the Unity bloc of prime minister Ada Koren, and opposition leader Tomas Brek has fought both measures.';

const BILL = [
  item('herald', 'Velmar senate passes 40 billion infrastructure bill', '2026-09-03T18:00:00Z', `The Velmar senate passed the 40 billion crown infrastructure bill on Wednesday evening by 61 votes to 38. ${CONTEXT}`),
  item('courier', 'Senate approves Koren’s 40 billion infrastructure plan', '2026-09-03T19:30:00Z', `Senators approved prime minister Ada Koren's 40 billion crown plan for roads, rail and bridges on Wednesday. ${CONTEXT}`),
  item('wire', 'Velmar senate backs infrastructure spending in 61-38 vote', '2026-09-03T21:00:00Z', `The Velmar senate backed 40 billion crowns of infrastructure spending in a 61-38 vote. ${CONTEXT}`),
];
const BUDGET = [
  item('herald', 'Velmar senate passes Koren’s 120 billion budget plan', '2026-09-04T14:00:00Z', `The Velmar senate passed prime minister Ada Koren's 120 billion crown budget plan on Thursday by 51 votes to 48. ${CONTEXT}`),
  item('courier', 'Senate approves 120 billion budget after all-night debate', '2026-09-04T15:30:00Z', `Senators approved the 120 billion crown budget plan on Thursday after an all-night debate. ${CONTEXT}`),
  item('wire', 'Velmar senate backs budget plan in 51-48 vote', '2026-09-04T17:00:00Z', `The Velmar senate backed the 120 billion crown budget plan in a 51-48 vote. ${CONTEXT}`),
];
/** one event, reported through an evening and a night, and again, after 13 quiet hours, through the next evening */
const FLOOD = [
  ['herald', 'Floods cut off Dravo valley villages', '2026-09-05T16:00:00Z'],
  ['courier', 'Dravo river bursts its banks, villages cut off', '2026-09-05T20:00:00Z'],
  ['wire', 'Hundreds evacuated as Dravo floods valley villages', '2026-09-06T00:00:00Z'],
  ['gazette', 'Dravo valley floods: army sends boats to cut-off villages', '2026-09-06T13:00:00Z'],
  ['post', 'Boats reach villages cut off by Dravo floods', '2026-09-06T17:00:00Z'],
  ['daily', 'Dravo floods: villagers rescued by army boats', '2026-09-06T21:00:00Z'],
].map(([o, t, at]) => item(o, t, at, `${t}. The Dravo river burst its banks after two days of rain, cutting off villages in the valley; the army sent boats.`));

describe('two days of a running subject', () => {
  const { clusters } = clusterItems([...otherNews(), ...BILL, ...BUDGET, ...FLOOD]);
  const storyOf = (i: Item) => clusters.findIndex((c) => c.items.some((x) => x.key === i.key));

  it('are two stories, each told by its three outlets', () => {
    expect(new Set(BILL.map(storyOf)).size).toBe(1);
    expect(new Set(BUDGET.map(storyOf)).size).toBe(1);
    expect(storyOf(BILL[0])).not.toBe(storyOf(BUDGET[0]));
  });

  it('while one event covered through two evenings, each longer than half the quiet between, stays one story', () => {
    expect(new Set(FLOOD.map(storyOf)).size).toBe(1);
  });
});

describe('items whose time says nothing of when they were reported', () => {
  const together = (bill: Item[], budget: Item[]) => {
    const { clusters } = clusterItems([...otherNews(), ...bill, ...budget]);
    const storyOf = (i: Item) => clusters.findIndex((c) => c.items.some((x) => x.key === i.key));
    return new Set([...bill, ...budget].map(storyOf)).size === 1;
  };

  it('a date without its time: the two days stay as linkage made them', () => {
    const dateOnly = (i: Item) => ({ ...i, key: `${i.key}-d`, published: `${i.published.slice(0, 10)}T00:00:00.000Z` });
    expect(together(BILL.map(dateOnly), BUDGET.map(dateOnly))).toBe(true);
  });

  it('no date at all (the time is when a daily build first saw them): the same', () => {
    const undated = (i: Item): Item => ({ ...i, key: `${i.key}-u`, published: `${i.published.slice(0, 10)}T07:00:00.000Z`, undated: true });
    expect(together(BILL.map(undated), BUDGET.map(undated))).toBe(true);
  });
});
