// The corrections as a pure function over the machine's edition: each kind, their order, and what
// happens when the machine regroups the items on a rebuild (they follow the items, not positions).
import { describe, expect, it } from 'vitest';
import { applyCorrections, itemKeyOf, storyIdFor, type DeskContext } from '../../src/pipeline/corrections.js';
import type { Correction, Section, Story } from '../../src/types.js';

const ref = (key: string, title = `item ${key}`) => {
  const [feed, guid] = key.split(':');
  return { feed, guid, url: `https://news.test/${guid}`, title, published: '2026-11-20T10:00:00.000Z' };
};

/** A story as the pipeline would make it: title from its first item, published from its order. */
function story(keys: string[], title = `story of ${keys.join('+')}`, published = '2026-11-20T10:00:00.000+02:00'): Story {
  return {
    id: storyIdFor(keys),
    title,
    url: `https://news.test/${keys[0]}`,
    summary: `summary of ${keys.join('+')}`,
    published,
    sources: [...new Set(keys.map((k) => k.split(':')[0]))],
    why: ['keyword: test'],
    items: keys.map((k) => ref(k)),
  };
}

const ctx: DeskContext = {
  storyFor: (keys, why) => (keys.every((k) => !k.includes('unknown')) ? { ...story(keys), why } : null),
  // by title, so tests can tell the machine's order
  rank: (list) => [...list].sort((a, b) => a.title.localeCompare(b.title)),
};

function machine(): Section[] {
  return [
    { id: 'arms', title: 'Arms', stories: [story(['w:1', 'b:1'], 'A missiles'), story(['b:2'], 'B drones')] },
    { id: 'talks', title: 'Talks', stories: [story(['w:2'], 'C geneva'), story(['w:3'], 'D envoy')] },
    { id: 'other', title: 'Other', stories: [story(['w:4'], 'E budget')] },
    { id: 'empty', title: 'Empty', stories: [] },
  ];
}

let nextId = 1;
const c = (kind: Correction['kind'], items: string[], extra: Partial<Correction> = {}): Correction => ({
  id: nextId++,
  kind,
  items,
  by: 'ed@desk.test',
  at: '2026-11-23T06:00:00.000Z',
  ...extra,
});

const titles = (sections: Section[]) => Object.fromEntries(sections.map((s) => [s.id, s.stories.map((st) => st.title)]));

describe('applyCorrections', () => {
  it('with no corrections, returns the machine edition unchanged', () => {
    const input = { sections: machine(), excluded: [] };
    const out = applyCorrections(input, [], ctx);
    expect(out.sections).toEqual(machine());
    expect(out.corrections).toEqual([]);
    expect(out.intro).toBeNull();
  });

  it('drops a story: its items become `dropped`, and the machine decision is recorded', () => {
    const out = applyCorrections({ sections: machine(), excluded: [] }, [c('drop', ['b:2'])], ctx);
    expect(titles(out.sections).arms).toEqual(['A missiles']);
    expect(out.excluded).toEqual([expect.objectContaining({ feed: 'b', guid: '2', reason: 'dropped', detail: expect.stringContaining('ed@desk.test') })]);
    expect(out.corrections[0]).toMatchObject({ status: 'applied', machine: '"B drones" (Arms, #2)', story: null });
  });

  it('pins to the top (the latest pin first), moves into the machine order of the target, even into an empty section', () => {
    const out = applyCorrections(
      { sections: machine(), excluded: [] },
      [c('pin', ['w:3']), c('move', ['w:4'], { value: 'talks' }), c('move', ['b:2'], { value: 'empty' }), c('pin', ['w:2'])],
      ctx,
    );
    expect(titles(out.sections)).toEqual({ arms: ['A missiles'], talks: ['C geneva', 'D envoy', 'E budget'], other: [], empty: ['B drones'] });
    expect(out.corrections.map((x) => x.machine)).toEqual(['#2 in Talks', 'section: Other', 'section: Arms', '#2 in Talks']);
    const talks = out.sections.find((s) => s.id === 'talks')!.stories;
    expect(talks[0].corrections).toEqual([expect.any(Number)]);
  });

  it('merges two stories into the first (its title and summary kept, the sources joined) and splits an item out', () => {
    const merge = c('merge', ['w:2'], { other: ['w:3'] });
    const split = c('split', ['b:1']);
    const out = applyCorrections({ sections: machine(), excluded: [] }, [merge, split], ctx);
    const talks = out.sections.find((s) => s.id === 'talks')!.stories;
    expect(talks).toHaveLength(1);
    expect(talks[0]).toMatchObject({ title: 'C geneva', summary: 'summary of w:2', id: storyIdFor(['w:2', 'w:3']) });
    expect(talks[0].items.map(itemKeyOf)).toEqual(['w:2', 'w:3']);
    const arms = out.sections.find((s) => s.id === 'arms')!.stories;
    expect(arms.map((s) => s.items.map(itemKeyOf))).toEqual([['w:1'], ['b:1'], ['b:2']]);
    expect(out.corrections.find((x) => x.id === split.id)).toMatchObject({ status: 'applied', story: storyIdFor(['b:1']) });
  });

  it('keeps a title the editor set when a later split remakes the story', () => {
    const out = applyCorrections({ sections: machine(), excluded: [] }, [c('title', ['w:1', 'b:1'], { value: 'Our title' }), c('split', ['b:1'])], ctx);
    const arms = out.sections.find((s) => s.id === 'arms')!.stories;
    expect(arms[0]).toMatchObject({ title: 'Our title' });
    expect(arms[0].items.map(itemKeyOf)).toEqual(['w:1']);
  });

  it('follows the items when a rebuild regroups them, and reports a correction whose items are gone', () => {
    const corrections = [c('title', ['w:1', 'b:1'], { value: 'Kept title' }), c('drop', ['gone:1']), c('summary', ['w:4', 'gone:2'], { value: 'New summary' })];
    // the rebuilt edition put w:1 with a new item, b:1 alone, and w:4 elsewhere
    const rebuilt: Section[] = [
      { id: 'arms', title: 'Arms', stories: [story(['b:1'], 'Z other'), story(['w:1', 'n:9'], 'Y missiles')] },
      { id: 'other', title: 'Other', stories: [story(['w:4'], 'E budget')] },
    ];
    const out = applyCorrections({ sections: rebuilt, excluded: [] }, corrections, ctx);
    // the story holding most of the keys (a tie: the first in the edition, which the note says) gets the title
    expect(titles(out.sections).arms).toEqual(['Kept title', 'Y missiles']);
    expect(out.corrections.map((x) => [x.status, x.note])).toEqual([
      // w:1 is not gone: it is in the story the title did not go to
      [
        'applied',
        `it went to "Z other" (Arms, #1), the first on the page: "Y missiles" (Arms, #2) holds as many of its items; if you meant that one, \`digest edit undo ${corrections[0].id}\` takes it back; ` +
          '1 of its 2 items is in another story now, "Y missiles" (Arms, #2), which keeps its own title',
      ],
      ['vanished', 'its item is no longer in this edition'],
      ['applied', '1 of 2 items no longer in this edition'],
    ]);
    expect(out.sections.find((s) => s.id === 'other')!.stories[0].summary).toBe('New summary');
  });

  it('says so when a merge goes into one of two stories holding as many of its items', () => {
    // merged after another merge (w:2 and w:3) that was taken back since: its items are in two stories again
    const merge = c('merge', ['w:2', 'w:3'], { other: ['w:4'] });
    const out = applyCorrections({ sections: machine(), excluded: [] }, [merge], ctx);
    expect(titles(out.sections).talks).toEqual(['C geneva', 'D envoy']);
    expect(out.corrections[0].note).toBe(
      `it went to "C geneva" (Talks, #1), the first on the page: "D envoy" (Talks, #2) holds as many of its items; if you meant that one, \`digest edit undo ${merge.id}\` takes it back`,
    );
  });

  it('sets, replaces and removes the intro; a move to a section no longer configured changes nothing', () => {
    const out = applyCorrections(
      { sections: machine(), excluded: [] },
      [c('intro', [], { value: 'First' }), c('intro', [], { value: 'Second' }), c('move', ['w:4'], { value: 'gone' })],
      ctx,
    );
    expect(out.intro).toBe('Second');
    expect(out.corrections[1].machine).toBe('intro: First');
    expect(out.corrections[2]).toMatchObject({ status: 'vanished', note: 'section "gone" is no longer in the config' });
    expect(titles(out.sections).other).toEqual(['E budget']);
    const removed = applyCorrections({ sections: machine(), excluded: [] }, [c('intro', [], { value: 'x' }), c('intro', [], { value: '' })], ctx);
    expect(removed.intro).toBeNull();
  });

  it('does not change its input', () => {
    const input = { sections: machine(), excluded: [] };
    applyCorrections(input, [c('pin', ['w:3']), c('title', ['w:2'], { value: 'T' }), c('drop', ['b:2']), c('merge', ['w:1'], { other: ['w:4'] })], ctx);
    expect(input).toEqual({ sections: machine(), excluded: [] });
  });

  it('names the final story of a correction whose story a later correction remade', () => {
    const pin = c('pin', ['w:2']);
    const out = applyCorrections({ sections: machine(), excluded: [] }, [pin, c('merge', ['w:3'], { other: ['w:2'] })], ctx);
    const talks = out.sections.find((s) => s.id === 'talks')!.stories;
    expect(talks).toHaveLength(1);
    expect(out.corrections.find((x) => x.id === pin.id)!.story).toBe(talks[0].id);
  });
});
