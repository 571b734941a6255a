// A whole article about an event written two or three days after the wire's report (a magazine's piece, an
// analyst's) keeps more of its score across the gap than two headlines or teasers do. Hand-written items
// (invented events, people and wording), against a background week.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import { backgroundWeek, item } from './sample.js';

const storyOf = (items: ReturnType<typeof item>[], key: string) =>
  clusterItems(items).clusters.find((c) => c.items.some((i) => i.key === key))!.items.map((i) => i.key).sort();

describe('follow-up articles days after the event', () => {
  it('joins a long piece told 55 hours after the wire’s report of the same strike', () => {
    const wire = item({ feed: 'wire', title: 'Russian missiles hit hospital in Uzhhorod, killing four', published: '2026-03-03T07:00:00Z',
      text: 'Russian cruise missiles struck the regional children’s hospital in Uzhhorod before dawn on Tuesday, killing four people, among them a nurse, and wounding eleven, the governor of Zakarpattia, Myroslav Bilyk, said. ' +
        'It was the first strike on the city since the start of the year. Surgeons moved 38 young patients to a clinic in Mukachevo. ' +
        'The hospital’s director, Olena Varga, said the east wing, which held the cancer ward, had collapsed. Rescue crews searched the rubble until midday. ' +
        'Hungary, whose border lies a few kilometres away, condemned the attack. The Ukrainian air force said it shot down three of seven missiles launched from bombers over the Caspian Sea.' });
    const piece = item({ feed: 'longread', title: 'After the east wing fell: Uzhhorod’s hospital starts again', published: '2026-03-05T14:00:00Z',
      text: 'Two days after Russian missiles brought down the east wing of Uzhhorod’s children’s hospital, Olena Varga walks the corridor that is left. The director counts what survived: the surgery, the pharmacy, the generator. ' +
        'Four people died in the strike, a nurse among them; eleven were wounded. The 38 children moved to Mukachevo that morning are still there, and their parents drive the 40 kilometres each day. ' +
        'Myroslav Bilyk, the Zakarpattia governor, has promised the cancer ward a new home by autumn. Hungary has offered beds across the border. ' +
        'In a city that had felt far from the war, the strike changed what people talk about in the queue at the bakery.' });
    expect(storyOf([wire, piece, ...backgroundWeek()], wire.key)).toEqual([wire.key, piece.key].sort());
  });

  it('keeps two teasers told as far apart as they are: one sentence each says too little across days', () => {
    const wire = item({ feed: 'wire', title: 'Russian missiles hit hospital in Uzhhorod, killing four', published: '2026-03-03T07:00:00Z',
      text: 'Russian cruise missiles struck the children’s hospital in Uzhhorod on Tuesday, killing four and wounding eleven.' });
    const teaser = item({ feed: 'longread', title: 'Uzhhorod’s hospital starts again after the missiles', published: '2026-03-05T14:00:00Z',
      text: 'Two days after Russian missiles hit Uzhhorod’s children’s hospital, killing four, the director counts what survived.' });
    expect(storyOf([wire, teaser, ...backgroundWeek()], wire.key)).toEqual([wire.key]);
  });
});
