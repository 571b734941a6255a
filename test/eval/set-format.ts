// The common format of a labelled evaluation set (a directory): `set.json` describes the digest the
// set is read with, `items.jsonl` holds one labelled item per line, and an optional `summaries.jsonl`
// holds reference summaries of its events. See docs/evaluation.md.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Role = 'tuning' | 'held-out';

export interface SetTheme {
  id: string;
  title: string;
  description: string;
  keywords: string[];
}

export interface SetMeta {
  name: string;
  role: Role;
  about: string;
  /** ISO 8601, passed as `--now` */
  now: string;
  /** as in the config: "7d", "36h", "P7D" */
  window: string;
  title: string;
  themes: SetTheme[];
  /** the Other section's title, or false to drop stories that fit no theme */
  other: string | false;
  scope?: { include: string[]; exclude?: string[] };
  /** IANA zone of the digest; UTC when absent */
  timezone?: string;
}

/** What the item should become: in an edition (default) or excluded for a reason that is not editorial. */
export type Expect = 'in' | 'outside-window' | 'out-of-scope' | 'duplicate' | 'invalid';

export interface SetItem {
  id: string;
  outlet: string;
  title: string;
  /** plain text, paragraphs separated by blank lines; "" for a headline-only item */
  text: string;
  url?: string;
  /** ISO 8601 */
  published: string;
  /** same string = same event (one story); null = a story of its own */
  event: string | null;
  /** theme id the item belongs in; null = Other */
  theme: string | null;
  expect?: Expect;
}

export interface EvalSet {
  meta: SetMeta;
  items: SetItem[];
  /** outlet name → feed id used in `feed:guid` keys */
  feedIds: Map<string, string>;
  /** build with this existing config instead of writing feeds (set (a): its real feeds and furniture) */
  config?: string;
  /** strings that must never reach a title or summary (set (a)) */
  furniture?: string[];
  /** event → its reference summaries (one or more), when the set has `summaries.jsonl` */
  summaries?: Map<string, string[]>;
  /** which wording of its themes the set is read with (wordings.ts); absent or 0: its own */
  wording?: number;
}

/** the optional file of reference summaries next to items.jsonl: `{ event, reference }` per line */
export const SUMMARIES_FILE = 'summaries.jsonl';

export class SetError extends Error {}

const ROLES: Role[] = ['tuning', 'held-out'];

function need(cond: unknown, where: string, what: string): asserts cond {
  if (!cond) throw new SetError(`${where}: ${what}`);
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

export function checkMeta(raw: unknown, where: string): SetMeta {
  need(raw && typeof raw === 'object', where, 'expected a JSON object');
  const m = raw as Record<string, unknown>;
  for (const key of ['name', 'about', 'now', 'window', 'title']) need(isStr(m[key]) && m[key] !== '', `${where}: ${key}`, 'expected a non-empty string');
  need(ROLES.includes(m.role as Role), `${where}: role`, `expected "tuning" or "held-out", got ${JSON.stringify(m.role)}`);
  need(!Number.isNaN(Date.parse(m.now as string)), `${where}: now`, `expected an ISO 8601 time, got ${JSON.stringify(m.now)}`);
  need(Array.isArray(m.themes) && m.themes.length > 0, `${where}: themes`, 'expected a non-empty list');
  (m.themes as unknown[]).forEach((t, i) => {
    const th = t as Record<string, unknown>;
    const at = `${where}: themes[${i}]`;
    need(th && isStr(th.id) && isStr(th.title) && isStr(th.description), at, 'expected { id, title, description, keywords }');
    need(Array.isArray(th.keywords) && th.keywords.every(isStr), `${at}.keywords`, 'expected a list of strings');
  });
  need(m.other === false || isStr(m.other), `${where}: other`, 'expected a section title or false');
  return m as unknown as SetMeta;
}

export function checkItem(raw: unknown, where: string): SetItem {
  need(raw && typeof raw === 'object', where, 'expected a JSON object');
  const it = raw as Record<string, unknown>;
  for (const key of ['id', 'outlet', 'title']) need(isStr(it[key]) && it[key] !== '', `${where}: ${key}`, 'expected a non-empty string');
  need(isStr(it.text), `${where}: text`, 'expected a string ("" for headline-only)');
  need(isStr(it.published), `${where}: published`, 'expected an ISO 8601 time');
  need(isStrOrNull(it.event), `${where}: event`, 'expected a string or null');
  need(isStrOrNull(it.theme), `${where}: theme`, 'expected a string or null');
  need(it.url === undefined || isStr(it.url), `${where}: url`, 'expected a string');
  return it as unknown as SetItem;
}

/** Feed ids for outlets: a lower-case slug of the name, made unique with a number. */
export function slugFeedIds(outlets: Iterable<string>): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const outlet of outlets) {
    if (ids.has(outlet)) continue;
    const base = outlet.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'feed';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.set(outlet, id);
  }
  return ids;
}

export function keyOf(set: EvalSet, item: SetItem): string {
  return `${set.feedIds.get(item.outlet)}:${item.id}`;
}

/** Reads and checks a set directory; every problem is one line naming the file and the field. */
export function readSetDir(dir: string): EvalSet {
  const metaPath = path.join(dir, 'set.json');
  const itemsPath = path.join(dir, 'items.jsonl');
  let rawMeta: unknown;
  try {
    rawMeta = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch (err) {
    throw new SetError(`${metaPath}: ${(err as Error).message.split('\n')[0]}`);
  }
  const meta = checkMeta(rawMeta, metaPath);
  const themeIds = new Set(meta.themes.map((t) => t.id));
  const items: SetItem[] = [];
  const seen = new Set<string>();
  const lines = readFileSync(itemsPath, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${itemsPath}:${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new SetError(`${where}: not valid JSON`);
    }
    const item = checkItem(raw, where);
    need(item.theme === null || themeIds.has(item.theme), `${where}: theme`, `"${item.theme}" is not one of the set's themes (${[...themeIds].join(', ')})`);
    const key = `${item.outlet}\u0000${item.id}`;
    need(!seen.has(key), `${where}: id`, `"${item.id}" appears twice for outlet "${item.outlet}"`);
    seen.add(key);
    items.push(item);
  });
  need(items.length > 0, itemsPath, 'no items');
  const fed = splitLargeOutlets(items);
  const summariesPath = path.join(dir, SUMMARIES_FILE);
  const summaries = existsSync(summariesPath) ? readSummaries(summariesPath, new Set(items.map((i) => i.event))) : undefined;
  return { meta, items: fed, feedIds: slugFeedIds(fed.map((i) => i.outlet)), ...(summaries ? { summaries } : {}) };
}

/** Reads `{ event, reference }` lines; an event may have several references. */
export function readSummaries(file: string, events: Set<string | null>): Map<string, string[]> {
  const summaries = new Map<string, string[]>();
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new SetError(`${where}: not valid JSON`);
    }
    need(raw && typeof raw === 'object', where, 'expected a JSON object { event, reference }');
    need(isStr(raw.event) && raw.event !== '', `${where}: event`, 'expected a non-empty string');
    need(events.has(raw.event), `${where}: event`, `"${raw.event}" is the event of no item in items.jsonl`);
    need(isStr(raw.reference) && raw.reference.trim() !== '', `${where}: reference`, 'expected a non-empty string');
    const list = summaries.get(raw.event);
    if (list) list.push(raw.reference);
    else summaries.set(raw.event, [raw.reference]);
  });
  return summaries;
}

/**
 * Roundup reads at most 500 items of one feed per build (a guard against hostile feeds), so an outlet with
 * more items in a set (a whole public corpus under one name) is published as several feeds of at most this many.
 */
export const MAX_FEED_ITEMS = 400;

function splitLargeOutlets(items: SetItem[]): SetItem[] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.outlet, (counts.get(i.outlet) ?? 0) + 1);
  const seen = new Map<string, number>();
  return items.map((i) => {
    if ((counts.get(i.outlet) ?? 0) <= MAX_FEED_ITEMS) return i;
    const k = seen.get(i.outlet) ?? 0;
    seen.set(i.outlet, k + 1);
    return { ...i, outlet: `${i.outlet} ${Math.floor(k / MAX_FEED_ITEMS) + 1}` };
  });
}
