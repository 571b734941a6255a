// The edition's top story: the one the subject leads with and the email labels "Top story", so both name the same.
import type { Edition, Story } from '../types.js';
import { compareStories } from '../theme/rank.js';

/** The edition's top story, wherever its section: the first of all its stories in the sections' own order. */
export function topStory(edition: Edition, keep?: (sectionId: string) => boolean): Story | null {
  let top: Story | null = null;
  for (const section of edition.sections) {
    if (keep && !keep(section.id)) continue;
    for (const story of section.stories) if (!top || compareStories(story, top) < 0) top = story;
  }
  return top;
}
