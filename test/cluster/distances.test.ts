// A distance one outlet gives in miles and another in kilometres is one fact: a British tabloid's "500 miles"
// is the wire's "800 km". Hand-written items (invented wording), against a background week.
import { describe, expect, it } from 'vitest';
import { backgroundWeek, item, storyOf } from './sample.js';


describe('distances in miles and kilometres', () => {
  const wire = item({ feed: 'wire', title: 'Ukraine says its drones struck refinery 800km inside Russia', published: '2026-03-04T08:00:00Z',
    text: 'Ukraine’s military says it hit a large oil refinery in Syzran overnight, starting a fire at a processing unit. The plant lies about 800km from the Ukrainian border. ' +
      'The regional governor said falling debris had caused the fire and nobody was hurt. Russia’s defence ministry claimed that 62 drones had been downed over nine regions.' });
  const tabloid = item({ feed: 'tabloid', title: 'Putin’s fury as Ukrainian drones set giant refinery ablaze 500 miles from the border', published: '2026-03-04T11:00:00Z',
    text: 'Vladimir Putin was left red-faced today after swarms of Ukrainian drones struck one of Russia’s biggest oil refineries, deep in the heartland. ' +
      'Terrified locals in Syzran filmed a vast plume of black smoke over the plant at dawn.' });

  // the same week's strike on a Ukrainian refinery: "refinery" and "drones" alone do not make one story
  const other = item({ feed: 'wire', title: 'Two killed as Russian missiles hit Kremenchuk oil refinery', published: '2026-03-03T09:00:00Z',
    text: 'Russian missiles struck the oil refinery in Kremenchuk on Tuesday morning, killing two workers and injuring nine, the Poltava regional governor said. Fire crews fought the blaze for six hours.' });

  it('joins the two headlines of the strike, and keeps the other refinery’s apart', () => {
    const bare = (i: ReturnType<typeof item>) => ({ ...i, text: '', lead: '' });
    const items = [bare(wire), bare(tabloid), bare(other), ...backgroundWeek()];
    expect(storyOf(items, wire.key)).toEqual([wire.key, tabloid.key].sort());
    expect(storyOf(items, other.key)).toEqual([other.key]);
  });
});
