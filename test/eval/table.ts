// The one table `npm run eval` prints: a row per set, tuning sets first, then held-out ones.
import type { SetResult } from './score-edition.js';

const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '—' : x.toFixed(digits));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);

const HEAD = ['set', 'role', 'text', 'items', 'stories', 'pair P', 'pair R', 'pair F1', 'B³ F1', 'exact', 'sections', 'Other', 'lost', 'off head', '| base F1', 'base B³', 'base sect', 'build', '| goals'];

function row(r: SetResult): string[] {
  const c = r.clusters;
  return [
    r.name,
    r.role,
    r.text === 'headlines' ? 'headline' : r.text,
    String(r.items),
    c ? `${r.storiesMade} / ${c.trueGroups}` : String(r.storiesMade),
    num(c?.pairs.precision),
    num(c?.pairs.recall),
    num(c?.pairs.f1),
    num(c?.bcubed.f1),
    pct(c?.exact),
    num(r.sectionAccuracy),
    pct(r.otherShare),
    String(r.lost),
    r.summaryHeadlines?.stories ? pct(r.summaryHeadlines.off / r.summaryHeadlines.stories) : '—',
    `| ${num(r.baseline.pairF1)}`,
    num(r.baseline.bcubedF1),
    num(r.baseline.sectionAccuracy),
    `${(r.buildMs / 1000).toFixed(1)}s`,
    `| ${r.goals.met ? 'met' : `missed ${r.goals.missed.join(',')}`}`,
  ];
}

export function formatTable(results: SetResult[]): string {
  const ordered = [...results.filter((r) => r.role === 'tuning'), ...results.filter((r) => r.role === 'held-out')];
  const rows = [HEAD, ...ordered.map(row)];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i <= 2 || i === HEAD.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), ...rows.slice(1).map(line)].join('\n');
}

export const LEGEND = `stories: made by the digest / true events (each unlabelled item is an event of its own). pair P/R/F1 and
B³ F1 over the scored items (in window, in scope, not copies); an item in no story counts as a story of its
own. exact: true stories reproduced exactly. sections: scored items in a story whose section is their label
(Other is wrong unless the label is none). Other: share of stories in Other. lost: scored items in no story.
off head: of the stories of 2+ items, the share whose summary takes a sentence of an item of another event than
the item whose headline the story shows.
base: TF-IDF + average linkage (one threshold, chosen on tuning sets) and keyword + TF-IDF sections, same
items, same run. goals (issue 14): pair F1 ≥ 0.90 and ≥ base + 0.05, sections ≥ 0.90 (headline ≥ 0.85),
Other ≤ 10% when every item has a theme, nothing lost, summaries (sum) at least as good as the better
baseline. role: tuning sets may choose parameters; held-out sets must not.`;

const SUMMARY_HEAD = ['set', 'role', 'stories', 'events', 'split', 'words', '| ours F', 'ours R', '| lead F', 'lead R', '| centr F', 'centr R', '| goal'];

function summaryRow(r: SetResult): string[] {
  const s = r.summaries!;
  const best = Math.max(s.lead.f1, s.centroid.f1);
  return [
    r.name,
    r.role,
    String(s.stories),
    `${s.events} / ${s.eventsWithReferences}`,
    String(s.split),
    s.words.toFixed(1),
    `| ${num(s.ours.f1, 3)}`,
    num(s.ours.recall, 3),
    `| ${num(s.lead.f1, 3)}`,
    num(s.lead.recall, 3),
    `| ${num(s.centroid.f1, 3)}`,
    num(s.centroid.recall, 3),
    `| ${s.ours.f1 >= best ? 'met' : `missed by ${(best - s.ours.f1).toFixed(3)}`}`,
  ];
}

/** The summaries table: one row per set with reference summaries; empty when no set has them. */
export function formatSummaryTable(results: SetResult[]): string {
  const withRefs = results.filter((r) => r.summaries);
  if (!withRefs.length) return '';
  const ordered = [...withRefs.filter((r) => r.role === 'tuning'), ...withRefs.filter((r) => r.role === 'held-out')];
  const rows = [SUMMARY_HEAD, ...ordered.map(summaryRow)];
  const widths = SUMMARY_HEAD.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i <= 1 || i === SUMMARY_HEAD.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), ...rows.slice(1).map(line)].join('\n');
}

export const SUMMARY_LEGEND = `summaries (sets with reference summaries): ROUGE-1 F and recall of each story's summary against its
event's references (lower-case words, light stems, stop words kept), averaged over stories. A story stands
for the event most of its items carry; each piece of a split story is scored. stories: scored; events:
events they stand for / events with references in the edition's stories (fewer: swallowed by a merge);
split: events told as several stories; words: mean length of our summaries. lead: the first words of the
story's earliest item; centroid: its sentences nearest the TF-IDF centroid of its items; both cut to the
length of our summary for that story, same run. goal (issue 14): ours F ≥ the better baseline's F.`;
