// Every set `npm run eval` knows: the fixture week (a) and the labelled weeks b and c in the repo,
// headline-only variants of them, the UCI News Aggregator headlines in ../shared, and the public sets
// converted under $ROUNDUP_EVAL_DATA (issue 14's kinds a-e). A set that cannot be read says why.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { ROOT } from './build.js';
import { readSetDir, slugFeedIds, type EvalSet, type SetItem, type SetMeta } from './set-format.js';

export interface SetSource {
  name: string;
  load: () => EvalSet;
  /** built from its own feeds and config (set a), not from its items */
  ownFeeds?: true;
}

export interface SetCatalogue {
  sources: SetSource[];
  /** sets that could not be found, each with the reason */
  missing: string[];
}

const FIXTURE_A = path.join(ROOT, 'test/fixtures/editorial');
const FIXTURE_B = path.join(ROOT, 'test/fixtures/editorial-b');
const FIXTURE_C = path.join(ROOT, 'test/fixtures/editorial-c');
const FIXTURE_D = path.join(ROOT, 'test/fixtures/editorial-d');
const FIXTURE_E = path.join(ROOT, 'test/fixtures/editorial-e');
const FIXTURE_F = path.join(ROOT, 'test/fixtures/editorial-f');
const FIXTURE_G = path.join(ROOT, 'test/fixtures/editorial-g');
const FIXTURE_H = path.join(ROOT, 'test/fixtures/editorial-h');
const FIXTURE_I = path.join(ROOT, 'test/fixtures/editorial-i');
const FIXTURE_J = path.join(ROOT, 'test/fixtures/editorial-j');
const FIXTURE_K = path.join(ROOT, 'test/fixtures/editorial-k');
const FIXTURE_L = path.join(ROOT, 'test/fixtures/editorial-l');
const FIXTURE_M = path.join(ROOT, 'test/fixtures/editorial-m');
const FIXTURE_N = path.join(ROOT, 'test/fixtures/editorial-n');
const FIXTURE_O = path.join(ROOT, 'test/fixtures/editorial-o');
const FIXTURE_P = path.join(ROOT, 'test/fixtures/editorial-p');
/** An invented aggregator's day in the UCI data set's columns (session 27); tuning after its first measurement */
const AGGREGATOR_Q = path.join(ROOT, 'test/fixtures/aggregator-q/day.csv');
export const UCI_CSV = path.resolve(ROOT, process.env.ROUNDUP_UCI_NEWS ?? '../shared/uci-news/dev.csv');
export const EVAL_DATA = path.resolve(process.env.ROUNDUP_EVAL_DATA ?? '/work/eval-data');
/** the public sets docs/evaluation.md says how to convert, each split in a -dev and a -test half */
export const PUBLIC_SETS = ['newswcl50', 'ecbplus', 'bbc', 'agnews', 'bbcsum', 'huffpost', 'allsides'];
/**
 * Public sets also read as headline-only and teaser feeds: those labelled with events, and BBC News, whose real
 * headlines and five sections (entertainment and sport among them) measure sections on headlines. HuffPost
 * items are already a headline and a teaser, so they are read headline-only as well.
 */
const VARIANTS: Record<string, ('headlines' | 'teasers')[]> = {
  newswcl50: ['headlines', 'teasers'], ecbplus: ['headlines', 'teasers'], bbc: ['headlines', 'teasers'], huffpost: ['headlines'],
  allsides: ['headlines', 'teasers'],
};

interface FixtureSource {
  feed: string;
  guid: string;
  at: string;
  event: string | null;
  theme: string | null;
  expect?: SetItem['expect'];
  title: string;
  body: string[];
}

/** Set (a): the fixture week, built from its real feeds (furniture, encodings) and config. */
export function editorialSet(): EvalSet {
  const config = parseYaml(readFileSync(path.join(FIXTURE_A, 'config.yaml'), 'utf8')) as Record<string, unknown> & {
    feeds: { name: string; id: string }[];
    themes: SetMeta['themes'];
    scope: SetMeta['scope'];
  };
  const labels = JSON.parse(readFileSync(path.join(FIXTURE_A, 'labels.json'), 'utf8')) as { now: string; furniture: string[] };
  const nameOf = new Map(config.feeds.map((f) => [f.id, f.name]));
  const sourceDir = path.join(FIXTURE_A, 'source');
  const sources = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => parseYaml(readFileSync(path.join(sourceDir, f), 'utf8')) as FixtureSource[]);
  const items: SetItem[] = sources.map((s) => ({
    id: s.guid,
    outlet: nameOf.get(s.feed)!,
    title: s.title,
    text: s.body.join('\n\n'),
    published: s.at,
    event: s.event,
    // the fixture writes `other` for items that belong in the Other section
    theme: s.theme === 'other' ? null : s.theme,
    expect: s.expect ?? 'in',
  }));
  const meta: SetMeta = {
    name: 'a',
    role: 'tuning',
    about: 'The fixture week: 7 fictional outlets, 2–8 March 2026 (test/fixtures/editorial).',
    now: labels.now,
    window: config.window as string,
    title: config.title as string,
    themes: config.themes,
    other: config.other as string | false,
    scope: config.scope,
    timezone: config.timezone as string,
  };
  return {
    meta,
    items,
    feedIds: new Map(config.feeds.map((f) => [f.name, f.id])),
    config: path.join(FIXTURE_A, 'config.yaml'),
    furniture: labels.furniture,
  };
}

/**
 * Variant (c): the same items with their text dropped, as headline-only feeds serve them. Items that
 * test parsing rather than editing (copies, bad dates) are left out, and so is the scope, which a
 * title alone cannot meet as the full text did: the variant measures stories and sections.
 */
export function headlinesOf(set: EvalSet): EvalSet {
  const items = set.items
    .filter((i) => ['in', 'outside-window', undefined].includes(i.expect))
    .map((i) => ({ ...i, text: '' }));
  const { scope: _scope, ...meta } = set.meta;
  return {
    meta: { ...meta, name: `${set.meta.name}-headlines`, about: `${set.meta.about} Headlines only.` },
    items,
    feedIds: set.feedIds,
  };
}

/** A feed's description: the opening sentences of the first real paragraph, as most feeds serve an item. */
const TEASER_CHARS = 300;

export function teaserOf(text: string): string {
  const paragraph = text.split(/\n+/).map((p) => p.trim()).find((p) => p.length >= 60) ?? text.trim();
  const sentences = paragraph.split(/(?<=[.!?…]["”’]?)\s+(?=[\p{Lu}\p{N}"“‘])/u);
  let teaser = sentences[0] ?? '';
  for (const next of sentences.slice(1, 2)) if (teaser.length + 1 + next.length <= TEASER_CHARS) teaser += ` ${next}`;
  return teaser.length > TEASER_CHARS * 1.5 ? `${teaser.slice(0, TEASER_CHARS).replace(/\s+\S*$/, '')}…` : teaser;
}

/**
 * Variant: the same items with a teaser instead of the whole text (the first one or two sentences, as the
 * description of most feeds), measured like the headline-only variant.
 */
export function teasersOf(set: EvalSet): EvalSet {
  const items = set.items
    .filter((i) => ['in', 'outside-window', undefined].includes(i.expect))
    .map((i) => ({ ...i, text: teaserOf(i.text) }));
  const { scope: _scope, ...meta } = set.meta;
  return {
    meta: { ...meta, name: `${set.meta.name}-teasers`, about: `${set.meta.about} Teasers only.` },
    items,
    feedIds: set.feedIds,
  };
}

export const UCI_THEMES: SetMeta['themes'] = [
  { id: 'business', title: 'Business & markets', description: 'Companies, markets, the economy, central banks and money.',
    keywords: ['stocks', 'markets', 'economy', 'company', 'profit', 'sales', 'bank', 'interest rates', 'investors', 'oil', 'deal', 'jobs'] },
  { id: 'tech', title: 'Science & technology', description: 'New gadgets, software, internet companies, space and scientific discoveries.',
    keywords: ['technology', 'smartphone', 'app', 'software', 'internet', 'computer', 'online', 'space', 'scientists', 'research', 'device', 'data'] },
  { id: 'entertainment', title: 'Entertainment', description: 'Films, television, music, celebrities and awards.',
    keywords: ['film', 'movie', 'TV', 'show', 'music', 'album', 'singer', 'actor', 'actress', 'celebrity', 'star', 'award', 'festival'] },
  { id: 'health', title: 'Health', description: 'Diseases, medicine, hospitals, diets and public health.',
    keywords: ['health', 'disease', 'virus', 'cancer', 'doctors', 'hospital', 'patients', 'drug', 'vaccine', 'study', 'diet', 'medical'] },
];
const UCI_CATEGORY: Record<string, string> = { b: 'business', t: 'tech', e: 'entertainment', m: 'health' };

/**
 * Set (d): real headlines of one day from the UCI News Aggregator data set, read in place.
 * TIMESTAMP is when the aggregator crawled a story, not a publication time, so every item gets the
 * same day, spread deterministically over four hours by its ID.
 */
export function uciSet(csvPath = UCI_CSV): EvalSet {
  return aggregatorDay(csvPath, {
    name: 'uci-news',
    role: 'tuning',
    about: 'UCI News Aggregator (Gasparetti, public domain), dev.csv: one day of real headlines, one feed per publisher.',
    day: '2014-03-10',
  });
}

/**
 * A day of an aggregator's headlines in the UCI data set's columns (ID, TITLE, URL, PUBLISHER, CATEGORY, STORY,
 * HOSTNAME, TIMESTAMP): one feed per publisher, STORY = event, CATEGORY = section, every item on `day` between
 * 10:00 and 14:00 UTC by its ID.
 */
function aggregatorDay(csvPath: string, meta: { name: string; role: SetMeta['role']; about: string; day: string }): EvalSet {
  const rows = parseCsv(readFileSync(csvPath, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const day = Date.parse(`${meta.day}T10:00:00Z`);
  const items: SetItem[] = rows.map((r) => ({
    id: `uci-${r.ID}`,
    outlet: r.PUBLISHER || r.HOSTNAME || 'unknown',
    title: r.TITLE,
    text: '',
    url: r.URL,
    published: new Date(day + ((Number(r.ID) * 37) % 240) * 60_000).toISOString(),
    event: r.STORY,
    theme: UCI_CATEGORY[r.CATEGORY] ?? null,
  }));
  return {
    meta: {
      name: meta.name,
      role: meta.role,
      about: meta.about,
      now: new Date(Date.parse(`${meta.day}T00:00:00Z`) + 86_400_000).toISOString().replace('.000Z', 'Z'),
      window: '1d',
      title: 'Morning News',
      themes: UCI_THEMES,
      other: 'Other news',
    },
    items,
    feedIds: slugFeedIds(items.map((i) => i.outlet)),
  };
}

export function catalogue(): SetCatalogue {
  const sources: SetSource[] = [];
  const missing: string[] = [];
  sources.push({ name: 'a', load: editorialSet, ownFeeds: true });
  sources.push({ name: 'a-headlines', load: () => headlinesOf(editorialSet()) });
  sources.push({ name: 'a-teasers', load: () => teasersOf(editorialSet()) });
  for (const [name, dir] of [['b', FIXTURE_B], ['c', FIXTURE_C], ['d', FIXTURE_D], ['e', FIXTURE_E], ['f', FIXTURE_F], ['g', FIXTURE_G], ['h', FIXTURE_H], ['i', FIXTURE_I], ['j', FIXTURE_J], ['k', FIXTURE_K], ['l', FIXTURE_L], ['m', FIXTURE_M], ['n', FIXTURE_N], ['o', FIXTURE_O], ['p', FIXTURE_P]] as const) {
    if (existsSync(path.join(dir, 'set.json'))) {
      sources.push({ name, load: () => readSetDir(dir) });
      sources.push({ name: `${name}-headlines`, load: () => headlinesOf(readSetDir(dir)) });
      sources.push({ name: `${name}-teasers`, load: () => teasersOf(readSetDir(dir)) });
    } else missing.push(`${name}: ${dir}/set.json not found`);
  }
  if (existsSync(UCI_CSV)) sources.push({ name: 'uci-news', load: () => uciSet() });
  else missing.push(`uci-news: ${UCI_CSV} not found (set ROUNDUP_UCI_NEWS to its dev.csv)`);
  if (existsSync(AGGREGATOR_Q)) {
    sources.push({
      name: 'aggregator-q',
      load: () =>
        aggregatorDay(AGGREGATOR_Q, {
          name: 'aggregator-q',
          role: 'tuning',
          about: 'An invented aggregator day (test/fixtures/aggregator-q), mostly entertainment and health, in the UCI columns.',
          day: '2027-06-14',
        }),
    });
  } else missing.push(`aggregator-q: ${AGGREGATOR_Q} not found`);
  for (const base of PUBLIC_SETS) {
    for (const half of ['dev', 'test']) {
      const name = `${base}-${half}`;
      const dir = path.join(EVAL_DATA, name);
      if (existsSync(path.join(dir, 'set.json'))) {
        sources.push({ name, load: () => readSetDir(dir) });
        // real reports of real events, told in a headline or a teaser
        const variants = VARIANTS[base] ?? [];
        if (variants.includes('headlines')) sources.push({ name: `${name}-headlines`, load: () => headlinesOf(readSetDir(dir)) });
        if (variants.includes('teasers')) sources.push({ name: `${name}-teasers`, load: () => teasersOf(readSetDir(dir)) });
      } else missing.push(`${name}: not in ${EVAL_DATA} (docs/evaluation.md says how to convert it)`);
    }
  }
  sources.push(...localSets(EVAL_DATA));
  return { sources, missing };
}

/** Where under $ROUNDUP_EVAL_DATA sets of one's own are kept (docs/evaluation.md). */
export const LOCAL_SETS = 'local';

/**
 * Sets labelled locally and never committed (a week of real feeds labelled by hand): every directory under
 * `root`/local holding a set.json, read as it is and named `local-` and the directory's name. Their set.json gives
 * their role; they have no headline or teaser variants.
 */
export function localSets(root: string): SetSource[] {
  const dir = path.join(root, LOCAL_SETS);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'set.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const named = `local-${name}`;
      const load = (): EvalSet => {
        const set = readSetDir(path.join(dir, name));
        return { ...set, meta: { ...set.meta, name: named } };
      };
      return { name: named, load };
    });
}
