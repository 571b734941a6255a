// The AllSides converter through its command line, on a few stories of the crawl's shape written here
// (invented outlets' reports): items per outlet, events, sections by topic, days, reference summaries.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runConvert } from './run-convert.js';
import { readSetDir } from '../set-format.js';

const work = mkdtempSync(path.join(tmpdir(), 'roundup-allsides-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const article = (source: string, title: string, link: string, body: string[]) => ({
  stance: 'center', newsSource: source, newsTitle: title, newsLink: link, newBody: body, topicID: '1', opinionTag: null,
});

const story = (id: number, topic: string, date: string, news: Record<string, ReturnType<typeof article>>, roundup = [`Summary of story ${id}.`, 'Coverage note.']) =>
  JSON.stringify({ id, issue: `Story ${id}`, topic, link: `/story/${id}`, date, roundup, news });

const lines = [
  story(1, 'US Senate', '2021-10-12T10:00:00-07:00', {
    left: article('Daily Lantern (Online News)', 'Senate passes the bridge bill', 'https://lantern.example/2021/10/10/bridge-bill', ['The Senate passed the bridge bill on Sunday.', 'It now goes to the House...']),
    center: article('Wire Desk', 'Bridge bill clears the Senate', 'https://wire.example/bridge', ['Senators voted 61 to 38.']),
    right: article('Morning Ledger (News)', 'Senate approves $9bn bridge plan', 'https://ledger.example/news/bridge', ['The plan passed.']),
  }),
  story(2, 'Holidays', '2021-09-01T08:00:00-07:00', {
    left: article('Daily Lantern (Opinion)', 'A parade returns after two years', 'https://lantern.example/parade', ['The parade returned.']),
    right: article('Morning Ledger', 'Crowds line the streets for the parade', 'https://ledger.example/parade', ['Crowds came.']),
  }),
  story(6, 'Middle East', '2021-08-20T06:00:00-07:00', {
    center: article('Wire Desk', 'Talks resume in the capital', 'https://wire.example/2021-08-19/talks', ['Envoys met.']),
    right: article('Morning Ledger', 'Envoys return to the table', 'https://ledger.example/talks', ['They met.']),
  }),
  // its left report is story 1's: only one new outlet is left, so the story is not an event of two
  story(3, 'Politics', '2021-10-13T09:00:00-07:00', {
    left: article('Daily Lantern', 'Senate passes the bridge bill', 'https://lantern.example/2021/10/10/bridge-bill', ['Again.']),
    right: article('Morning Ledger', 'House to take up the bridge bill', 'https://ledger.example/house', ['Next week.']),
  }),
  // before the 18-week window
  story(4, 'Coronavirus', '2021-03-01T09:00:00-07:00', {
    left: article('Daily Lantern', 'Clinics open for shots', 'https://lantern.example/shots', ['Clinics opened.']),
    right: article('Morning Ledger', 'Shots start at clinics', 'https://ledger.example/shots', ['Shots started.']),
  }),
  '',
];

describe('convert/index.ts allsides', () => {
  const file = path.join(work, 'headline_1_crawled_all.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const out = path.join(work, 'out');
  const run = runConvert('allsides', file, out);
  const halves = ['dev', 'test'].map((h) => readSetDir(path.join(out, `allsides-${h}`)));
  const items = halves.flatMap((s) => s.items);
  const byId = (id: string) => items.find((i) => i.id === id);

  it('makes one item per outlet, one event per story of two outlets or more inside the window', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(halves.map((s) => s.meta.role)).toEqual(['tuning', 'held-out']);
    expect(items.map((i) => i.id).sort()).toEqual(['as-1-center', 'as-1-left', 'as-1-right', 'as-2-left', 'as-2-right', 'as-6-center', 'as-6-right']);
    for (const event of ['as-1', 'as-2', 'as-6']) {
      const halvesWith = halves.filter((s) => s.items.some((i) => i.event === event));
      expect(halvesWith).toHaveLength(1);
      expect(halvesWith[0].items.filter((i) => i.event === event).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('names the outlet without its AllSides label, keeps the paragraphs and marks the cut', () => {
    expect(byId('as-1-left')).toMatchObject({
      outlet: 'Daily Lantern',
      title: 'Senate passes the bridge bill',
      text: 'The Senate passed the bridge bill on Sunday.\n\nIt now goes to the House…',
      url: 'https://lantern.example/2021/10/10/bridge-bill',
      theme: 'politics',
    });
    expect(byId('as-1-right')?.outlet).toBe('Morning Ledger');
    expect(byId('as-2-left')?.outlet).toBe('Daily Lantern');
    expect(byId('as-6-center')?.theme).toBe('world');
    // a topic outside the four themes is Other
    expect(byId('as-2-left')?.theme).toBeNull();
  });

  it('dates an article by the day in its URL when it is before the story, else by the story', () => {
    expect(byId('as-1-left')?.published.slice(0, 10)).toBe('2021-10-10');
    expect(byId('as-6-center')?.published.slice(0, 10)).toBe('2021-08-19');
    const story1 = Date.parse('2021-10-12T17:00:00Z');
    const center = Date.parse(byId('as-1-center')!.published);
    expect(center).toBeLessThanOrEqual(story1);
    expect(story1 - center).toBeLessThan(6 * 3_600_000);
  });

  it('writes the roundup\'s first paragraph as the event\'s reference summary', () => {
    const half = halves.find((s) => s.items.some((i) => i.event === 'as-1'));
    expect(half?.summaries?.get('as-1')).toEqual(['Summary of story 1.']);
  });

  it('names the line when the file is not one story per line', () => {
    const bad = path.join(work, 'bad.jsonl');
    writeFileSync(bad, `${lines[0]}\n{"id": 7,\n`);
    const r = runConvert('allsides', bad, path.join(work, 'none'));
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^convert: .*bad\.jsonl line 2: expected one AllSides story per line/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
