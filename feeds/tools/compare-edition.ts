// Scores a built edition (digest.json) of the sample feeds against the answer key, feeds/labels.json.
// Run: npx tsx feeds/tools/compare-edition.ts out/2026-11-23/digest.json
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Edition } from '../../src/types.js';
import { loadLabels, type Labels } from './sample.js';

export interface EditionComparison {
  /** labelled items that appear nowhere in the edition */
  missing: string[];
  /** items that appear more than once (in stories and/or excluded) */
  repeated: string[];
  /** items in the edition that labels.json does not know */
  unknown: string[];
  /** items whose fate differs from the label: "key: expected X, got Y" */
  wrongFate: string[];
  /** stories whose items belong to more than one event (hard negatives merged) */
  mergedEvents: string[];
  /** events told by several items that ended up in more than one story */
  splitEvents: string[];
  /** stories filed under a section other than their events' label */
  wrongTheme: string[];
  /** of all item pairs that belong together, the share that share a story (duplicates excluded) */
  pairRecall: number;
  events: number;
  stories: number;
}

type Fate = { kind: 'story'; story: number; section: string } | { kind: 'excluded'; reason: string };

export interface CompareOptions {
  /** feed ids whose items are left out of splitEvents and pairRecall (e.g. another language) */
  ignoreInGrouping?: string[];
}

export function compareEdition(edition: Edition, labels: Labels, opts: CompareOptions = {}): EditionComparison {
  const ignored = new Set(opts.ignoreInGrouping ?? []);
  const fates = new Map<string, Fate[]>();
  const note = (key: string, fate: Fate) => fates.set(key, [...(fates.get(key) ?? []), fate]);
  const stories: { title: string; section: string; keys: string[] }[] = [];
  for (const section of edition.sections) {
    for (const story of section.stories) {
      const keys = story.items.map((it) => `${it.feed}:${it.guid}`);
      keys.forEach((key) => note(key, { kind: 'story', story: stories.length, section: section.id }));
      stories.push({ title: story.title, section: section.id, keys });
    }
  }
  for (const ex of edition.excluded) note(`${ex.feed}:${ex.guid}`, { kind: 'excluded', reason: ex.reason });

  const result: EditionComparison = {
    missing: [], repeated: [], unknown: [], wrongFate: [], mergedEvents: [], splitEvents: [], wrongTheme: [],
    pairRecall: 1, events: 0, stories: stories.length,
  };

  for (const [key, label] of Object.entries(labels)) {
    const seen = fates.get(key) ?? [];
    if (seen.length === 0) result.missing.push(key);
    if (seen.length > 1) result.repeated.push(key);
    const fate = seen[0];
    if (!fate) continue;
    const got = fate.kind === 'story' ? 'in' : fate.reason;
    // Which copy of a duplicated article survives is the pipeline's choice: accept either.
    const twin = label.expect === 'duplicate' || isTwinOfDuplicate(key, labels);
    if (got !== label.expect && !(twin && (got === 'in' || got === 'duplicate'))) {
      result.wrongFate.push(`${key}: expected ${label.expect}, got ${got}`);
    }
  }
  for (const key of fates.keys()) if (!(key in labels)) result.unknown.push(key);

  // Grouping and themes, per story, on labelled events.
  const storiesByEvent = new Map<string, Set<number>>();
  const grouped = (key: string) => !ignored.has(key.slice(0, key.indexOf(':')));
  stories.forEach((story, index) => {
    const events = new Set(story.keys.map((k) => labels[k]?.event).filter((e): e is string => !!e));
    if (events.size > 1) result.mergedEvents.push(`"${story.title}" mixes ${[...events].join(', ')}`);
    for (const key of story.keys.filter(grouped)) {
      const event = labels[key]?.event;
      if (event) storiesByEvent.set(event, new Set([...(storiesByEvent.get(event) ?? []), index]));
    }
    const themes = new Set<string>(story.keys.map((k) => labels[k]?.theme ?? '').filter((t) => t !== ''));
    if (themes.size === 1 && !themes.has(story.section)) {
      result.wrongTheme.push(`"${story.title}": expected ${[...themes][0]}, got ${story.section}`);
    }
  });

  const byEvent = new Map<string, string[]>();
  for (const [key, label] of Object.entries(labels)) {
    if (label.event && label.expect === 'in' && grouped(key)) byEvent.set(label.event, [...(byEvent.get(label.event) ?? []), key]);
  }
  result.events = byEvent.size;
  let pairs = 0;
  let together = 0;
  for (const [event, keys] of byEvent) {
    const storyOf = keys.map((k) => fates.get(k)?.find((f) => f.kind === 'story'));
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        pairs++;
        const a = storyOf[i];
        const b = storyOf[j];
        if (a?.kind === 'story' && b?.kind === 'story' && a.story === b.story) together++;
      }
    }
    if ((storiesByEvent.get(event)?.size ?? 0) > 1) {
      result.splitEvents.push(`${event}: ${keys.length} items in ${storiesByEvent.get(event)?.size} stories`);
    }
  }
  result.pairRecall = pairs === 0 ? 1 : together / pairs;
  return result;
}

/** the other copy of an article labelled `duplicate` (same event, same link is checked by the feed tests) */
function isTwinOfDuplicate(key: string, labels: Labels): boolean {
  const event = labels[key]?.event;
  return !!event && Object.values(labels).some((l) => l.expect === 'duplicate' && l.event === event);
}

function main(file: string | undefined): number {
  if (!file) {
    console.error('usage: npx tsx feeds/tools/compare-edition.ts <out/EDITION/digest.json>');
    return 2;
  }
  let edition: Edition;
  try {
    edition = JSON.parse(readFileSync(file, 'utf8')) as Edition;
  } catch (err) {
    console.error(`${file}: cannot read digest.json (${err instanceof Error ? err.message : String(err)})`);
    return 2;
  }
  const c = compareEdition(edition, loadLabels());
  console.log(`events (labelled, in window and scope): ${c.events}; stories in edition: ${c.stories}`);
  console.log(`pair recall (items of one event in one story): ${(c.pairRecall * 100).toFixed(0)}%`);
  for (const [name, list] of Object.entries(c)) {
    if (!Array.isArray(list)) continue;
    console.log(`${name}: ${list.length}`);
    for (const line of list) console.log(`  - ${line}`);
  }
  const hard = c.missing.length + c.repeated.length + c.unknown.length + c.wrongFate.length + c.mergedEvents.length;
  return hard === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv[2]);
}
