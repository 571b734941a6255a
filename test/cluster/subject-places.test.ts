// A week about one place names it in many headlines: two bare headlines that share nothing but the subject's
// places (Ukraine, Kyiv) are not one event by them. Hand-written bare headlines (invented events and wording).
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { bare, storyOf } from './sample.js';
import { businessDay } from './business-day.js';


/** A week of the war told in bare headlines: Ukraine in about half of them, Kyiv and Russia in a few. */
function warWeek(): Item[] {
  const titles = [
    'Ukraine and Moldova agree to link their power grids',
    'Drones damage rail depot near Ukraine’s border with Belarus',
    'Russia fines food delivery app for refusing to share data',
    'Ukraine’s central bank holds its key rate at 15.5%',
    'Farmers in southern Ukraine start an early sunflower harvest',
    'Ukraine opens tender for 40 new electric trams',
    'Glide bomb hits school gym in Zaporizhzhia; two injured',
    'Ukraine signs gas storage deal with Slovak trader',
    'Parliament backs higher fines for drunk driving',
    'Russia expels two Estonian diplomats',
    'Ukraine’s wheat exports rise 8% on the month',
    'Ukrainian swimmer sets European record in Rome',
    'Lithuania delivers 12 more armoured vehicles to Ukraine',
    'Ukraine receives second tranche of Japanese grant for water pumps',
    'Ombudsman reports 30 new cases of deported children returned to Ukraine',
    'Kyiv city council votes to rename six streets',
    'Night-time curfew eased in Odesa for summer festival',
    'Ukraine launches online register of damaged homes',
    'Electricity imports from Poland hit a monthly high',
    'Ukraine’s army sets up a new drone school in Chernihiv',
    'Mine-clearing teams finish sweeping fields near Izium',
    'Ukraine’s railway adds night train to Vienna',
  ];
  return titles.map((title, k) => bare(`w${k % 5}`, title, `2026-06-0${1 + (k % 5)}T${String(6 + (k % 12)).padStart(2, '0')}:00:00Z`));
}


const metro = () => bare('z', 'Kyiv metro runs longer hours over the holidays', '2026-06-02T08:00:00Z');

describe('bare headlines that share only the place a week is about', () => {
  const heat = bare('x', 'Kyiv braces for a heatwave this weekend', '2026-06-03T09:00:00Z');
  const march = bare('y', 'Thousands march in Kyiv against new draft rules', '2026-06-03T11:00:00Z');
  const zoo = bare('x', 'Kyiv zoo welcomes two rescued lion cubs', '2026-06-04T09:00:00Z');
  const run = bare('y', 'Kyiv marathon draws 12,000 runners', '2026-06-04T10:00:00Z');

  it('are not one event in a week about Ukraine, where Kyiv is a place of the subject', () => {
    const items = [heat, march, zoo, run, metro(), ...warWeek()];
    for (const one of [heat, march, zoo, run]) expect(storyOf(items, one.key)).toEqual([one.key]);
    const { pairScore, threshold } = clusterItems(items);
    expect(pairScore(heat.key, march.key)).toBeLessThan(threshold / 2);
  });

  it('still join when they share the event’s own words besides the place', () => {
    const first = bare('x', 'Norwegian air-defence battery arrives in Kyiv', '2026-06-03T09:00:00Z');
    const second = bare('y', 'Norway’s air-defence battery deployed to Kyiv', '2026-06-03T12:00:00Z');
    const items = [first, second, metro(), ...warWeek()];
    expect(storyOf(items, first.key)).toEqual([first.key, second.key].sort());
  });

  it('count their shared place in a day that is about no place, though it names Kyiv in a fifth of its headlines', () => {
    const kyiv = [metro().title, 'Kyiv startup raises $4m for farm drones', 'Bakery chain opens its tenth shop in Kyiv'];
    const day = [...businessDay, ...kyiv].map((title, k) => bare(`b${k % 7}`, title, `2026-06-03T${String(6 + (k % 12)).padStart(2, '0')}:00:00Z`));
    const { pairScore, threshold } = clusterItems([heat, march, ...day]);
    expect(pairScore(heat.key, march.key)).toBeGreaterThan(threshold / 2);
  });
});
