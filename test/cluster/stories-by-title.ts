// For tests that build a labelled set through the CLI: which story each item's headline ended up in.
import type { Edition } from '../../src/types.js';
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
