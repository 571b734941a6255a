// Stories drawn more strictly than sections. Two bare headlines that share one common word ("Flights", "drone"),
// or two reports with text that share little more than one name or two common words ("How low can the pound go?",
// "A low supply of eggs keeps breakfast prices high"), are one story by the clustering's measure and two events as
// often as not; yet what they share says which section both belong in, and a headline or a one-line teaser alone
// has little evidence of its own. So the sections are decided on the stories as clustered, and the stories are then
// drawn again with such pairs counted less (cluster/similarity.ts, SINGLE_COMMON_WORD_SHARE and THIN_SHARE): each
// story of the stricter clustering, cut where it crosses two sectioned stories, keeps the section its items had;
// only a part its own evidence clearly places elsewhere, in a digest of distinct subjects, moves, and a part that
// stays says why from its own words (theme/index.ts, sectionStrictStories).

import type { Cluster, Item } from '../types.js';
import type { StrictStory, ThemedStory } from '../theme/index.js';

/**
 * `strict`: the same items clustered with ClusterOptions.strict. Each of its stories, split by the
 * sectioned story each item was in, becomes a story with that one's decision, marked as a part when it holds only
 * some of that story's items (`others`: the ones it does not hold). An item the stricter clustering did not
 * return (it returns every item it is given, but nothing is lost if not) stays with its sectioned story's other such
 * items.
 */
export function storiesWithinSections(themed: ThemedStory[], strict: Cluster[]): StrictStory[] {
  const storyOf = new Map<string, number>();
  themed.forEach((t, i) => {
    for (const it of t.cluster.items) storyOf.set(it.key, i);
  });
  const placed = new Set<string>();
  const stories = strict.flatMap((cluster) => {
    const parts = new Map<number, Item[]>();
    for (const it of cluster.items) {
      const i = storyOf.get(it.key);
      if (i === undefined) continue;
      const part = parts.get(i);
      if (part) part.push(it);
      else parts.set(i, [it]);
      placed.add(it.key);
    }
    return [...parts].map(([i, items]) => {
      const inPart = new Set(items.map((it) => it.key));
      return { cluster: { ...cluster, items }, decision: themed[i].decision, others: themed[i].cluster.items.filter((it) => !inPart.has(it.key)) };
    });
  });
  for (const t of themed) {
    const left = t.cluster.items.filter((it) => !placed.has(it.key));
    if (left.length) stories.push({ cluster: { ...t.cluster, items: left }, decision: t.decision, others: [] });
  }
  return stories;
}
