import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileTerms } from '../../src/text/terms.js';

const latinWord = fc.stringMatching(/^[a-z]{3,10}$/);
const cyrillicWord = fc.stringMatching(/^[абвгдежзиклмнопрстуфхцчшщюяєіїґ]{3,10}$/);
const filler = fc.array(fc.constantFrom('the', 'talks', 'in', 'Kyiv', 'went', 'on', '—', 'said', '12', 'officials'), { maxLength: 8 });

describe('compileTerms properties', () => {
  it('finds any word as a whole word, whatever its case and surroundings', () => {
    fc.assert(
      fc.property(fc.oneof(latinWord, cyrillicWord), filler, filler, (w, before, after) => {
        const text = [...before, w.toUpperCase(), ...after].join(' ') + '.';
        expect(compileTerms([w]).find(text)).toEqual([w]);
      }),
      { numRuns: 150 },
    );
  });

  it('never matches a word inside a longer word', () => {
    fc.assert(
      fc.property(latinWord, fc.stringMatching(/^[a-z]{1,3}$/), fc.stringMatching(/^[bcdfgjkmnpqvwxz]{2,4}$/), (w, prefix, suffix) => {
        // a prefix always makes a different word; so does a suffix that is no plural ending
        expect(compileTerms([w]).find(`They met ${prefix}${w} today.`)).toEqual([]);
        expect(compileTerms([w]).find(`They met ${w}${suffix} today.`)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('find and test agree, and results keep config order without repeats', () => {
    fc.assert(
      fc.property(fc.array(latinWord, { minLength: 1, maxLength: 6 }), fc.array(latinWord, { maxLength: 20 }), (terms, words) => {
        const m = compileTerms(terms);
        const text = words.join(' ');
        const found = m.find(text);
        expect(m.test(text)).toBe(found.length > 0);
        expect(new Set(found).size).toBe(found.length);
        const order = found.map((t) => terms.indexOf(t));
        expect([...order].sort((a, b) => a - b)).toEqual(order);
      }),
      { numRuns: 100 },
    );
  });

  it('test() on a long text of many paragraphs agrees with find(), phrases included', () => {
    const vocab = fc.constantFrom('air', 'defence', 'talks', 'in', 'Kyiv', 'the', 'missiles', 'said', 'officials', 'on', 'Friday', 'a', 'new', 'plan', 'for', 'winter', 'grid', 'was', 'agreed', 'by', 'ministers', 'late', 'at', 'night', 'after', 'hours', 'of', 'debate');
    const paragraph = fc.array(vocab, { minLength: 1, maxLength: 400 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 12 }), fc.constantFrom('air defence', 'defence talks', 'Friday air'), (paras, term) => {
        const text = paras.join('\n\n');
        const m = compileTerms([term]);
        expect(m.test(text)).toBe(m.find(text).length > 0);
      }),
      { numRuns: 60 },
    );
  });
});
