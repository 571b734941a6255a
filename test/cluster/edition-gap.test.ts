// How far apart one story's reports may lie is read from the edition (src/cluster/edition-gap.ts). Where the reports
// that are surely one event lie days apart (a wire's topic followed over the week), a story runs over the week
// instead of being cut at 72 hours; where they lie hours apart, as in most editions, the fixed gap stands and the same
// actors doing something else four days later stay a story of their own. The events, places and people are invented.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { newsItem } from './other-news.js';

/** Eight events, each in six sentences of its own; a report tells four of them. */
const EVENTS: Record<string, [string, string[]]> = {
  ferry: ['Ferry Aurelia runs aground off Varsa island', [
    'The ferry Aurelia ran aground on a reef off Varsa island with 412 passengers aboard.',
    'Coastguard boats from Port Talden took the passengers ashore in lifeboats overnight.',
    'Captain Ilse Marrow said a steering fault pushed the ship onto the rocks near the lighthouse.',
    'Divers found a crack in the hull and fuel leaking into the bay.',
    'The Varsa Line company suspended its crossings to the mainland until the ship is refloated.',
    'Fishermen on the island fear the spill will close the oyster beds for the season.']],
  bank: ['Norland central bank raises rate to 4.25%', [
    'The Norland Reserve raised its main interest rate by half a point to 4.25 percent.',
    'Governor Piet Halvorsen said inflation of 6.8 percent was eating into wages and savings.',
    'Mortgage lenders in Kessel said monthly repayments would rise for two million households.',
    'The krona strengthened against the euro after the decision in the afternoon.',
    'Economists had expected a smaller rise of a quarter point.',
    'The bank said further rises were possible if fuel prices kept climbing.']],
  quake: ['Earthquake of magnitude 6.1 shakes Dorvan valley', [
    'An earthquake of magnitude 6.1 struck the Dorvan valley before dawn, toppling farmhouses.',
    'Rescuers dug through rubble in the village of Escar, where the church tower collapsed.',
    'The regional governor Amaia Lurte said 23 people were killed and 140 injured.',
    'Aftershocks kept families sleeping in tents on the football pitch.',
    'Engineers closed the Dorvan dam road while they checked the concrete for cracks.',
    'Neighbouring provinces sent blankets, water tankers and field kitchens.']],
  strike: ['Dockers at Brennhaven walk out over pay', [
    'Dockers at the port of Brennhaven walked out in a dispute over pay and night shifts.',
    'The Harbour Workers Union said its 3,600 members want a rise of nine percent.',
    'Container ships queued outside the breakwater as cranes stood idle.',
    'Supermarkets warned that fresh fruit imports would run short within days.',
    'Port director Olav Stenberg offered five percent and a bonus for weekend work.',
    'Talks at the labour mediation office broke up without an agreement.']],
  launch: ['Astrova launches weather satellite Calyx-2', [
    'The Astrova agency launched the weather satellite Calyx-2 from the Selmar spaceport.',
    'The rocket lifted off at dawn and released the satellite into orbit 40 minutes later.',
    'Mission chief Rhea Voss said the craft would map storms and sea temperatures over the ocean.',
    'The satellite cost 310 million and replaces one that failed last winter.',
    'Farmers and fishing fleets will get sharper forecasts from the spring.',
    'A second satellite, Calyx-3, is due to fly in two years.']],
  museum: ['Thieves take gold masks from Lindqvist museum', [
    'Thieves broke into the Lindqvist museum at night and took three gold funeral masks.',
    'Police said the gang cut through a skylight and disabled the alarm on the upper gallery.',
    'Curator Hanne Solberg said the masks were more than 2,000 years old and could not be sold openly.',
    'Detectives are studying camera footage of a grey van seen on the river road.',
    'The museum will stay closed while forensic teams search the galleries.',
    'Insurers offered a reward for information that leads to the masks.']],
  election: ['Mayor Oskar Brandt wins second term in Veldhem', [
    'Oskar Brandt won a second term as mayor of Veldhem with 54 percent of the vote.',
    'His rival Lena Aakre conceded defeat before midnight at her campaign office.',
    'Turnout in the city rose to 61 percent, the highest in twenty years.',
    'Brandt promised to finish the tram line to the northern suburbs by next summer.',
    'Aakre said her party would keep fighting the plan to sell the old hospital site.',
    'Council seats were split evenly between the two main parties.']],
  wildfire: ['Wildfire forces evacuation of Marren hills villages', [
    'A wildfire driven by strong winds forced the evacuation of six villages in the Marren hills.',
    'Firefighting planes dropped water on the flames as they spread through pine forest.',
    'Fire chief Tomas Rial said 1,800 hectares had burned and two barns were lost.',
    'Residents spent the night in a sports hall in the town of Ostra.',
    'Smoke closed the motorway between Ostra and the coast for several hours.',
    'Forecasters expect cooler weather and rain at the weekend.']],
};
const OUTLETS = ['harbour-times', 'the-exchange', 'daily-courier', 'northern-post'];
const HOUR = 3_600_000;
const START = Date.parse('2026-05-04T06:00:00Z');

/** Each event told by the four outlets, report r `hoursApart(r)` after the event's first. */
function edition(hoursApart: (report: number) => number): Item[] {
  return Object.entries(EVENTS).flatMap(([event, [title, sentences]], e) =>
    OUTLETS.map((outlet, r) => {
      const text = [0, 1, 2, 3].map((s) => sentences[(s + r) % sentences.length]).join(' ');
      const when = new Date(START + e * 5 * HOUR + hoursApart(r) * HOUR).toISOString();
      return newsItem(outlet, `${event}-${r}`, r === 0 ? title : `${title}: ${sentences[(r + 4) % 6].split(' ').slice(0, 6).join(' ')}`, when, text);
    }),
  );
}

const storiesOf = (items: Item[]) => clusterItems(items).clusters.map((c) => c.items.map((i) => i.guid.replace(/-\d$/, '')));

describe('how far apart one story may run, read from the edition', () => {
  it('keeps an event told over five days one story when the edition tells its events over days', () => {
    const stories = storiesOf(edition((r) => r * 36)); // reports 0, 36, 72 and 108 hours after the first
    expect(stories).toHaveLength(Object.keys(EVENTS).length);
    for (const story of stories) {
      expect(story).toHaveLength(OUTLETS.length);
      expect(new Set(story).size).toBe(1);
    }
  });

  it('keeps the fixed gap where the edition tells its events within hours: the same actors four days later are another story', () => {
    const items = edition((r) => r * 3);
    // the bank's governor again, four days after the rate decision: another event
    const later = new Date(START + 5 * HOUR + 100 * HOUR).toISOString();
    items.push(
      newsItem('daily-courier', 'bank-later', 'Norland central bank governor Piet Halvorsen says rate to stay at 4.25%', later,
        'The Norland Reserve governor Piet Halvorsen said the main interest rate of 4.25 percent would stay where it is. Inflation of 6.8 percent was eating into wages and savings, he said. Mortgage lenders in Kessel said repayments would rise for two million households.'),
    );
    const stories = clusterItems(items).clusters.map((c) => c.items.map((i) => i.guid));
    expect(stories.find((s) => s.includes('bank-later'))).toEqual(['bank-later']);
    expect(stories.find((s) => s.includes('bank-0'))).toHaveLength(OUTLETS.length);
  });
});
