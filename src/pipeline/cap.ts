// The cap on stories: a section holds at most its theme's `maxStories`, the edition at most the config's
// `maxStories`. The lowest-ranked stories go first — at the bottom of their section, then the lowest of
// the whole edition by the machine's ranking — and a pinned story never goes. The items of a story that
// goes are `over-limit`, so every item is still accounted for.
import type { Excluded, Section, Story } from '../types.js';

export interface StoryCap {
  /** stories the edition holds at most */
  edition: number;
  /** stories a section holds at most, by section id */
  perSection: Map<string, number>;
  /** ids of the stories an editor pinned */
  pinned: Set<string>;
  /** the machine's order of stories (best first) */
  rank: (stories: Story[]) => Story[];
}

export function capStories(sections: Section[], cap: StoryCap): { sections: Section[]; excluded: Excluded[] } {
  const excluded: Excluded[] = [];
  const cut = (story: Story, why: string) => {
    for (const it of story.items) excluded.push({ feed: it.feed, guid: it.guid, title: it.title, url: it.url, reason: 'over-limit', detail: why });
  };

  // each section first: its own lowest-ranked unpinned stories (sections are already in rank order)
  const kept = sections.map((section) => {
    const max = cap.perSection.get(section.id);
    if (max === undefined) return { ...section, stories: [...section.stories] };
    const stories = dropLowest(section.stories, section.stories.length - max, cap.pinned);
    for (const story of section.stories) {
      if (!stories.includes(story)) cut(story, `"${story.title}" ranked below the ${max} stories section "${section.title}" keeps (maxStories: ${max})`);
    }
    return { ...section, stories };
  });

  // then the edition: the lowest-ranked unpinned stories over all sections
  const all = kept.flatMap((s) => s.stories);
  const over = all.length - cap.edition;
  if (over > 0) {
    const order = cap.rank(all);
    const gone = new Set(dropLowest(order, over, cap.pinned, true));
    for (const section of kept) {
      for (const story of section.stories) {
        if (gone.has(story)) cut(story, `"${story.title}" ranked below the ${cap.edition} stories the edition keeps (maxStories: ${cap.edition})`);
      }
      section.stories = section.stories.filter((s) => !gone.has(s));
    }
  }
  return { sections: kept, excluded };
}

/**
 * `ranked` without its `n` lowest unpinned stories (or, with `returnGone`, just those stories).
 * Fewer go when too many are pinned.
 */
function dropLowest(ranked: Story[], n: number, pinned: Set<string>, returnGone = false): Story[] {
  const gone = new Set<Story>();
  for (let i = ranked.length - 1; i >= 0 && gone.size < n; i--) if (!pinned.has(ranked[i].id)) gone.add(ranked[i]);
  return returnGone ? [...gone] : ranked.filter((s) => !gone.has(s));
}
