// The table `npm run eval -- --wordings` prints: one row per set, its section accuracy and Other share
// under each wording of its themes (w0 its own, w1, w2 other users'), with the mean, the worst and the spread.
import type { SetResult } from './score-edition.js';

const num = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** `uci-news w2` → ['uci-news', 2]; a set's own wording is 0 */
export function wordingOfName(name: string): [string, number] {
  const m = / w(\d+)$/.exec(name);
  return m ? [name.slice(0, m.index), Number(m[1])] : [name, 0];
}

export interface WordingRow {
  set: string;
  role: SetResult['role'];
  text: SetResult['text'];
  /** per wording (index = wording number): section accuracy and Other share, null when not built */
  byWording: ({ sections: number | null; other: number } | null)[];
  mean: number | null;
  worst: number | null;
  spread: number | null;
}

export function wordingRows(results: SetResult[]): WordingRow[] {
  const rows = new Map<string, WordingRow>();
  for (const r of results) {
    const [set, n] = wordingOfName(r.name);
    const row = rows.get(set) ?? { set, role: r.role, text: r.text, byWording: [], mean: null, worst: null, spread: null };
    row.byWording[n] = { sections: r.sectionAccuracy, other: r.otherShare };
    rows.set(set, row);
  }
  for (const row of rows.values()) {
    const acc = row.byWording.flatMap((w) => (w && w.sections !== null ? [w.sections] : []));
    if (!acc.length) continue;
    row.mean = acc.reduce((s, x) => s + x, 0) / acc.length;
    row.worst = Math.min(...acc);
    row.spread = Math.max(...acc) - row.worst;
  }
  return [...rows.values()];
}

export function formatWordingsTable(results: SetResult[]): string {
  const rows = wordingRows(results);
  const wordings = Math.max(1, ...rows.map((r) => r.byWording.length));
  const head = ['set', 'role', 'text', ...Array.from({ length: wordings }, (_, n) => [`w${n} sect`, `w${n} Other`]).flat(), '| mean', 'worst', 'spread'];
  const cells = rows.map((r) => [
    r.set,
    r.role,
    r.text === 'headlines' ? 'headline' : r.text,
    ...Array.from({ length: wordings }, (_, n) => {
      const w = r.byWording[n];
      return w ? [num(w.sections), pct(w.other)] : ['—', '—'];
    }).flat(),
    `| ${num(r.mean)}`,
    num(r.worst),
    num(r.spread),
  ]);
  const all = [head, ...cells];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i <= 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return all.map(line).join('\n');
}

export const WORDINGS_LEGEND = `wordings: w0 is the set's own wording of its themes, w1, w2 other users' (test/eval/wordings.ts): the
same sections, one sentence, 8–15 generic keywords each. sect: section accuracy (as in the main table);
Other: share of stories in Other. mean, worst, spread: of section accuracy over the wordings built.`;
