// Two bare headlines that share one common word only are one story by the clustering's measure and two events as
// often as one. The edition's stories are drawn again with such pairs counted less, within the sections decided on
// the stories as first clustered: the headlines part, and each keeps its section.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Edition, Item } from '../../src/types.js';
import { buildEdition, ROOT } from '../eval/build.js';
import { materialise } from '../eval/materialise.js';
import { readSetDir } from '../eval/set-format.js';
import { headlinesOf } from '../eval/sets.js';

const work = mkdtempSync(path.join(tmpdir(), 'roundup-single-word-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const week = (name: string) => headlinesOf(readSetDir(path.join(ROOT, 'test', 'fixtures', name)));

async function built(name: string): Promise<Edition> {
  const set = week(name);
  const dir = path.join(work, name);
  return (await buildEdition(materialise(set, dir), set.meta.now, path.join(dir, 'out'))).edition;
}

/** The section and the other headlines of the story whose items include a headline starting so. */
function storyOf(edition: Edition, start: string): { section: string; titles: string[] } {
  for (const section of edition.sections) {
    for (const story of section.stories) {
      const titles = story.items.map((i) => i.title);
      if (titles.some((t) => t.startsWith(start))) return { section: section.id, titles };
    }
  }
  throw new Error(`no story holds "${start}"`);
}

const headlineItems = (name: string): Item[] =>
  week(name).items.filter((i) => i.expect !== 'outside-window').map((i) => ({
    key: `${i.outlet}:${i.id}`,
    feed: i.outlet,
    feedName: i.outlet,
    guid: i.id,
    title: i.title,
    url: i.url ?? null,
    canonicalUrl: null,
    published: i.published,
    lead: '',
    text: '',
  }));

describe('bare headlines that share one common word', () => {
  it("part two events told with one shared word (a week's headlines through the CLI), each keeping the section it had", async () => {
    const edition = await built('editorial-g');
    // the gas fields strike and the Novorossiysk strike share only "strike"
    const upstream = storyOf(edition, 'Upstream strike: Naftogaz output down');
    const port = storyOf(edition, 'Drone strike halts loadings');
    expect(upstream.titles).toHaveLength(1);
    expect(port.titles.some((t) => t.startsWith('Sheskharis loadings halted'))).toBe(true);
    // the section both had as one story
    expect(upstream.section).toBe(port.section);
  }, 120_000);

  it('still join two headlines whose one shared word is a name the headlines write capitalised, though a common word ("Marsh")', () => {
    const items = headlineItems('editorial-c');
    const together = (clusters: { items: Item[] }[]) =>
      clusters.find((c) => c.items.some((i) => i.title === 'Marsh meets Putin'))!.items.map((i) => i.title);
    const strict = together(clusterItems(items, { strict: true }).clusters);
    expect(strict).toContain('What did Marsh bring back from Moscow?');
    expect(strict).toEqual(together(clusterItems(items).clusters));
  });
});
