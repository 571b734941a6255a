// The edition's top story: the one the subject leads with and the email labels "Top story", so both name the same.
import type { Edition, Story } from '../types.js';

/**
 * The edition's top story, wherever its section: the one the most outlets covered, then the one with
 * the most items (the week's dominant event has many), then the most recent; ties by title, then id.
 */
export function topStory(edition: Edition, keep?: (sectionId: string) => boolean): Story | null {
  let top: Story | null = null;
  for (const section of edition.sections) {
    if (keep && !keep(section.id)) continue;
    for (const story of section.stories) if (!top || outranks(story, top)) top = story;
  }
  return top;
}

function outranks(a: Story, b: Story): boolean {
  const order =
    a.sources.length - b.sources.length ||
    a.items.length - b.items.length ||
    instant(a.published) - instant(b.published) ||
    (a.title < b.title ? 1 : a.title > b.title ? -1 : 0) ||
    (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  return order > 0;
}

/** published carries an offset, so compare instants, not strings; undated stories rank last */
function instant(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}
