// The digest's scope, judged per story. A report that names none of the scope's terms may still tell an event
// that other reports, which do name them, tell too: a bare headline leaves its subject to the story ("Deadly
// night in Zaporizhzhia" beside "Russian missiles kill 11 in Zaporizhzhia"), and so does a feature's title or a
// teaser that opens on a scene. Such a report belongs in the edition when it clusters with in-scope reports; one
// that clusters only with other unscoped reports, or with none, stays out.
//
// The in-scope stories are the ones clustering made of the in-scope items alone: an unscoped report joins a story
// and never regroups it. Where it goes is read from one more clustering of both kinds together (the same rules,
// so it joins only what it would have joined as an in-scope report): it joins the in-scope story holding most of
// the in-scope reports it was grouped with.

import type { Cluster, Item } from '../types.js';
import { byTimeThenKey, clusterItems, type ClusterOptions } from './index.js';

export interface ScopedStories {
  /** the in-scope stories, with the unscoped reports that tell them */
  clusters: Cluster[];
  /** unscoped reports of no in-scope story: out of the edition */
  outside: Item[];
}

export function joinStoriesInScope(clusters: Cluster[], unscoped: Item[], opts?: ClusterOptions): ScopedStories {
  if (unscoped.length === 0 || clusters.length === 0) return { clusters, outside: unscoped };
  const storyOf = new Map<string, number>();
  clusters.forEach((c, i) => c.items.forEach((it) => storyOf.set(it.key, i)));
  const together = clusterItems([...clusters.flatMap((c) => c.items), ...unscoped], opts).clusters;

  const joining = clusters.map(() => [] as Item[]);
  const outside: Item[] = [];
  for (const group of together) {
    const strays = group.items.filter((it) => !storyOf.has(it.key));
    if (strays.length === 0) continue;
    const votes = new Map<number, number>();
    for (const it of group.items) {
      const story = storyOf.get(it.key);
      if (story !== undefined) votes.set(story, (votes.get(story) ?? 0) + 1);
    }
    // most in-scope reports; on a tie, the story clustering listed first (more outlets, more recent)
    let target = -1;
    for (const [story, n] of votes) if (target < 0 || n > votes.get(target)! || (n === votes.get(target)! && story < target)) target = story;
    if (target < 0) outside.push(...strays);
    else joining[target].push(...strays);
  }
  // copies of an in-scope report that clustering set aside are in no group: they stay out
  const placed = new Set([...joining.flat(), ...outside].map((it) => it.key));
  outside.push(...unscoped.filter((it) => !placed.has(it.key)));

  return {
    clusters: clusters.map((c, i) => (joining[i].length === 0 ? c : { ...c, items: [...c.items, ...joining[i]].sort(byTimeThenKey) })),
    outside: outside.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}
