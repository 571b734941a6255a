// The summary scores of `npm run eval`: ROUGE-1 and the two baselines on tiny hand-made inputs whose
// answers are worked out by hand in the comments, the reference file's checks, and one tiny set with
// reference summaries built end to end through the real CLI.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEdition } from './build.js';
import { materialise } from './materialise.js';
import { rouge1, rouge1Words, rougeWords } from './rouge.js';
import { scoreEdition } from './score-edition.js';
import { readSetDir, SetError, SUMMARIES_FILE, type SetItem } from './set-format.js';
import { centroidSummary, leadSummary } from './summary-baselines.js';
import { majorityEvents } from './summary-scores.js';
import { scoreSummaryHeadlines } from './summary-headline.js';
import type { Edition } from '../../src/types.js';

describe('ROUGE-1', () => {
  it('counts shared words over the summary (precision) and over the reference (recall)', () => {
    // the cat sat on the mat / the cat lay on the mat: the ×2, cat, on, mat shared = 5 of 6 each way
    const s = rouge1Words(rougeWords('The cat sat on the mat.'), rougeWords('The cat lay on the mat.'));
    expect(s.precision).toBeCloseTo(5 / 6, 10);
    expect(s.recall).toBeCloseTo(5 / 6, 10);
    expect(s.f1).toBeCloseTo(5 / 6, 10);
  });

  it('counts a word no more often than the reference has it', () => {
    // "the the the" vs "the cat": 1 shared; P 1/3, R 1/2, F 2·(1/6)/(5/6) = 0.4
    const s = rouge1Words(rougeWords('the the the'), rougeWords('the cat'));
    expect(s.precision).toBeCloseTo(1 / 3, 10);
    expect(s.recall).toBeCloseTo(1 / 2, 10);
    expect(s.f1).toBeCloseTo(0.4, 10);
  });

  it('meets words by their stem, ignoring case and punctuation', () => {
    expect(rougeWords('Ministers pledged jets; the minister pledges.')).toEqual(['minister', 'pledg', 'jet', 'the', 'minister', 'pledg']);
    expect(rouge1Words(rougeWords('Ministers pledged'), rougeWords('the minister pledges')).recall).toBeCloseTo(2 / 3, 10);
  });

  it('averages over several references, and gives 0 to an empty summary', () => {
    // "a b" against "a b" (F 1) and "c d" (F 0): mean 0.5
    expect(rouge1(['a', 'b'], [['a', 'b'], ['c', 'd']]).f1).toBeCloseTo(0.5, 10);
    expect(rouge1([], [['a']])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('summary baselines', () => {
  const item = (key: string, published: string, text: string) => ({ key, published, text });

  it('lead: the first words of the earliest item with text', () => {
    const items = [item('b', '2026-05-12T10:00:00Z', 'Later report on the storm.'), item('a', '2026-05-12T09:00:00Z', 'A storm hit the port today.'), item('c', '2026-05-12T08:00:00Z', '')];
    expect(leadSummary(items, 3)).toEqual(['a', 'storm', 'hit']);
  });

  it('centroid: the sentences nearest the items’ TF-IDF centroid first, cut to the length', () => {
    // counts (no idf): storm 2, hits 2, port 2, again 1, cats 1, nap 1, |c| = √15.
    // "storm hits port" 6/(√3·√15) = 0.894; "storm hits port again" 7/(√4·√15) = 0.904; "cats nap" 2/(√2·√15) = 0.365.
    const items = [item('a', '2026-05-12T09:00:00Z', 'Storm hits port. Storm hits port again. Cats nap.')];
    expect(centroidSummary(items, () => 1, 5)).toEqual(['storm', 'hit', 'port', 'again', 'storm']);
  });

  it('a story stands for the event most of its items carry, or every event of a tie', () => {
    const it = (id: string, event: string | null) => ({ id, event }) as SetItem;
    expect(majorityEvents([it('1', 'x'), it('2', 'y'), it('3', 'y'), it('4', null)])).toEqual(['y']);
    expect(majorityEvents([it('1', 'y'), it('2', 'x')])).toEqual(['x', 'y']);
    expect(majorityEvents([it('1', null)])).toEqual([]);
  });
});

describe('sets with reference summaries', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const meta = {
    name: 'tiny-sum', role: 'tuning', about: 'two events with references', now: '2026-05-18T04:00:00Z', window: '7d', title: 'Tiny', other: 'Other news',
    themes: [{ id: 'arms', title: 'Weapons', description: 'Weapons and strikes.', keywords: ['jets', 'drones'] }],
  };
  const items = [
    { id: 'j1', outlet: 'Wire One', title: 'Netherlands delivers the last F-16 jets to Ukraine', published: '2026-05-12T10:00:00Z', event: 'jets', theme: 'arms',
      text: 'The Netherlands has delivered the last of its 24 promised F-16 fighter jets to Ukraine, the Dutch defence ministry said on Tuesday.\n\nThe jets were flown to an air base in Romania before crossing into Ukraine, officials in The Hague said.\n\nThe ministry gave no date for further deliveries of spare parts.' },
    { id: 'd1', outlet: 'Courier', title: 'Germany funds long-range drones for Kyiv', published: '2026-05-13T10:00:00Z', event: 'drones', theme: 'arms',
      text: 'Germany will pay for 500 long-range drones built in Ukraine, the defence minister in Berlin announced on Wednesday.\n\nThe money comes from this year\u2019s military aid budget and the first drones are due within weeks, he told reporters.' },
  ];
  const writeSet = (summaries: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundup-eval-sum-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'set.json'), JSON.stringify(meta));
    writeFileSync(path.join(dir, 'items.jsonl'), items.map((i) => JSON.stringify(i)).join('\n'));
    writeFileSync(path.join(dir, SUMMARIES_FILE), summaries);
    return dir;
  };

  it('names the file, line and field of a reference for an unknown event', () => {
    const dir = writeSet(`${JSON.stringify({ event: 'jets', reference: 'The Dutch delivered their last F-16s.' })}\n${JSON.stringify({ event: 'tanks', reference: 'Tanks.' })}\n`);
    expect(() => readSetDir(dir)).toThrow(SetError);
    expect(() => readSetDir(dir)).toThrow(/summaries\.jsonl:2: event: "tanks" is the event of no item in items\.jsonl$/);
  });

  it('scores every story of a built edition against its event’s references, next to both baselines', async () => {
    const dir = writeSet(
      [
        { event: 'jets', reference: 'The Netherlands delivered the last of 24 F-16 jets to Ukraine.' },
        { event: 'jets', reference: 'Dutch F-16 deliveries to Ukraine are complete.' },
        { event: 'drones', reference: 'Germany will fund 500 Ukrainian long-range drones.' },
      ].map((r) => JSON.stringify(r)).join('\n'),
    );
    const set = readSetDir(dir);
    expect(set.summaries?.get('jets')).toHaveLength(2);
    const work = path.join(dir, 'work');
    mkdirSync(work);
    const { edition } = await buildEdition(materialise(set, work), set.meta.now, path.join(work, 'out'));
    const result = scoreEdition(set, edition, 0, false);
    const s = result.summaries!;
    expect([s.stories, s.events, s.eventsWithReferences, s.split, s.empty]).toEqual([2, 2, 2, 0, 0]);
    expect(s.words).toBeGreaterThan(10);
    for (const r of [s.ours, s.lead, s.centroid]) {
      expect(r.f1).toBeGreaterThan(0.2);
      expect(r.f1).toBeLessThanOrEqual(1);
    }
  });
});

describe('summaries off their headline', () => {
  const item = (id: string, event: string | null, title: string, text: string): SetItem => ({ id, outlet: 'Wire', title, text, published: '2026-02-06T10:00:00Z', event, theme: null });
  const set = {
    meta: { name: 't', role: 'tuning' as const, about: 't', now: '2026-02-07T00:00:00Z', window: '7d', title: 't', themes: [], other: 'Other' },
    items: [
      item('1', 'shooting', 'General shot in Moscow', 'A general was shot in Moscow on Friday.'),
      item('2', 'shooting', 'GRU deputy shot', 'Police are hunting the gunman.'),
      item('3', null, 'Russia may be ready for war', 'Russia may be ready for a new war.'),
    ],
    feedIds: new Map([['Wire', 'wire']]),
  };
  const ref = (id: string) => ({ feed: 'wire', guid: id, url: null, title: '', published: '' });
  const edition = (summary: string, ids: string[]) =>
    ({ sections: [{ id: 's', title: 'S', stories: [{ id: 'x', title: 'General shot in Moscow', url: null, summary, published: '', sources: [], why: [], items: ids.map(ref) }] }] }) as unknown as Edition;

  it('counts a summary that takes a sentence of another event’s item, not one of its own event’s', () => {
    expect(scoreSummaryHeadlines(set, edition('A general was shot in Moscow on Friday. Police are hunting the gunman.', ['1', '2', '3']))).toEqual({ stories: 1, off: 0 });
    expect(scoreSummaryHeadlines(set, edition('A general was shot in Moscow on Friday. Russia may be ready for a new war.', ['1', '2', '3']))).toEqual({ stories: 1, off: 1 });
  });

  it('leaves out one-item stories and summaries it cannot trace to the items', () => {
    expect(scoreSummaryHeadlines(set, edition('A general was shot in Moscow on Friday.', ['1']))).toEqual({ stories: 0, off: 0 });
    expect(scoreSummaryHeadlines(set, edition('Words no item has.', ['1', '3']))).toEqual({ stories: 0, off: 0 });
  });
});
