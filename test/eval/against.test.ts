// `npm run eval -- --against FILE`: what moved since an earlier run, tuning and held-out apart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatAgainst, readRun } from './against.js';
import type { SetResult } from './score-edition.js';
import { SetError } from './set-format.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-against-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = Parameters<typeof formatAgainst>[0][number];

function row(name: string, role: SetResult['role'], pairF1: number | null, sections: number | null, missed: string[] = []): Row {
  return {
    name,
    role,
    clusters:
      pairF1 === null
        ? null
        : ({ pairs: { precision: 1, recall: 1, f1: pairF1 }, bcubed: { precision: 1, recall: 1, f1: pairF1 } } as SetResult['clusters']),
    sectionAccuracy: sections,
    otherShare: 0.05,
    lost: 0,
    summaries: null,
    goals: { met: missed.length === 0, missed },
  };
}

describe('eval --against', () => {
  const before = [row('w', 'tuning', 0.8, 0.9, ['F1']), row('w-headlines', 'tuning', 0.85, 0.8, ['F1', 'sect']), row('x', 'held-out', 0.88, 0.95, ['F1']), row('y', 'held-out', null, 0.84, ['sect'])];

  it('names every set that moved with each measure before and after, and leaves the others out', () => {
    const now = [row('w', 'tuning', 0.8, 0.9, ['F1']), row('w-headlines', 'tuning', 0.9, 0.78, ['sect']), row('x', 'held-out', 0.91, 0.95), row('y', 'held-out', null, 0.84, ['sect'])];
    const text = formatAgainst(now, before, 'base.json');
    expect(text).toContain('w-headlines (tuning): pair F1 0.850 → 0.900; B³ 0.850 → 0.900; sections 0.800 → 0.780');
    expect(text).toContain('x (held-out): pair F1 0.880 → 0.910; B³ 0.880 → 0.910; now meets every goal');
    expect(text).not.toMatch(/^ {2}w \(tuning\)/m);
    expect(text).not.toMatch(/^ {2}y \(held-out\)/m);
    // a row whose pair F1 and sections moved by +0.05 and −0.02 rose; the held-out gain is counted on its own
    expect(text).toContain('tuning: 0 of 2 sets meet every goal (before 0); 1 rose, 0 fell; summed change pair F1 +0.050, sections −0.020');
    expect(text).toContain('held-out: 1 of 2 sets meet every goal (before 0); 1 rose, 0 fell; summed change pair F1 +0.030, sections +0.000');
  });

  it('says when a set no longer meets its goals, and which sets only one run has', () => {
    const now = [row('w', 'tuning', 0.8, 0.9, ['F1']), row('x', 'held-out', 0.87, 0.95, ['F1']), row('z', 'held-out', 0.95, 0.95)];
    const earlier = [...before.slice(0, 2), row('x', 'held-out', 0.92, 0.95), before[3]];
    const text = formatAgainst(now, earlier, 'base.json');
    expect(text).toContain('x (held-out): pair F1 0.920 → 0.870; B³ 0.920 → 0.870; no longer meets every goal (missed F1)');
    expect(text).toContain('held-out: 0 of 1 sets meet every goal (before 1); 0 rose, 1 fell');
    expect(text).toContain('only in this run: z');
    expect(text).toContain('only in base.json: w-headlines, y');
  });

  it('reads a file that `npm run eval -- --json` wrote, npm header lines and all', () => {
    const file = path.join(dir, 'run.json');
    writeFileSync(file, `\n> roundup@0.1.0 eval\n> node --import tsx test/eval/main.ts --json\n\n${JSON.stringify({ threshold: 0.1, seconds: 1, results: before, failed: [], missing: [] })}\n`);
    expect(readRun(file).map((r) => r.name)).toEqual(['w', 'w-headlines', 'x', 'y']);
  });

  it('refuses anything else with one line naming the file and what is expected', () => {
    const notJson = path.join(dir, 'notes.txt');
    writeFileSync(notJson, 'pair F1 went up\n');
    const noRows = path.join(dir, 'other.json');
    writeFileSync(noRows, JSON.stringify({ results: [{ name: 'w' }] }));
    for (const [file, message] of [
      [path.join(dir, 'missing.json'), /cannot read .*missing\.json \(ENOENT\)/],
      [notJson, /notes\.txt is not JSON/],
      [noRows, /other\.json has no "results" list of set rows/],
    ] as const) {
      expect(() => readRun(file)).toThrow(SetError);
      expect(() => readRun(file)).toThrow(message);
    }
  });
});
