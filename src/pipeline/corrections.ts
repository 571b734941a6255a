// The editors' corrections, applied to the machine's edition after clustering and theming, on every
// build. Pure: the same edition and corrections give the same result. Corrections name stories by the
// keys of their items, so they find their story again after a rebuild regrouped or reordered things;
// one whose items are all gone is reported `vanished` and changes nothing.
import { createHash } from 'node:crypto';
import type { AppliedCorrection, Correction, Excluded, Section, Story } from '../types.js';

export interface SectionRef {
  id: string;
  title: string;
}

export interface DeskInput {
  /** every section the config defines, in order (empty ones too: a story may be moved into one) */
  sections: Section[];
  excluded: Excluded[];
}

export interface DeskContext {
  /** the story the pipeline would make of these items (title, summary, sources), or null if it does not know them all */
  storyFor: (keys: string[], why: string[]) => Story | null;
  /** the machine's order of stories within a section */
  rank: (stories: Story[]) => Story[];
}

export interface DeskResult {
  sections: Section[];
  excluded: Excluded[];
  intro: string | null;
  corrections: AppliedCorrection[];
}

export function itemKeyOf(it: { feed: string; guid: string }): string {
  return `${it.feed}:${it.guid}`;
}

/** A story's id: a hash of its item keys, so the same items always make the same id. */
export function storyIdFor(keys: string[]): string {
  return createHash('sha1').update([...keys].sort().join('\n')).digest('hex').slice(0, 12);
}

interface Place {
  section: Section;
  story: Story;
  /** how many of the looked-for keys it holds */
  hits: number;
}

/** Fields an editor set on a story, and the corrections that set them: they survive a split or merge that remakes the story. */
interface Overrides {
  title?: string;
  summary?: string;
  titleBy?: number;
  summaryBy?: number;
}

export function applyCorrections(input: DeskInput, corrections: Correction[], ctx: DeskContext): DeskResult {
  const sections: Section[] = input.sections.map((s) => ({ ...s, stories: s.stories.map((st) => ({ ...st })) }));
  const excluded = [...input.excluded];
  const applied: AppliedCorrection[] = [];
  const overrides = new WeakMap<Story, Overrides>();
  const pinned: Story[] = []; // latest pin first
  let intro: string | null = null;
  /** pinned stories on top, the latest pin first */
  const pinsFirst = (list: Story[]): Story[] => {
    const pins = pinned.filter((s) => list.includes(s));
    return pins.length > 0 ? [...pins, ...list.filter((s) => !pins.includes(s))] : list;
  };

  const sectionTitle = (s: Section) => s.title;
  const find = (keys: string[]): Place[] => {
    const want = new Set(keys);
    const places: Place[] = [];
    for (const section of sections) {
      for (const story of section.stories) {
        const hits = story.items.filter((it) => want.has(itemKeyOf(it))).length;
        if (hits > 0) places.push({ section, story, hits });
      }
    }
    // the story holding most of the keys first (ties: edition order)
    return places.sort((a, b) => b.hits - a.hits);
  };
  const found = (places: Place[]) => places.reduce((n, p) => n + p.hits, 0);
  /** a story at least half of whose items a correction names: its story still, whatever else a rebuild added to it */
  const mostly = (p: Place) => p.hits * 2 >= p.story.items.length;
  const wanted = new WeakMap<Correction, Set<string>>();
  const want = (c: Correction) => wanted.get(c) ?? wanted.set(c, new Set(c.items)).get(c)!;
  const rankIn = (p: Place) => p.section.stories.indexOf(p.story) + 1;
  const where = (p: Place) => `"${p.story.title}" (${sectionTitle(p.section)}, #${rankIn(p)})`;
  /** add to the note of a correction applied earlier (what a later one did to it) */
  const noteOn = (id: number, note: string) => {
    const a = applied.find((x) => x.id === id);
    if (a) a.note = a.note ? `${a.note}; ${note}` : note;
  };
  const mark = (story: Story, c: Correction) => {
    story.corrections = [...(story.corrections ?? []), c.id];
  };
  // a story remade or absorbed by a later correction: what an earlier correction's `story` now is
  const became = new Map<string, string | null>();
  const replace = (section: Section, old: Story, next: Story) => {
    if (old.id !== next.id) became.set(old.id, next.id);
    section.stories[section.stories.indexOf(old)] = next;
    const pin = pinned.indexOf(old);
    if (pin >= 0) pinned[pin] = next;
    const o = overrides.get(old);
    if (o) overrides.set(next, o);
  };
  /** Remake a story from items, keeping what editors set on it. */
  const remake = (from: Story, keys: string[], why: string[]): Story | null => {
    const made = ctx.storyFor(keys, why);
    if (!made) return null;
    const o = overrides.get(from) ?? {};
    return {
      ...made,
      ...(o.title !== undefined ? { title: o.title } : {}),
      ...(o.summary !== undefined ? { summary: o.summary } : {}),
      ...(from.corrections ? { corrections: [...from.corrections] } : {}),
    };
  };

  // the items a later split pulls out of their story, by the index of a correction: a title or summary written before
  // that split is the rest's, which the draft showed it on, not the split-off item's
  const pulledAfter = corrections.map((_, i) => new Set(corrections.slice(i + 1).filter((c) => c.kind === 'split').map((c) => c.items[0])));

  for (const [index, c] of corrections.entries()) {
    const result = (status: AppliedCorrection['status'], machine: string | null, story: string | null, note: string | null = null) =>
      applied.push({ ...c, status, machine, story, note });
    const missing = (places: Place[], keys: string[]) => {
      const n = keys.length - found(places);
      return n > 0 ? `${n} of ${keys.length} items no longer in this edition` : null;
    };

    if (c.kind === 'intro') {
      const text = (c.value ?? '').trim();
      result('applied', intro === null ? null : `intro: ${intro}`, null);
      intro = text === '' ? null : text;
      continue;
    }

    const places = find(c.items);
    if (places.length === 0) {
      result('vanished', null, null, `its ${c.items.length === 1 ? 'item is' : `${c.items.length} items are`} no longer in this edition`);
      continue;
    }
    // its items in several stories (a merge taken back, a rebuild that regrouped them): a title or summary is not
    // for a story only of items a later split pulls out, which the editor did not write it for
    const pulled = c.kind === 'title' || c.kind === 'summary' ? pulledAfter[index] : new Set<string>();
    const leaves = (p: Place) => p.story.items.every((it) => pulled.has(itemKeyOf(it)));
    places.sort((a, b) => Number(leaves(a)) - Number(leaves(b)) || b.hits - a.hits);
    const best = places[0];
    // other stories holding as many of its items as the one it goes to (the first on the page): said, never picked
    // silently; worded before anything moves, as the editor saw them
    const even = places.slice(1).filter((p) => p.hits === best.hits && leaves(p) === leaves(best));
    const tie = even.length ? tieNote(where(best), even.map(where), c.id) : null;

    switch (c.kind) {
      case 'drop': {
        const machine = places.map(where).join('; ');
        const out = (it: Story['items'][number]) =>
          excluded.push({ feed: it.feed, guid: it.guid, title: it.title, url: it.url, reason: 'dropped', detail: `dropped by ${c.by} (correction #${c.id})` });
        const kept: string[] = [];
        for (const p of places) {
          // a story mostly of other reports (a rebuild regrouped them, a split taken back) loses the dropped items only:
          // the editor never saw its other reports, let alone dropped them
          const rest = mostly(p) ? null : remake(p.story, p.story.items.map(itemKeyOf).filter((k) => !want(c).has(k)), p.story.why);
          if (rest) {
            p.story.items.filter((it) => want(c).has(itemKeyOf(it))).forEach(out);
            kept.push(`${p.hits} of its items taken out of ${where(p)}, a story mostly of other reports, which stays`);
            replace(p.section, p.story, rest);
            mark(rest, c);
            continue;
          }
          p.section.stories.splice(p.section.stories.indexOf(p.story), 1);
          became.set(p.story.id, null);
          p.story.items.forEach(out);
        }
        result('applied', machine, null, [missing(places, c.items), ...kept].filter(Boolean).join('; ') || null);
        break;
      }
      case 'pin':
      case 'move': {
        // only the stories mostly of its items: one they are a few reports of (a rebuild regrouped them, a split taken
        // back) is another event's, which the editor did not pin or move
        const own = places.filter(mostly);
        const others = places.filter((p) => !mostly(p));
        const elsewhere = others.length
          ? `${found(others)} of its items ${found(others) === 1 ? 'is' : 'are'} in ${others.map(where).join('; ')} now, a story mostly of other reports, which ${c.kind === 'pin' ? 'is not pinned' : 'stays in its section'}`
          : null;
        if (own.length === 0) {
          result('vanished', null, null, elsewhere);
          break;
        }
        const first = own[0];
        if (c.kind === 'pin') {
          const machine = `#${rankIn(first)} in ${sectionTitle(first.section)}`;
          for (const p of [...own].reverse()) {
            const i = pinned.indexOf(p.story);
            if (i >= 0) pinned.splice(i, 1);
            pinned.unshift(p.story);
            mark(p.story, c);
          }
          for (const p of own) p.section.stories = pinsFirst(p.section.stories);
          result('applied', machine, first.story.id, [missing(places, c.items), elsewhere].filter(Boolean).join('; ') || null);
          break;
        }
        const target = sections.find((s) => s.id === c.value);
        if (!target) {
          result('vanished', null, null, `section ${JSON.stringify(c.value ?? '')} is no longer in the config`);
          break;
        }
        const from = sectionTitle(first.section);
        for (const p of own) {
          if (p.section === target) continue;
          p.section.stories.splice(p.section.stories.indexOf(p.story), 1);
          target.stories.push(p.story);
        }
        // a moved story takes the place the machine's order gives it there (pinned stories stay on top)
        target.stories = pinsFirst(ctx.rank(target.stories));
        for (const p of own) mark(p.story, c);
        result('applied', `section: ${from}`, first.story.id, [missing(places, c.items), elsewhere].filter(Boolean).join('; ') || null);
        break;
      }
      case 'merge': {
        const otherPlaces = find(c.other ?? []);
        const others = otherPlaces.filter((p) => p.story !== best.story);
        if (otherPlaces.length > 0 && others.length === 0) {
          result('applied', null, best.story.id, 'already one story');
          break;
        }
        if (others.length === 0) {
          result('vanished', null, null, 'the story to merge in is no longer in this edition');
          break;
        }
        // only stories mostly of the items named: one they are a few reports of (a rebuild regrouped them, a split taken
        // back) is another event's, which the editor did not merge
        if (!mostly(best)) {
          result('vanished', null, null, `${best.hits} of its ${c.items.length} items ${best.hits === 1 ? 'is' : 'are'} in ${where(best)} now, a story mostly of other reports, which it does not merge into`);
          break;
        }
        const strays = others.filter((p) => !mostly(p));
        const stray = strays.length
          ? `${found(strays)} of the items to merge in ${found(strays) === 1 ? 'is' : 'are'} in ${strays.map(where).join('; ')} now, a story mostly of other reports, which is not merged in`
          : null;
        if (strays.length === others.length) {
          result('vanished', null, null, stray);
          break;
        }
        others.splice(0, others.length, ...others.filter(mostly));
        const keys = [...best.story.items, ...others.flatMap((p) => p.story.items)].map(itemKeyOf);
        const merged = remake(best.story, keys, [...best.story.why, ...others.map((p) => `merged by an editor: "${p.story.title}"`)]);
        if (!merged) {
          result('vanished', null, null, 'its items are no longer all in this edition');
          break;
        }
        // the story merged into keeps its title, summary and link; but a title or summary an editor wrote for a story merged
        // in outlives the machine's: the merge would otherwise throw the editor's words away, still listed as applied
        const own = overrides.get(best.story) ?? {};
        const text: Overrides = { ...own };
        for (const p of others) {
          const o = overrides.get(p.story) ?? {};
          for (const field of ['title', 'summary'] as const) {
            const by = o[`${field}By`];
            if (o[field] === undefined || by === undefined) continue;
            if (text[field] === undefined) {
              text[field] = o[field];
              text[`${field}By`] = by;
            } else {
              noteOn(by, `its story was merged into "${best.story.title}" by #${c.id}, which keeps ${text[`${field}By`] === undefined ? `its own ${field}` : `the ${field} of #${text[`${field}By`]}`}`);
            }
          }
        }
        const carried = [text.titleBy, text.summaryBy].filter((n): n is number => n !== undefined && !(merged.corrections ?? []).includes(n));
        const kept: Story = {
          ...merged,
          title: text.title ?? best.story.title,
          summary: text.summary ?? best.story.summary,
          url: best.story.url,
          published: best.story.published,
          ...(carried.length ? { corrections: [...(merged.corrections ?? []), ...carried].sort((a, b) => a - b) } : {}),
        };
        const machine = `separate stories: ${[best, ...others].map(where).join('; ')}`;
        let inheritPin = false;
        for (const p of others) {
          p.section.stories.splice(p.section.stories.indexOf(p.story), 1);
          became.set(p.story.id, kept.id);
          const pin = pinned.indexOf(p.story);
          if (pin >= 0) {
            pinned.splice(pin, 1);
            inheritPin = true;
          }
        }
        replace(best.section, best.story, kept);
        if (text.title !== undefined || text.summary !== undefined) overrides.set(kept, text);
        // a pinned story merged into another keeps the merged story on top
        if (inheritPin && !pinned.includes(kept)) pinned.unshift(kept);
        best.section.stories = pinsFirst(best.section.stories);
        mark(kept, c);
        result('applied', machine, kept.id, [tie, strays.length ? null : missing(others, c.other ?? []), stray].filter(Boolean).join('; ') || null);
        break;
      }
      case 'split': {
        const key = c.items[0];
        const { section, story } = best;
        if (story.items.length === 1) {
          result('applied', null, story.id, 'already a story of its own');
          break;
        }
        const rest = story.items.map(itemKeyOf).filter((k) => k !== key);
        const remaining = remake(story, rest, story.why);
        const alone = ctx.storyFor([key], [...story.why, 'split out by an editor']);
        if (!remaining || !alone) {
          result('vanished', null, null, 'its items are no longer all in this edition');
          break;
        }
        const machine = `one story: ${where(best)} of ${story.items.length} items`;
        replace(section, story, remaining);
        section.stories.splice(section.stories.indexOf(remaining) + 1, 0, alone);
        mark(alone, c);
        result('applied', machine, alone.id);
        break;
      }
      case 'title':
      case 'summary': {
        const text = (c.value ?? '').trim();
        const before = c.kind === 'title' ? best.story.title : best.story.summary;
        const next: Story = { ...best.story, [c.kind]: text };
        const kept: Overrides = { ...overrides.get(best.story), [c.kind]: text, [`${c.kind}By`]: c.id };
        replace(best.section, best.story, next);
        // after replace, which carries the old story's fields over: this one's text is added to them, not lost to them
        overrides.set(next, kept);
        mark(next, c);
        // the items in other stories now keep those stories' own text: said so, not called gone
        const others = places.slice(1);
        const elsewhere = found(others);
        const note = [
          tie,
          missing(places, c.items),
          elsewhere > 0
            ? `${elsewhere} of its ${c.items.length} items ${elsewhere === 1 ? 'is' : 'are'} in another story now, ${others.map(where).join('; ')}, which keeps its own ${c.kind}`
            : null,
        ].filter(Boolean).join('; ');
        result('applied', `${c.kind}: ${before}`, next.id, note || null);
        break;
      }
    }
  }

  for (const section of sections) section.stories = pinsFirst(section.stories);
  const finalId = (id: string | null): string | null => {
    const seen = new Set<string>();
    while (id !== null && became.has(id) && !seen.has(id)) {
      seen.add(id);
      id = became.get(id)!;
    }
    return id;
  };
  return { sections, excluded, intro, corrections: applied.map((a) => ({ ...a, story: finalId(a.story) })) };
}

/** The note of a correction that went to the first of stories holding as many of its items: which, and the others. */
function tieNote(went: string, others: string[], id: number): string {
  return (
    `it went to ${went}${TIE_MARK}${others.join(', ')} hold${others.length === 1 ? 's' : ''} as many of its items; ` +
    `if you meant ${others.length === 1 ? 'that one' : 'another'}, \`digest edit undo ${id}\` takes it back`
  );
}

const TIE_MARK = ', the first on the page: ';

/** From a correction's note, the stories it tied with ('"Title" (Section, #2)', joined), or null when it was no tie. */
export function tiedWith(note: string | null): string | null {
  if (!note?.startsWith('it went to ')) return null;
  const m = /^(.*) holds? as many of its items; if you meant /.exec(note.slice(note.lastIndexOf(TIE_MARK) + TIE_MARK.length));
  return note.includes(TIE_MARK) && m ? m[1] : null;
}
