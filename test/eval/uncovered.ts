// `npm run eval -- --uncovered`: each chosen set read once per theme with that theme left out of its config, its
// items then labelled Other. A digest's themes rarely cover every item its feeds carry (a business and technology
// digest fed a general news feed gets sport and crime too); such stories belong in Other, not in the nearest theme.
// The sets' own rows never measure that: every item of a public set belongs to one of its themes. Here the left-out
// theme's items are the stories that fit no theme, and the row says how many of them reach Other, and how the other
// items fare once a theme is missing.
import type { SetResult } from './score-edition.js';
import type { SetSource } from './sets.js';
import { SetError, type EvalSet } from './set-format.js';

/** A set must keep two themes at least once one is left out: with one theme left, every story is that theme or Other. */
const MIN_THEMES = 3;
const OTHER = 'other';

/** The set with the theme `id` left out of its themes, its items labelled Other; named `<set> without <id>`. */
export function withoutTheme(set: EvalSet, id: string): EvalSet {
  if (!set.meta.themes.some((t) => t.id === id)) throw new SetError(`--uncovered: the set ${set.meta.name} has no theme ${id}`);
  const name = `${set.meta.name} without ${id}`;
  return {
    ...set,
    meta: { ...set.meta, name, themes: set.meta.themes.filter((t) => t.id !== id) },
    items: set.items.map((item) => (item.theme === id ? { ...item, theme: null } : item)),
  };
}

/**
 * For each source whose items carry section labels and whose config has MIN_THEMES themes or more: the source as it
 * is, then once per theme without it. Sets built from their own feeds (a) and sets with no section labels are left
 * out, and named in `left`.
 */
export function uncoveredSources(sources: SetSource[]): { sources: SetSource[]; left: string[] } {
  const out: SetSource[] = [];
  const left: string[] = [];
  for (const source of sources) {
    const set = source.ownFeeds ? null : source.load();
    if (!set || set.meta.themes.length < MIN_THEMES || !set.items.some((i) => i.theme !== null)) {
      left.push(source.name);
      continue;
    }
    // read once: the set as it is and each of its variants share it (nothing downstream changes a set)
    out.push({ ...source, load: () => set });
    for (const theme of set.meta.themes) out.push({ name: `${source.name} without ${theme.id}`, load: () => withoutTheme(set, theme.id) });
  }
  return { sources: out, left };
}

export interface UncoveredRow {
  set: string;
  role: SetResult['role'];
  text: SetResult['text'];
  /** the theme left out; null for the set as it is */
  without: string | null;
  /** items labelled Other (the left-out theme's, and any the set itself labels Other) and the share of them in Other */
  otherItems: number;
  toOther: number | null;
  /** section accuracy over the items labelled with a theme still in the config */
  kept: number | null;
  otherShare: number;
}

/** `bbc-dev without sport` → ['bbc-dev', 'sport']; the set as it is → [name, null] */
function splitName(name: string): [string, string | null] {
  const m = / without (\S+)$/.exec(name);
  return m ? [name.slice(0, m.index), m[1]] : [name, null];
}

export function uncoveredRows(results: SetResult[]): UncoveredRow[] {
  return results.map((r) => {
    const [set, without] = splitName(r.name);
    const other = r.sectionsByLabel[OTHER] ?? { right: 0, total: 0 };
    let right = 0;
    let total = 0;
    for (const [label, c] of Object.entries(r.sectionsByLabel)) {
      if (label === OTHER) continue;
      right += c.right;
      total += c.total;
    }
    return {
      set,
      role: r.role,
      text: r.text,
      without,
      otherItems: other.total,
      toOther: other.total ? other.right / other.total : null,
      kept: total ? right / total : null,
      otherShare: r.otherShare,
    };
  });
}

const num = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function formatUncoveredTable(results: SetResult[]): string {
  const rows = uncoveredRows(results);
  const head = ['set', 'role', 'text', 'without', 'Other items', 'to Other', 'kept', 'Other'];
  const cells = rows.map((r) => [r.set, r.role, r.text === 'headlines' ? 'headline' : r.text, r.without ?? '(none)', String(r.otherItems), num(r.toOther), num(r.kept), pct(r.otherShare)]);
  // per set, the mean over its left-out themes
  const bySet = new Map<string, UncoveredRow[]>();
  for (const r of rows) if (r.without !== null) bySet.set(r.set, [...(bySet.get(r.set) ?? []), r]);
  for (const [set, rs] of bySet) {
    const mean = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null);
      return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
    };
    cells.push([set, rs[0].role, rs[0].text === 'headlines' ? 'headline' : rs[0].text, 'mean', '', num(mean(rs.map((r) => r.toOther))), num(mean(rs.map((r) => r.kept))), pct(mean(rs.map((r) => r.otherShare)) ?? 0)]);
  }
  const all = [head, ...cells];
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  return all.map((row) => row.map((c, i) => (i < 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

export const UNCOVERED_LEGEND = `without: the theme left out of the set's config, its items labelled Other ((none): the set as it is).
Other items: items labelled Other (the left-out theme's, and any the set labels Other). to Other: the share of them
the digest put in Other. kept: section accuracy over the items of the themes still configured. Other: share of
stories in Other. mean: over the set's left-out themes.`;
