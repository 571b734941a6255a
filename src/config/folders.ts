// The folders digest writes in (`state:`, --out). A path that cannot be a folder is refused before anything runs,
// and folders are made one level at a time. In the first layer, so that every layer may use them.
import { mkdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

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

/**
 * `mkdir -p`, one level at a time: Node 20's recursive mkdir never returns where the file system answers ENOENT
 * for a folder whose parent exists (under /proc). Throws mkdir's own error (code, path), as mkdirSync does.
 */
export function makeFolder(dir: string, mode?: number): void {
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
      // made meanwhile by another process
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statOrNull(d)?.isDirectory()) throw err;
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
