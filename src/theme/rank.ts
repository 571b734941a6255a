// Order of stories within a section, and the edition's lead story.

import type { Story } from '../types.js';

/**
 * Sort stories within a section: more outlets first, then more items (a week's dominant event has many, though
 * most outlets give it a few each), then more recent, then title — deterministic. The same order picks the
 * edition's top story (render/top-story.ts), so the story the subject leads with also leads its section.
 */
export function rankStories(stories: Story[]): Story[] {
  return [...stories].sort(compareStories);
}

/** The top-ranked story over all sections (its title goes into the subject line), or null. */
export function leadStory(stories: Story[]): Story | null {
  return stories.length === 0 ? null : rankStories(stories)[0];
}

export function compareStories(a: Story, b: Story): number {
  return (
    b.sources.length - a.sources.length ||
    b.items.length - a.items.length ||
    time(b.published) - time(a.published) ||
    codepointCompare(a.title, b.title) ||
    codepointCompare(a.id, b.id)
  );
}

/** published carries an offset, so compare instants, not strings; undated stories go last */
function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

/** locale-independent, so the order is the same on every machine */
function codepointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
