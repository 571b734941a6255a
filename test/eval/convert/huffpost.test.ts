// The HuffPost converter through its command line, on a few lines of the corpus' shape written here
// (invented headlines): which sections are kept, how they map to the aggregator's themes, the cap per section.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runConvert } from './run-convert.js';
import { readSetDir } from '../set-format.js';
import { UCI_THEMES } from '../sets.js';

const work = mkdtempSync(path.join(tmpdir(), 'roundup-huffpost-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const line = (category: string, headline: string, description = 'One line about it.') =>
  JSON.stringify({ link: `https://example.org/${encodeURIComponent(headline)}`, headline, category, short_description: description, authors: '', date: '2021-05-01' });

const convert = (file: string, out: string) => runConvert('huffpost', file, out);

describe('convert/index.ts huffpost', () => {
  const file = path.join(work, 'News_Category_Dataset_v3.json');
  const lines = [
    line('BUSINESS', 'Bakery chain doubles its profit'),
    line('MONEY', 'How to read a pension statement'),
    line('TECH', 'Phone maker ships a folding screen'),
    line('SCIENCE', 'Probe finds ice under a crater'),
    line('ENTERTAINMENT', 'Band announces a farewell tour', 'Tickets go on sale on Friday.'),
    line('WELLNESS', 'Why a short walk helps you sleep'),
    line('POLITICS', 'Senate passes the budget'),
    line('TECH', '   '),
    '',
    ...Array.from({ length: 125 }, (_, n) => line('WELLNESS', `Stretch number ${n + 1} for a stiff back`)),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  const out = path.join(work, 'out');
  const run = convert(file, out);
  const halves = ['dev', 'test'].map((h) => readSetDir(path.join(out, `huffpost-${h}`)));
  const items = halves.flatMap((s) => s.items);

  it('keeps the four matching sections under the aggregator themes, drops the rest and empty headlines', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(halves.map((s) => s.meta.role)).toEqual(['tuning', 'held-out']);
    expect(halves[0].meta.themes.map((t) => t.id)).toEqual(UCI_THEMES.map((t) => t.id));
    const theme = (title: string) => items.find((i) => i.title === title)?.theme;
    expect(theme('Bakery chain doubles its profit')).toBe('business');
    expect(theme('How to read a pension statement')).toBe('business');
    expect(theme('Phone maker ships a folding screen')).toBe('tech');
    expect(theme('Probe finds ice under a crater')).toBe('tech');
    expect(theme('Band announces a farewell tour')).toBe('entertainment');
    expect(items.find((i) => i.title === 'Band announces a farewell tour')?.text).toBe('Tickets go on sale on Friday.');
    expect(theme('Senate passes the budget')).toBeUndefined();
    expect(items.every((i) => i.title.trim() && i.event === null && i.outlet === 'HuffPost')).toBe(true);
  });

  it('takes at most 120 items of a section, the same ones each run', () => {
    expect(items.filter((i) => i.theme === 'health')).toHaveLength(120);
    expect(items).toHaveLength(5 + 120);
    const again = path.join(work, 'again');
    expect(convert(file, again).status).toBe(0);
    const ids = (dir: string) => ['dev', 'test'].flatMap((h) => readSetDir(path.join(dir, `huffpost-${h}`)).items.map((i) => i.id)).sort();
    expect(ids(again)).toEqual(ids(out));
  });

  it('names the line when the file is not one JSON object per line', () => {
    const bad = path.join(work, 'bad.json');
    writeFileSync(bad, `${line('TECH', 'Fine')}\n{"headline": \n`);
    const r = convert(bad, path.join(work, 'none'));
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^convert: .*bad\.json line 2: expected one JSON object per line/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
