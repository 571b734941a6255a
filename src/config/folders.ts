// The folders digest writes in (`state:`, --out). A path that cannot be a folder is refused before anything runs,
// and folders are made one level at a time. In the first layer, so that every layer may use them.
import { mkdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

/** Why `dir` cannot be a folder (`"x" is a file`, `"x/y" is inside "x", a file`), or null when it is one or can be made. */
export function notAFolder(dir: string): string | null {
  const shown = path.normalize(dir);
  let at = shown;
  for (;;) {
    try {
      if (statSync(at).isDirectory()) return null;
      return at === shown ? `${JSON.stringify(shown)} is a file` : `${JSON.stringify(shown)} is inside ${JSON.stringify(at)}, a file`;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // anything else (EACCES …) is for the write to report
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return null;
    }
    const parent = path.dirname(at);
    if (parent === at) return null;
    at = parent;
  }
}

/** Which setting names a folder: what a message about it tells the user to change (`out:` in the config, or --out). */
export type FolderSetting = 'state' | 'out' | '--out';

export const SETTING_NAME: Record<FolderSetting, string> = { state: '`state:`', out: '`out:` in the config', '--out': '--out' };

/**
 * Whose output folder `dir` is: the config's (`out:`, or its default beside the config file) or one --out named,
 * so a message about it names what the user wrote rather than an option they never gave.
 */
export function outSetting(dir: string, configOut: string): FolderSetting {
  const inside = path.relative(configOut, path.resolve(dir));
  return inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside)) ? 'out' : '--out';
}

/**
 * A folder the file system will not make where it was asked for (under /proc, say: mkdir answers ENOENT although
 * the parent is there), in the one line every command prints for it: the folder, mkdir's answer, and the setting
 * to change. Exit 1, as for the other storage faults.
 */
export class FolderError extends UserError {
  /** `answer`: mkdir's, as "ENOENT: no such file or directory" */
  constructor(folder: string, answer: string, setting: FolderSetting) {
    super(`${folder}: cannot make this folder (${answer}): expected ${SETTING_NAME[setting]} to name a folder that can be made on a writable disk`, 1);
    this.name = 'FolderError';
  }
}

/**
 * `mkdir -p`, one level at a time: Node 20's recursive mkdir never returns where the file system answers ENOENT
 * for a folder whose parent exists (under /proc). A level the file system will not make is a FolderError naming it
 * and `setting`; any other failure (full, read-only, permission) is mkdir's own error (code, path), as mkdirSync throws.
 */
export function makeFolder(dir: string, setting: FolderSetting, mode?: number): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  let st: Stats | null;
  while ((st = statOrNull(at)) === null) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  // an existing file where the folder should be: mkdir's EEXIST
  if (missing.length === 0 && !st!.isDirectory()) mkdirSync(at);
  for (const d of missing) {
    try {
      mkdirSync(d, { mode });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // made meanwhile by another process
      if (code === 'EEXIST' && statOrNull(d)?.isDirectory()) continue;
      // the parent was there a moment ago, yet "no such file or directory" (or "not a directory"): not a place for folders
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new FolderError(d, (err as Error).message.split(',')[0], setting);
      throw err;
    }
  }
}

/** null for a path that does not exist (or lies under a file); an error that says nothing of that is thrown */
function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw err;
  }
}
