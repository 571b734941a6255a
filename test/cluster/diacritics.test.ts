// Outlets differ in keeping a name's diacritics: "Łódź" and "Lodz", "Erdoğan" and "Erdogan", "Élysée" and "Elysee".
// A Latin word is read without them (src/cluster/tokenize.ts), so the reports meet; Cyrillic keeps its letters.
// Headlines and events are invented; the week around them is the fixture weeks'.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { newsItem, otherNews } from './other-news.js';

let n = 0;
function headline(outlet: string, title: string, published: string): Item {
  return newsItem(outlet, `${outlet}-${++n}`, title, published, '');
}

const FIRE = [
  headline('herald', 'Fire guts historic mill in Łódź', '2026-09-04T09:00:00Z'),
  headline('courier', 'Lodz blaze destroys 19th-century factory', '2026-09-04T10:30:00Z'),
];
const TALKS = [
  headline('wire', 'Erdoğan offers to mediate on grain shipments', '2026-09-05T12:15:00Z'),
  headline('gazette', 'Erdogan steps in as go-between over blocked cargoes', '2026-09-05T13:00:00Z'),
];

describe('names written with and without their diacritics', () => {
  const { clusters } = clusterItems([...otherNews(), ...FIRE, ...TALKS]);
  const storyOf = (i: Item) => clusters.findIndex((c) => c.items.some((x) => x.key === i.key));

  it('"Łódź" and "Lodz": the two reports of the fire are one story', () => {
    expect(storyOf(FIRE[0])).toBe(storyOf(FIRE[1]));
  });

  it('"Erdoğan" and "Erdogan": the two reports of the offer are one story', () => {
    expect(storyOf(TALKS[0])).toBe(storyOf(TALKS[1]));
  });

  it('and the two events stay apart', () => {
    expect(storyOf(FIRE[0])).not.toBe(storyOf(TALKS[0]));
  });
});
