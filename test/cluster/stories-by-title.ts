// For tests that build a labelled set through the CLI: which story each item's headline ended up in.
import path from 'node:path';
import type { Edition } from '../../src/types.js';
import { buildEdition } from '../eval/build.js';
import { materialise } from '../eval/materialise.js';
import type { EvalSet } from '../eval/set-format.js';

/** title → index of the story (over all sections) it is in */
export function storiesByTitle(set: EvalSet, edition: Edition): Map<string, number> {
  const titleOf = new Map(set.items.map((i) => [`${set.feedIds.get(i.outlet)}:${i.id}`, i.title]));
  const out = new Map<string, number>();
  let n = 0;
  for (const section of edition.sections) {
    for (const story of section.stories) {
      for (const ref of story.items) out.set(titleOf.get(`${ref.feed}:${ref.guid}`) ?? `?${ref.guid}`, n);
      n++;
    }
  }
  return out;
}

/** Writes the set's feeds and config under `dir`/`name`, builds its edition through the CLI, and maps titles to stories. */
export async function buildStories(set: EvalSet, dir: string, name = 'week'): Promise<Map<string, number>> {
  const config = materialise(set, path.join(dir, name));
  const { edition } = await buildEdition(config, set.meta.now, path.join(dir, `${name}-out`));
  return storiesByTitle(set, edition);
}
