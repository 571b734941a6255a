// Drafts on disk: recording a written build as the current draft, keeping an approved edition's folder
// as it was approved, and rebuilding a draft after a correction (from the cached feeds, same window).
import path from 'node:path';
import { DateTime } from 'luxon';
import type { DigestConfig, Edition } from '../types.js';
import { UserError } from '../errors.js';
import type { RenderedEdition } from '../render/index.js';
import { openStore } from '../store/index.js';
import type { SqliteStore } from '../store/sqlite.js';
import { EditionLifecycle, FROZEN, type EditionEntry } from '../store/lifecycle.js';
import { staleRendering, storyTotal } from './approve.js';

/** Record a build written to `dir` as a draft (a frozen edition keeps its state). */
export function recordDraft(store: SqliteStore, edition: Edition, dir: string): EditionEntry {
  return new EditionLifecycle(store).recordDraft({
    id: edition.edition.id,
    windowStart: edition.edition.start,
    windowEnd: edition.edition.end,
    dir: path.resolve(dir),
    stories: storyTotal(edition),
  });
}

/** The edition's entry when it is frozen (approved or later) and `dir` is the folder it was approved from. */
export function frozenAt(stateDir: string, id: string, dir: string): EditionEntry | null {
  const store = openStore(stateDir);
  try {
    const entry = new EditionLifecycle(store).get(id);
    return entry && FROZEN.includes(entry.state) && entry.dir === path.resolve(dir) ? entry : null;
  } finally {
    store.close();
  }
}

export interface RebuiltDraft {
  edition: Edition;
  rendered: RenderedEdition;
  dir: string;
}

/**
 * Build the draft again with the corrections now stored: the same window, from the feeds' cached copies
 * (no network, so nothing but the corrections changes), written over its folder.
 */
export async function rebuildDraft(config: DigestConfig, entry: EditionEntry, outDir?: string): Promise<RebuiltDraft> {
  if (!entry.windowStart || !entry.windowEnd) throw new UserError(`edition ${entry.id}: its window is not recorded; run \`digest build\` again`);
  const dir = outDir ? path.resolve(outDir, entry.id) : entry.dir;
  if (!dir) throw new UserError(`edition ${entry.id}: no folder recorded for it; pass --out`);
  const { buildEdition } = await import('../pipeline/index.js');
  const { writeEdition } = await import('../pipeline/write.js');
  const end = DateTime.fromISO(entry.windowEnd, { setZone: true });
  const start = DateTime.fromISO(entry.windowStart, { setZone: true });
  // an item the feeds' copies gained since the draft was built is seen now, after its end, and stays out of it
  const built = await buildEdition(config, { now: end, start, offline: true, recordHealth: false, seenAt: DateTime.now() });
  if (built.edition.edition.id !== entry.id) throw new UserError(`edition ${entry.id}: its window now makes edition ${built.edition.edition.id} (time zone changed?); run \`digest build\``);
  await writeEdition(path.dirname(dir), built.edition, built.rendered, config);
  const store = openStore(config.state);
  try {
    recordDraft(store, built.edition, dir);
  } finally {
    store.close();
  }
  return { edition: built.edition, rendered: built.rendered, dir };
}

/**
 * A draft whose email no longer renders as it was written (the config or the templates changed since the build, or
 * another version of Roundup built it) is built again in its window, with its corrections, as a correction would
 * rebuild it: what it shows is then what would be sent. The folder of the draft as it now is, and whether it was rebuilt.
 */
export async function rebuildIfStale(config: DigestConfig, entry: EditionEntry): Promise<{ dir: string; rebuilt: boolean }> {
  if (!entry.dir) throw new UserError(`edition ${entry.id}: no folder recorded for it; pass --out`);
  const { readEditionText } = await import('../pipeline/read-edition.js');
  const { renderEdition } = await import('../render/index.js');
  const { edition } = readEditionText(path.join(entry.dir, 'digest.json'), entry.id);
  if (!(await staleRendering(config, edition, await renderEdition(edition, config), entry.dir))) return { dir: entry.dir, rebuilt: false };
  return { dir: (await rebuildDraft(config, entry)).dir, rebuilt: true };
}
