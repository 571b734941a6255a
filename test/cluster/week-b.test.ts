// A second, independently written week (different events, longer and more varied wording), kept
// out of all threshold choices: it checks that the rule generalises beyond the editorial set.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { item } from './sample.js';
import { pairwiseScores } from './synthetic.js';

const events = new Map<string, number>();
let nextSingle = 1000;
function told(event: number | null, fields: Parameters<typeof item>[0]): Item {
  const it = item(fields);
  events.set(it.key, event ?? nextSingle++);
  return it;
}

const week: Item[] = [
  // 1. EU money for ammunition (hard negative of 2: Brussels, the same week, allies and Ukraine)
  told(1, { feed: 'north', title: 'EU agrees €5bn top-up for Ukraine ammunition fund', published: '2026-04-07T10:00:00Z',
    text: 'European Union ambassadors agreed on Tuesday to add €5 billion to the European Peace Facility to buy artillery ammunition for Ukraine, after Hungary dropped its objections. The money will be used for joint purchases of 155mm shells, diplomats said.' }),
  told(1, { feed: 'south', title: 'Hungary lifts veto as EU adds 5 billion euros for shells', published: '2026-04-07T13:30:00Z',
    text: 'Budapest withdrew its veto and EU envoys approved a 5 billion euro increase of the European Peace Facility, which reimburses member states for weapons sent to Ukraine. Most of it will go on 155mm artillery shells.' }),
  told(1, { feed: 'east', title: 'Peace Facility boost: what the EU’s €5 billion buys', published: '2026-04-08T07:00:00Z',
    text: 'The €5 billion that EU governments added to the European Peace Facility this week is meant mainly for 155mm artillery ammunition for Ukraine. Hungary, which had blocked the top-up for months, abstained.' }),
  // 2. NATO ministers in Brussels
  told(2, { feed: 'north', title: 'NATO ministers agree to take over coordination of Ukraine aid', published: '2026-04-09T15:00:00Z',
    text: 'NATO foreign ministers meeting in Brussels agreed on Thursday that the alliance will take over coordination of military aid and training for Ukraine from a US-led group, Secretary General Mark Rutte said.' }),
  told(2, { feed: 'west', title: 'Alliance to run Ukraine aid coordination from Wiesbaden', published: '2026-04-09T18:00:00Z',
    text: 'A NATO command in Wiesbaden will coordinate weapons deliveries and training for Ukraine, foreign ministers decided in Brussels, moving the task from the US-led Ramstein group. Mark Rutte called it a way to make support last.' }),
  // 3. Zelensky in Riyadh (hard negative of 4: the same host, talks about peace, two days apart)
  told(3, { feed: 'south', title: 'Zelensky meets Saudi crown prince in Riyadh', published: '2026-04-06T12:00:00Z',
    text: 'President Volodymyr Zelensky met Crown Prince Mohammed bin Salman in Riyadh on Monday to discuss the return of prisoners and deported children and Saudi support for a peace framework.' }),
  told(3, { feed: 'east', title: 'In Riyadh, Zelensky seeks Saudi help on prisoners and children', published: '2026-04-06T15:00:00Z',
    text: 'Volodymyr Zelensky asked Mohammed bin Salman for help in bringing home prisoners of war and children taken to Russia, during a visit to Riyadh. The crown prince offered to host further humanitarian talks.' }),
  told(3, { feed: 'west', title: 'Saudi crown prince hosts Ukrainian president', published: '2026-04-06T19:30:00Z',
    text: 'Mohammed bin Salman received Volodymyr Zelensky in Riyadh for talks on prisoner releases, deported children and a possible peace framework, the Saudi press agency said.' }),
  // 4. US and Russian delegations in Riyadh
  told(4, { feed: 'north', title: 'US and Russian delegations hold first talks in Riyadh', published: '2026-04-08T11:00:00Z',
    text: 'American and Russian officials held four and a half hours of talks in Riyadh on Wednesday, their first direct meeting in years, agreeing to restore embassy staffing. Ukraine was not represented.' }),
  told(4, { feed: 'south', title: 'Washington and Moscow agree to restore embassies after Riyadh meeting', published: '2026-04-08T14:00:00Z',
    text: 'Delegations from the United States and Russia agreed in Riyadh to bring embassy staffing back to normal levels, after four and a half hours of talks without Ukraine at the table.' }),
  // 5. A depot explosion in Bryansk (hard negative of 6: Ukrainian drones, Russian targets, same days)
  told(5, { feed: 'east', title: 'Huge blasts at Russian ammunition depot in Bryansk region after drone attack', published: '2026-04-10T05:00:00Z',
    text: 'A Ukrainian drone attack set off a chain of explosions at an ammunition depot near Karachev in Russia’s Bryansk region overnight, Ukraine’s SBU security service said. The governor said nearby villages were evacuated.' }),
  told(5, { feed: 'west', title: 'Karachev arsenal burns after overnight drone strike', published: '2026-04-10T08:00:00Z',
    text: 'Explosions rocked the arsenal at Karachev in the Bryansk region after Ukrainian drones hit it overnight, according to the SBU. Residents of three villages were evacuated, the regional governor said.' }),
  told(5, { feed: 'north', title: 'SBU says drones hit Karachev ammunition depot', published: '2026-04-10T09:30:00Z',
    text: 'Ukraine’s SBU said its drones struck an ammunition depot at Karachev in the Bryansk region overnight, causing secondary explosions. Bryansk governor said villages near the depot were evacuated.' }),
  // 6. An oil refinery in Ryazan
  told(6, { feed: 'south', title: 'Drones set Ryazan oil refinery ablaze', published: '2026-04-11T04:30:00Z',
    text: 'Ukrainian drones struck the Ryazan oil refinery overnight, starting a fire at a crude distillation unit, the regional governor said. The refinery processes about 13 million tonnes of oil a year.' }),
  told(6, { feed: 'east', title: 'Ryazan refinery halts a distillation unit after drone strike', published: '2026-04-11T09:00:00Z',
    text: 'A fire broke out at a crude distillation unit of the Ryazan oil refinery after a Ukrainian drone attack, forcing it to halt, industry sources said. The plant refines some 13 million tonnes a year.' }),
  // 7. Same outlet, same actor, different story: Rutte on spending
  told(null, { feed: 'north', title: 'Rutte urges allies to raise defence spending to 3.5%', published: '2026-04-10T12:00:00Z',
    text: 'NATO Secretary General Mark Rutte urged allies to raise defence spending to 3.5% of GDP before the summit in The Hague, saying current plans were not enough to deter Russia.' }),
  // singles
  told(null, { feed: 'west', title: 'Moldova expels Russian diplomat over election interference', published: '2026-04-07T09:00:00Z',
    text: 'Moldova expelled a Russian diplomat accused of funding protests ahead of parliamentary elections, its foreign ministry said.' }),
  told(null, { feed: 'south', title: 'Kyiv theatre stages first premiere since blackout', published: '2026-04-08T18:00:00Z',
    text: 'The Ivan Franko theatre in Kyiv staged its first premiere since power cuts ended, a new production of a classic comedy.' }),
  told(null, { feed: 'east', title: 'Russian central bank cuts key rate to 15%', published: '2026-04-11T11:00:00Z',
    text: 'The Bank of Russia cut its key rate by one point to 15%, citing slowing inflation.' }),
];

describe('a second, independently written week', () => {
  it('groups its stories with high pairwise precision and recall', () => {
    const { clusters } = clusterItems(week);
    const scores = pairwiseScores(clusters.map((c) => c.items.map((i) => i.key)), events);
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
  });
});
