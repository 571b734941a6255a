// `npm run eval`: builds every labelled set through the real CLI and prints one table of editorial
// scores, with a plain baseline computed on the same items in the same run.
//   --set NAME (repeatable)  only these sets      --json     machine-readable results
//   --verbose                wrong pairs, sections and lost items per set
//   --keep                   keep the built editions      --sweep   choose the baseline threshold (tuning sets)
//   --wording N              the sets' themes as worded by another user (wordings.ts; 0: their own)
//   --wordings               every wording of each set: sections and Other per wording, mean and worst
//   --titles lower|upper     every headline in lower (or upper) case, as some feeds write them
//   --titles site            every headline ending with its outlet's name ("… - Reuters"), as many feeds write them
//   --times spread           every item inside its set's window re-dated to a time spread over the window's last
//                            seven days, so an event's reports run over the week (as some labellers' events do)
//   --times events           each event's reports re-dated over the three days after its first report (most in the
//                            first day), as a real event's coverage runs; the events keep their starts
//   --scope                  the headline and teaser variants keep their set's scope, as the user's config would
//   --against FILE           this run beside an earlier one (a file --json wrote): what moved, tuning and held-out apart
//   --uncovered              each set once per theme left out of its config (its items then belong in Other): how
//                            many of them reach Other, and how the rest fare (uncovered.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime, Duration } from 'luxon';
import { BASELINE_THRESHOLD, baselineStories } from './baseline.js';
import { buildEdition } from './build.js';
import { materialise } from './materialise.js';
import { scoreClusters } from './scores.js';
import { scoreEdition, scoredKeys, type SetResult } from './score-edition.js';
import { catalogue, type SetSource } from './sets.js';
import { keyOf, SetError, type EvalSet } from './set-format.js';
import { hashOf } from './convert/write-split.js';
import { formatSummaryTable, formatTable, LEGEND, SUMMARY_LEGEND } from './table.js';
import { formatWordingsTable, WORDINGS_LEGEND } from './wordings-table.js';
import { rewordConfig, withWording, wordingsOf } from './wordings.js';
import { buildIfStale } from '../../tools/dist-state.js';
import { formatAgainst, readRun } from './against.js';
import { formatUncoveredTable, uncoveredSources, UNCOVERED_LEGEND } from './uncovered.js';

interface Options {
  sets: string[];
  json: boolean;
  verbose: boolean;
  keep: boolean;
  sweep: boolean;
  /** --wording N: read every set with its wording N (null: their own) */
  wording: number | null;
  wordings: boolean;
  /** --titles lower|upper|site: every set's headlines in that case, or ending with their outlet's name (null: as they are) */
  titles: 'lower' | 'upper' | 'site' | null;
  /** --times spread: every item inside the window re-dated over its last seven days (null: as published) */
  times: 'spread' | 'events' | null;
  /** --scope: the headline and teaser variants of a set with a scope keep it */
  scope: boolean;
  /** --against FILE: an earlier run's --json output to compare this run with */
  against: string | null;
  /** --uncovered: each set once per theme left out of its config */
  uncovered: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { sets: [], json: false, verbose: false, keep: false, sweep: false, wording: null, wordings: false, titles: null, times: null, scope: false, against: null, uncovered: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--set') {
      const name = argv[++i];
      if (!name) throw new SetError('--set: expected a set name');
      opts.sets.push(name);
    } else if (a.startsWith('--set=')) opts.sets.push(a.slice(6));
    else if (a === '--json') opts.json = true;
    else if (a === '--verbose' || a === '-v') opts.verbose = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--sweep') opts.sweep = true;
    else if (a === '--wording' || a.startsWith('--wording=')) {
      const value = a === '--wording' ? argv[++i] : a.slice(10);
      if (!/^\d+$/.test(value ?? '')) throw new SetError(`--wording: expected a wording number (0 = the set's own), got ${JSON.stringify(value ?? '')}`);
      opts.wording = Number(value);
    } else if (a === '--wordings') opts.wordings = true;
    else if (a === '--times' || a.startsWith('--times=')) {
      const value = a === '--times' ? argv[++i] : a.slice(8);
      if (value !== 'spread' && value !== 'events') throw new SetError(`--times: expected spread or events, got ${JSON.stringify(value ?? '')}`);
      opts.times = value;
    } else if (a === '--titles' || a.startsWith('--titles=')) {
      const value = a === '--titles' ? argv[++i] : a.slice(9);
      if (value !== 'lower' && value !== 'upper' && value !== 'site') throw new SetError(`--titles: expected lower, upper or site, got ${JSON.stringify(value ?? '')}`);
      opts.titles = value;
    } else if (a === '--scope') opts.scope = true;
    else if (a === '--against' || a.startsWith('--against=')) {
      const file = a === '--against' ? argv[++i] : a.slice(10);
      if (!file) throw new SetError('--against: expected a file `npm run eval -- --json` wrote');
      opts.against = file;
    } else if (a === '--uncovered') opts.uncovered = true;
    else throw new SetError(`unknown option ${a} (expected --set NAME, --json, --verbose, --keep, --sweep, --wording N, --wordings, --titles lower|upper|site, --times spread|events, --scope, --against FILE, --uncovered)`);
  }
  return opts;
}

async function evaluate(source: SetSource, opts: Options, log: (line: string) => void): Promise<SetResult> {
  const set = source.load();
  const dir = mkdtempSync(path.join(tmpdir(), `roundup-eval-${source.name}-`));
  try {
    // a set's own config is copied under `dir`, so its build keeps its state there: not in the shared folder the
    // fixture names, where runs of two checkouts (one a newer schema) would meet
    const config = set.config ? rewordConfig(set.config, set.meta.themes, dir) : materialise(set, dir);
    const { edition, ms } = await buildEdition(config, set.meta.now, path.join(dir, 'out'));
    return scoreEdition(set, edition, ms, opts.verbose);
  } finally {
    if (opts.keep) log(`${source.name}: kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the builds two at a time (the machine has two cores), keeping the catalogue's order. */
async function runAll(sources: SetSource[], opts: Options, log: (line: string) => void): Promise<(SetResult | Error)[]> {
  const results: (SetResult | Error)[] = new Array(sources.length);
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const i = next++;
      try {
        results[i] = await evaluate(sources[i], opts, log);
      } catch (err) {
        results[i] = err instanceof Error ? err : new Error(String(err));
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

function windowOf(set: EvalSet): [number, number] {
  const spec = set.meta.window.trim();
  const short = /^(\d+)\s*([dhw])$/i.exec(spec);
  const unit = short?.[2].toLowerCase();
  const dur = short ? Duration.fromObject(unit === 'd' ? { days: +short[1] } : unit === 'w' ? { weeks: +short[1] } : { hours: +short[1] }) : Duration.fromISO(spec.toUpperCase());
  const end = DateTime.fromISO(set.meta.now).setZone(set.meta.timezone ?? 'UTC');
  return [end.minus(dur).toMillis(), end.toMillis()];
}

/** Baseline pair F1 per tuning set over a range of thresholds: how BASELINE_THRESHOLD was chosen. */
function sweep(sources: SetSource[]) {
  const thresholds = [0.03, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
  console.log(`baseline pair F1 by threshold, tuning sets only (current: ${BASELINE_THRESHOLD})`);
  console.log(['set'.padEnd(16), ...thresholds.map((t) => String(t).padStart(6))].join(' '));
  const sums = thresholds.map(() => 0);
  let n = 0;
  for (const source of sources) {
    const set = source.load();
    if (set.meta.role !== 'tuning' || !set.items.some((i) => i.event)) continue;
    const [start, end] = windowOf(set);
    const keys = new Set(scoredKeys(set, start, end));
    const items = set.items.filter((i) => keys.has(keyOf(set, i)));
    const docs = items.map((i) => ({ key: keyOf(set, i), title: i.title, text: i.text }));
    const truth = new Map(items.map((i) => [keyOf(set, i), i.event ?? `solo:${keyOf(set, i)}`]));
    const f1s = thresholds.map((t) => scoreClusters(baselineStories(docs, t), truth).pairs.f1);
    f1s.forEach((f, i) => (sums[i] += f));
    n++;
    console.log([set.meta.name.padEnd(16), ...f1s.map((f) => f.toFixed(2).padStart(6))].join(' '));
  }
  if (n) console.log(['mean'.padEnd(16), ...sums.map((s) => (s / n).toFixed(2).padStart(6))].join(' '));
}

/**
 * The sets to build: as they are; with --wording N, the sets that have a wording N read with it; with
 * --wordings, each set once per wording it has (its own first).
 */
function reworded(sources: SetSource[], opts: Options): SetSource[] {
  const read = (source: SetSource, n: number): SetSource =>
    n === 0 ? source : { ...source, name: `${source.name} w${n}`, load: () => withWording(source.load(), n) };
  if (opts.wordings) return sources.flatMap((s) => Array.from({ length: wordingsOf(s.name) + 1 }, (_, n) => read(s, n)));
  if (opts.wording === null || opts.wording === 0) return sources;
  const n = opts.wording;
  const without = sources.filter((s) => wordingsOf(s.name) < n);
  if (without.length === sources.length) throw new SetError(`--wording ${n}: no chosen set has a wording ${n}`);
  if (without.length) console.error(`eval: --wording ${n}: left out, no such wording: ${without.map((s) => s.name).join(', ')}`);
  return sources.filter((s) => wordingsOf(s.name) >= n).map((s) => read(s, n));
}

/**
 * --titles lower|upper|site: the chosen sets with every headline rewritten in that case, or ending with its outlet's
 * name as many feeds and aggregators write it ("Drones hit Kyiv - Reuters"); rows named `<set> lower`.
 * Set a is built from its own feeds, not from its items, and is left out.
 */
function recased(sources: SetSource[], titles: Options['titles']): SetSource[] {
  if (!titles) return sources;
  const change = (t: string, outlet: string) => (titles === 'lower' ? t.toLowerCase() : titles === 'upper' ? t.toUpperCase() : `${t} - ${outlet}`);
  const kept = sources.filter((s) => !s.ownFeeds);
  if (kept.length < sources.length) {
    console.error(`eval: --titles ${titles}: left out, built from their own feeds: ${sources.filter((s) => !kept.includes(s)).map((s) => s.name).join(', ')}`);
  }
  return kept.map((source) => ({
    name: `${source.name} ${titles}`,
    load: () => {
      const set = source.load();
      return { ...set, meta: { ...set.meta, name: `${set.meta.name} ${titles}` }, items: set.items.map((i) => ({ ...i, title: change(i.title, i.outlet) })) };
    },
  }));
}

const SPREAD_MS = 7 * 86_400_000;

/**
 * --times spread (events: below): the chosen sets with each item that is inside its window re-dated to a time in the window's last
 * seven days (or the whole window when shorter), fixed by a hash of its id; rows named `<set> spread`. The sets'
 * converters and writers put an event's reports within a day or two; labellers who call a week's coverage of one
 * happening one event (DUC's and ECB+'s topics, a weekly digest's running story) spread them wider. Items outside
 * the window stay where they are, so what the window leaves out is unchanged. Set a is built from its own feeds.
 */
function retimed(sources: SetSource[], times: Options['times']): SetSource[] {
  if (!times) return sources;
  const kept = sources.filter((s) => !s.ownFeeds);
  if (kept.length < sources.length) {
    console.error(`eval: --times ${times}: left out, built from their own feeds: ${sources.filter((s) => !kept.includes(s)).map((s) => s.name).join(', ')}`);
  }
  return kept.map((source) => ({
    name: `${source.name} ${times}`,
    load: () => {
      const set = source.load();
      const [start, end] = windowOf(set);
      const span = Math.min(SPREAD_MS, end - start) - 60_000;
      const followed = times === 'events' ? eventTimes(set.items, start, end, span) : new Map<string, number>();
      const items = set.items.map((i) => {
        const t = Date.parse(i.published ?? '');
        if (Number.isNaN(t) || t < start || t > end) return i;
        if (times === 'events') return followed.has(i.id) ? { ...i, published: new Date(followed.get(i.id)!).toISOString() } : i;
        return { ...i, published: new Date(end - 60_000 - (hashOf(i.id) % Math.max(1, Math.floor(span / 60_000))) * 60_000).toISOString() };
      });
      return { ...set, meta: { ...set.meta, name: `${set.meta.name} ${times}` }, items };
    },
  }));
}

/** --times events: how long an event's coverage runs after its first report (or half the window, when shorter) */
const EVENT_RUN_MS = 3 * 86_400_000;

/**
 * --times events: each report of an event inside the window re-dated to the event's first report (as published) plus
 * run × u², u fixed by a hash of the report's id: most reports within the first day, a tail of follow-ups over three
 * days, as news of one happening runs. The run ends at the window's end (an edition closes before every follow-up),
 * and each event keeps its start, so events the set's writers put days apart stay apart.
 */
function eventTimes(items: EvalSet['items'], start: number, end: number, span: number): Map<string, number> {
  const first = new Map<string, number>();
  for (const i of items) {
    const t = Date.parse(i.published ?? '');
    if (i.event === null || Number.isNaN(t) || t < start || t > end) continue;
    first.set(i.event, Math.min(first.get(i.event) ?? t, t));
  }
  const times = new Map<string, number>();
  for (const i of items) {
    const from = i.event === null ? undefined : first.get(i.event);
    const t = Date.parse(i.published ?? '');
    if (from === undefined || Number.isNaN(t) || t < start || t > end) continue;
    const run = Math.max(0, Math.min(EVENT_RUN_MS, span / 2, end - 60_000 - from));
    const u = (hashOf(i.id) % 10_000) / 10_000;
    times.set(i.id, from + Math.floor(run * u * u));
  }
  return times;
}

/**
 * --scope: the headline and teaser variants of the sets that have a scope (a and c; b has none), keeping it. The variants
 * leave it out to measure stories and sections alone (sets.ts); with it they measure what a user whose config
 * has a scope gets from headline-only or teaser feeds: a headline that names no scope term is in the edition
 * only when its story is (src/cluster/scope.ts). Rows named `<set> scoped`; every other set is left out.
 */
function scoped(sources: SetSource[], all: SetSource[], on: boolean): SetSource[] {
  if (!on) return sources;
  const baseOf = (name: string) => all.find((s) => s.name === name.replace(/-(?:headlines|teasers)$/, ''));
  const kept = sources.filter((s) => /-(?:headlines|teasers)$/.test(s.name) && baseOf(s.name)?.load().meta.scope);
  if (kept.length === 0) throw new SetError('--scope: no chosen set is a headline or teaser variant of a set with a scope');
  if (kept.length < sources.length) {
    console.error(`eval: --scope: left out, no scope to keep: ${sources.filter((s) => !kept.includes(s)).map((s) => s.name).join(', ')}`);
  }
  return kept.map((source) => ({
    name: `${source.name} scoped`,
    load: () => {
      const set = source.load();
      return { ...set, meta: { ...set.meta, name: `${set.meta.name} scoped`, scope: baseOf(source.name)!.load().meta.scope } };
    },
  }));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // read before the builds: a wrong path fails in a second, not after minutes
  if (opts.against && (opts.wordings || opts.sweep || opts.uncovered)) throw new SetError('--against: compares the one table; not with --wordings, --sweep or --uncovered');
  if (opts.uncovered && (opts.wordings || opts.sweep)) throw new SetError('--uncovered: one table at a time; not with --wordings or --sweep');
  const before = opts.against ? readRun(opts.against) : null;
  buildIfStale('eval'); // every set is built by the compiled CLI
  const { sources: all, missing } = catalogue();
  const unknown = opts.sets.filter((s) => !all.some((x) => x.name === s));
  if (unknown.length) throw new SetError(`--set: no set named ${unknown.join(', ')} (known: ${all.map((s) => s.name).join(', ')})`);
  const chosen = opts.sets.length ? all.filter((s) => opts.sets.includes(s.name)) : all;
  let sources = scoped(retimed(recased(reworded(chosen, opts), opts.titles), opts.times), all, opts.scope);
  if (opts.uncovered) {
    const { sources: variants, left } = uncoveredSources(sources);
    if (variants.length === 0) throw new SetError('--uncovered: no chosen set has section labels and three themes or more');
    if (left.length) console.error(`eval: --uncovered: left out, no section labels, fewer than three themes or built from their own feeds: ${left.join(', ')}`);
    sources = variants;
  }
  if (opts.sweep) {
    sweep(sources);
    return;
  }
  const started = performance.now();
  const notes: string[] = [];
  const outcomes = await runAll(sources, opts, (line) => notes.push(line));
  const results = outcomes.filter((r): r is SetResult => !(r instanceof Error));
  // the variant tables (--wordings, --uncovered) instead of the main one
  const variantTable = opts.json ? null : opts.wordings ? { table: formatWordingsTable, legend: WORDINGS_LEGEND } : opts.uncovered ? { table: formatUncoveredTable, legend: UNCOVERED_LEGEND } : null;
  if (variantTable) {
    console.log(variantTable.table(results));
    for (const f of outcomes.flatMap((r, i) => (r instanceof Error ? [`${sources[i].name}: ${r.message}`] : []))) console.log(`failed: ${f}`);
    console.log(`\n${variantTable.legend}\n${results.length} builds in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    if (opts.verbose) for (const r of results) if (r.details.length) console.log(`\n== ${r.name}\n${r.details.map((d) => `  ${d}`).join('\n')}`);
    if (outcomes.some((r) => r instanceof Error)) process.exitCode = 1;
    return;
  }
  const failed = outcomes.flatMap((r, i) => (r instanceof Error ? [`${sources[i].name}: ${r.message}`] : []));
  const seconds = (performance.now() - started) / 1000;
  if (opts.json) {
    console.log(JSON.stringify({ threshold: BASELINE_THRESHOLD, seconds, results, failed, missing: opts.sets.length ? [] : missing }, null, 2));
    // standard output stays the JSON alone
    if (before) console.error(formatAgainst(results, before, opts.against!));
  } else {
    console.log(formatTable(results));
    const summaryTable = formatSummaryTable(results);
    if (summaryTable) console.log(`\n${summaryTable}`);
    for (const r of results) {
      if (r.checks) console.log(`${r.name}: furniture leaked ${r.checks.furnitureLeaks}, items unaccounted ${r.checks.unaccounted}, exclusion reasons unlike labels ${r.checks.exclusionMismatches}`);
    }
    for (const f of failed) console.log(`failed: ${f}`);
    if (!opts.sets.length) for (const m of missing) console.log(`missing: ${m}`);
    for (const n of notes) console.log(n);
    if (before) console.log(`\n${formatAgainst(results, before, opts.against!)}`);
    console.log(`\n${LEGEND}${summaryTable ? `\n\n${SUMMARY_LEGEND}` : ''}\n${results.length} sets in ${seconds.toFixed(0)} s`);
    if (opts.verbose) {
      for (const r of results) {
        if (!r.details.length) continue;
        console.log(`\n== ${r.name}`);
        for (const d of r.details) console.log(`  ${d}`);
      }
    }
  }
  if (failed.length) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`eval: ${err instanceof Error ? err.message.replace(/\s*\n\s*/g, ' ') : String(err)}`);
  process.exitCode = err instanceof SetError ? 2 : 1;
});
