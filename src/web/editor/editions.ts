// Editions on disk (`<outDir>/<id>/digest.json` + `digest.html`), for the archive and its Atom feed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Edition } from '../../types.js';

/** Edition folder names the archive will serve: no dots up front, no temp folders, nothing path-like. */
const EDITION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function isEditionId(id: string): boolean {
  return EDITION_ID.test(id) && id.length <= 100;
}

export interface StoredEdition {
  id: string;
  dir: string;
  edition: Edition;
}

// digest.json is read once per change of the file, not per request.
const cache = new Map<string, { mtimeMs: number; size: number; edition: Edition }>();

/** One edition from the out folder, or null when it is missing or not a readable digest.json. */
export function readStoredEdition(outDir: string, id: string): StoredEdition | null {
  if (!isEditionId(id)) return null;
  const dir = path.join(outDir, id);
  const file = path.join(dir, 'digest.json');
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st?.isFile()) return null;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return { id, dir, edition: hit.edition };
  try {
    const edition = JSON.parse(readFileSync(file, 'utf8')) as Edition;
    if (edition?.edition?.id !== id || !Array.isArray(edition.sections)) return null;
    cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, edition });
    return { id, dir, edition };
  } catch {
    // a damaged or half-copied edition is left out rather than breaking the whole archive
    return null;
  }
}

/** Every readable edition in the out folder, newest (by window end) first. */
export function listStoredEditions(outDir: string): StoredEdition[] {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return [];
  }
  return names
    .filter(isEditionId)
    .map((id) => readStoredEdition(outDir, id))
    .filter((e): e is StoredEdition => e !== null)
    .sort((a, b) => Date.parse(b.edition.edition.end) - Date.parse(a.edition.edition.end) || b.id.localeCompare(a.id));
}

/** The email's HTML part as written by `build`, or null. */
export function readEditionHtml(stored: StoredEdition): string | null {
  try {
    return readFileSync(path.join(stored.dir, 'digest.html'), 'utf8');
  } catch {
    return null;
  }
}

export function storyCount(e: Edition): number {
  return e.sections.reduce((n, s) => n + s.stories.length, 0);
}
