// Find what an editor names: a story by its id or the start of its title, an item of a story by its key,
// link or the start of its title, a section by its id or title. Ambiguity is an error that lists the choices.
import type { Edition, Section, Story, StoryItemRef } from '../types.js';
import { UserError } from '../errors.js';
import { itemKeyOf } from '../pipeline/corrections.js';

export interface StoryPlace {
  section: Section;
  story: Story;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);

function pick<T>(what: string, ref: string, all: T[], id: (t: T) => string[], title: (t: T) => string, hint: string): T {
  const want = norm(ref);
  if (!want) throw new UserError(`${what}: expected an id or the start of a title, got an empty string`);
  const byId = all.filter((t) => id(t).some((x) => x === ref.trim()));
  if (byId.length === 1) return byId[0];
  const exact = all.filter((t) => norm(title(t)) === want);
  if (exact.length === 1) return exact[0];
  const prefix = all.filter((t) => norm(title(t)).startsWith(want));
  if (prefix.length === 1) return prefix[0];
  if (prefix.length === 0) throw new UserError(`${what} ${quote(ref)}: nothing has that id or a title starting so; ${hint}`);
  throw new UserError(
    `${what} ${quote(ref)}: matches ${prefix.length} (${prefix.slice(0, 3).map((t) => quote(title(t))).join(', ')}${prefix.length > 3 ? ', …' : ''}); give more of the title or the id`,
  );
}

export function findStory(edition: Edition, ref: string, what = 'STORY'): StoryPlace {
  const all = edition.sections.flatMap((section) => section.stories.map((story) => ({ section, story })));
  // a story id (what the desk's forms send) that is gone: the page was read before the draft changed
  const id = ref.trim();
  if (/^[0-9a-f]{12}$/.test(id) && !all.some((p) => p.story.id === id || norm(p.story.title).startsWith(id))) {
    throw new UserError(
      `${what} ${id}: no story in the draft has that id now: the draft changed since it was read (a late item, or another editor's merge, split or drop); ` +
        'reload the desk (or run `digest edit list`) to see the stories as they are',
    );
  }
  return pick(what, ref, all, (p) => [p.story.id], (p) => p.story.title, '`digest edit list` shows the stories');
}

export function findItem(story: Story, ref: string): StoryItemRef {
  return pick('ITEM', ref, story.items, (it) => [itemKeyOf(it), it.guid, it.url ?? ''].filter(Boolean), (it) => it.title, `the story's items are: ${story.items.map((it) => quote(it.title)).join(', ')}`);
}

export function findSection(sections: { id: string; title: string }[], ref: string): { id: string; title: string } {
  return pick('SECTION', ref, sections, (s) => [s.id], (s) => s.title, `the sections are: ${sections.map((s) => s.id).join(', ')}`);
}

export function storyKeys(story: Story): string[] {
  return story.items.map(itemKeyOf);
}
