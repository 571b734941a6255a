// Country names however written: a name of two words or more is found in a headline written in lower case
// ("trump to visit united kingdom in july"); one word is looked up only when capitalised, since many are also
// ordinary words (polish, turkey, china), and so are some capitals (the valley, george town).
import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../src/text/places.js';

const countries = (text: string) => findPlaces(text.split(' ')).map((p) => p.country);

describe('findPlaces', () => {
  it('finds names of two words or more in lower case', () => {
    expect(countries('trump to visit united kingdom in july')).toEqual(['GBR']);
    expect(countries('north korea suspends missile tests')).toEqual(['PRK']);
    expect(countries('new zealand beat sri lanka')).toEqual(['NZL', 'LKA']);
  });

  it('finds one-word names only when capitalised', () => {
    expect(countries('Polish farmers block the border with Ukraine')).toEqual(['POL', 'UKR']);
    expect(countries('polish your shoes before the turkey dinner')).toEqual([]);
  });

  it('leaves capitals and peoples that are ordinary words alone in lower case', () => {
    expect(countries('down in the valley')).toEqual([]);
    expect(countries('a walk around george town')).toEqual([]);
    expect(countries('central african leaders meet')).toEqual([]);
  });
});
