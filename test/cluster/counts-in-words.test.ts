// A count one outlet writes in words and another in digits is one fact: "Eleven children" is "11 children", "a
// 45-day pause" is "forty-five days". Hand-written items (invented wording), against a background week.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/cluster/tokenize.js';
import { backgroundWeek, item, storyOf } from './sample.js';

const bare = (title: string, feed: string, published: string) => item({ feed, title, published, text: '' });

describe('counts written in words', () => {
  it('joins "Eleven … children" and "11 … children" as bare headlines, and keeps another return of children apart', () => {
    const wire = bare('Eleven Ukrainian children returned from Russia through the Vatican', 'wire', '2026-03-04T09:00:00Z');
    const tabloid = bare('Heartbreak and hope: 11 stolen children finally back in Ukraine', 'tabloid', '2026-03-04T15:00:00Z');
    const other = bare('Four more children brought home from occupied Kherson region', 'agency', '2026-03-02T10:00:00Z');
    const items = [wire, tabloid, other, ...backgroundWeek()];
    expect(storyOf(items, wire.key)).toEqual([wire.key, tabloid.key].sort());
    expect(storyOf(items, other.key)).toEqual([other.key]);
  });

  it('reads "forty-five", "45-day" and "дванадцять" as the counts they are, and leaves "two" and "F-16" as they were', () => {
    const terms = (text: string) => tokenize(text).filter((t) => t.isNumber).map((t) => t.term);
    expect(terms('Forty-five days of calm')).toEqual(terms('a 45 day calm'));
    expect(terms('a 45-day halt')).toEqual(['45', '≈50']);
    expect(terms('дванадцять поранених')).toEqual(['12']);
    expect(terms('two days, F-16s')).toEqual(['f-16']);
  });

  it('reads a word that names a property of every object ("constructor", "__proto__") as a word, in any case', () => {
    const all = (text: string) => tokenize(text).map((t) => [t.term, t.isNumber]);
    expect(all('Contract goes to a local constructor. Work starts in May')).toContainEqual(['constructor', false]);
    expect(all('CONSTRUCTOR WINS CONTRACT')).toEqual([['constructor', false], ['win', false], ['contract', false]]);
    expect(tokenize('Sen. Haldane and the __proto__ of constructor-led deals').every((t) => typeof t.term === 'string' && !t.isNumber)).toBe(true);
  });
});
