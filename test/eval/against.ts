// `npm run eval -- --against FILE`: this run beside an earlier one (a file `--json` wrote, e.g. on the base of a
// change), set by set, tuning and held-out apart. A change is judged by the held-out rows: a gain that only the
// sets which chose its parameters show is not a gain.
import { readFileSync } from 'node:fs';
import type { SetResult } from './score-edition.js';
import { SetError } from './set-format.js';

/** The measures compared, as a row of the table shows them. */
interface Measures {
  pairF1: number | null;
  bcubedF1: number | null;
  sections: number | null;
  other: number;
  lost: number;
  summary: number | null;
  met: boolean;
}

/** What a row of an earlier run must carry to be compared (the fields `--json` has written since session 8). */
type Row = Pick<SetResult, 'name' | 'role' | 'clusters' | 'sectionAccuracy' | 'otherShare' | 'lost' | 'summaries' | 'goals'>;

/** Differences smaller than this are rounding, not a change (the table prints two or three decimals). */
const EPSILON = 0.0005;
/** Sets only the earlier run has are named up to this many. */
const MAX_NAMED = 8;

function measuresOf(r: Row): Measures {
  return {
    pairF1: r.clusters?.pairs.f1 ?? null,
    bcubedF1: r.clusters?.bcubed.f1 ?? null,
    sections: r.sectionAccuracy,
    other: r.otherShare,
    lost: r.lost,
    summary: r.summaries?.ours.f1 ?? null,
    met: r.goals.met,
  };
}

/** The rows of a file `npm run eval -- --json` wrote; a clear one-line error for anything else. */
export function readRun(file: string): Row[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SetError(`--against: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); expected a file \`npm run eval -- --json\` wrote`);
  }
  // npm prints its own header lines before the JSON when the output was redirected from `npm run`
  const start = text.indexOf('{');
  let parsed: unknown;
  try {
    parsed = JSON.parse(start >= 0 ? text.slice(start) : text);
  } catch {
    throw new SetError(`--against: ${file} is not JSON; expected the output of \`npm run eval -- --json\``);
  }
  const results = (parsed as { results?: unknown }).results;
  if (!Array.isArray(results) || !results.every(isRow)) {
    throw new SetError(`--against: ${file} has no "results" list of set rows; expected the output of \`npm run eval -- --json\``);
  }
  return results;
}

function isRow(x: unknown): x is Row {
  const r = x as Partial<Row> | null;
  return (
    typeof r === 'object' && r !== null && typeof r.name === 'string' && (r.role === 'tuning' || r.role === 'held-out') &&
    typeof r.otherShare === 'number' && typeof r.lost === 'number' && typeof r.goals?.met === 'boolean'
  );
}

const fmt = (x: number | null, digits = 3) => (x === null ? '—' : x.toFixed(digits));

function changed(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a !== b;
  return Math.abs(a - b) >= EPSILON;
}

/** "0.812 → 0.830" for a measure that moved, null for one that did not. */
function move(label: string, before: number | null, after: number | null, digits = 3): string | null {
  return changed(before, after) ? `${label} ${fmt(before, digits)} → ${fmt(after, digits)}` : null;
}

interface RoleTally {
  sets: number;
  met: number;
  metBefore: number;
  /** rows whose pair F1 or sections rose / fell */
  up: number;
  down: number;
  /** summed change of pair F1 and of sections over the rows that have them in both runs */
  pairF1: number;
  sections: number;
}

/**
 * The comparison as lines of text: every set whose measures moved (tuning first), the sets only one run has,
 * and per role how many sets meet every goal now and before, how many rose and fell, and the summed change.
 */
export function formatAgainst(now: Row[], before: Row[], label: string): string {
  const earlier = new Map(before.map((r) => [r.name, r]));
  const lines: string[] = [`Against ${label}:`];
  const empty = (): RoleTally => ({ sets: 0, met: 0, metBefore: 0, up: 0, down: 0, pairF1: 0, sections: 0 });
  const tallies: Record<'tuning' | 'held-out', RoleTally> = { tuning: empty(), 'held-out': empty() };
  for (const role of ['tuning', 'held-out'] as const) {
    for (const r of now.filter((x) => x.role === role)) {
      const b = earlier.get(r.name);
      if (!b) continue;
      const t = tallies[role];
      const [m, n] = [measuresOf(b), measuresOf(r)];
      t.sets++;
      if (n.met) t.met++;
      if (m.met) t.metBefore++;
      let delta = 0;
      if (m.pairF1 !== null && n.pairF1 !== null) {
        t.pairF1 += n.pairF1 - m.pairF1;
        delta += changed(m.pairF1, n.pairF1) ? n.pairF1 - m.pairF1 : 0;
      }
      if (m.sections !== null && n.sections !== null) {
        t.sections += n.sections - m.sections;
        delta += changed(m.sections, n.sections) ? n.sections - m.sections : 0;
      }
      if (delta > 0) t.up++;
      else if (delta < 0) t.down++;
      const moves = [
        move('pair F1', m.pairF1, n.pairF1),
        move('B³', m.bcubedF1, n.bcubedF1),
        move('sections', m.sections, n.sections),
        move('Other', m.other, n.other, 2),
        m.lost !== n.lost ? `lost ${m.lost} → ${n.lost}` : null,
        move('summaries', m.summary, n.summary, 4),
        m.met !== n.met ? (n.met ? 'now meets every goal' : `no longer meets every goal (missed ${r.goals.missed.join(',')})`) : null,
      ].filter((x): x is string => x !== null);
      if (moves.length) lines.push(`  ${r.name} (${role}): ${moves.join('; ')}`);
    }
  }
  const added = now.filter((r) => !earlier.has(r.name)).map((r) => r.name);
  const gone = before.filter((r) => !now.some((x) => x.name === r.name)).map((r) => r.name);
  if (added.length) lines.push(`  only in this run: ${added.join(', ')}`);
  // a run of chosen sets (--set) leaves most of a full earlier run out: named only when they are few
  if (gone.length) lines.push(`  only in ${label}: ${gone.length <= MAX_NAMED ? gone.join(', ') : `${gone.length} sets`}`);
  if (lines.length === 1) lines.push('  no set moved');
  for (const role of ['tuning', 'held-out'] as const) {
    const t = tallies[role];
    if (!t.sets) continue;
    const sign = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
    lines.push(
      `  ${role}: ${t.met} of ${t.sets} sets meet every goal (before ${t.metBefore}); ${t.up} rose, ${t.down} fell; summed change pair F1 ${sign(t.pairF1)}, sections ${sign(t.sections)}`,
    );
  }
  return lines.join('\n');
}
