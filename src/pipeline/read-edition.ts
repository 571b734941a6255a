// Read a built edition back from out/<id>/digest.json (send --edition, tick resuming an edition),
// checking the parts that sending and rendering rely on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Edition } from '../types.js';

/** Read out/<id>/digest.json and check the parts sending relies on. */
export function readEditionFile(file: string, id: string): Edition {
  return readEditionText(file, id).edition;
}

/** readEditionFile, also giving the file's exact text (what an approval freezes). */
export function readEditionText(file: string, id: string): { edition: Edition; text: string } {
  const shown = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? `${shown}: no such edition; run \`digest build\` first or check --edition and --out` : `${shown}: cannot read (${code ?? 'error'})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${shown}: not valid JSON (${(err as Error).message})`);
  }
  const e = data as Partial<Edition> | null;
  if (!e || typeof e !== 'object' || !e.edition || typeof e.edition.id !== 'string' || !Array.isArray(e.sections)) {
    throw new UserError(`${shown}: expected an edition with "edition.id" and "sections" (contract §3)`);
  }
  if (e.edition.id !== id) throw new UserError(`${shown}: edition.id is ${JSON.stringify(e.edition.id)}, expected ${JSON.stringify(id)}`);
  for (const [i, s] of e.sections.entries()) {
    if (!s || !Array.isArray(s.stories)) throw new UserError(`${shown}: sections[${i}].stories: expected a list`);
  }
  return { edition: { excluded: [], feeds: [], ...e } as Edition, text };
}
