// Writes a converted public set as two halves in the set format: <name>-dev (tuning) and
// <name>-test (held-out), split by a hash of the event (or of the item when it has none), so one
// event never straddles the halves; a converter may split by a coarser group (ECB+: the topic).
// Reference summaries, when the source has them, go with their event into `summaries.jsonl`.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SUMMARIES_FILE, type SetItem, type SetMeta } from '../set-format.js';

export function hashOf(s: string): number {
  return createHash('sha1').update(s).digest().readUInt32BE(0);
}

/** Deterministic sample of `n` items: the ones with the smallest hash of their id. */
export function sample<T>(items: T[], n: number, idOf: (t: T) => string): T[] {
  return [...items].sort((a, b) => hashOf(idOf(a)) - hashOf(idOf(b)) || idOf(a).localeCompare(idOf(b))).slice(0, n);
}

/** Spreads items deterministically over `hours` hours from `start` (for sets without publication times). */
export function spreadTime(start: string, id: string, hours = 4): string {
  return new Date(Date.parse(start) + (hashOf(id) % (hours * 60)) * 60_000).toISOString();
}

const eventOf = (item: SetItem) => item.event ?? `${item.outlet}:${item.id}`;

export function writeSplit(
  outDir: string,
  name: string,
  meta: Omit<SetMeta, 'name' | 'role'>,
  items: SetItem[],
  groupOf: (item: SetItem) => string = eventOf,
  summaries?: Map<string, string[]>,
): string[] {
  const halves = { dev: [] as SetItem[], test: [] as SetItem[] };
  for (const item of items) halves[hashOf(groupOf(item)) % 2 === 0 ? 'dev' : 'test'].push(item);
  const written: string[] = [];
  for (const [half, list] of Object.entries(halves)) {
    const dir = path.join(outDir, `${name}-${half}`);
    mkdirSync(dir, { recursive: true });
    const role = half === 'dev' ? 'tuning' : 'held-out';
    writeFileSync(path.join(dir, 'set.json'), `${JSON.stringify({ name: `${name}-${half}`, role, ...meta }, null, 2)}\n`);
    writeFileSync(path.join(dir, 'items.jsonl'), list.map((i) => JSON.stringify(i)).join('\n') + '\n');
    const events = [...new Set(list.map((i) => i.event).filter((e): e is string => e !== null))];
    const references = summaries ? events.flatMap((event) => (summaries.get(event) ?? []).map((reference) => ({ event, reference }))) : [];
    if (references.length) writeFileSync(path.join(dir, SUMMARIES_FILE), references.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const refNote = references.length ? `, ${references.length} reference summaries` : '';
    written.push(`${dir}: ${list.length} items, ${events.length} events${refNote}, role ${role}`);
  }
  return written;
}
