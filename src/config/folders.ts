// The folders digest writes in (`state:`, --out). A path that cannot be a folder is refused before anything runs.
// In the first layer, so that every layer may use it.
import { statSync } from 'node:fs';
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
