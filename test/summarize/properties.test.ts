import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarize, MAX_SUMMARY_CHARS } from '../../src/summarize/index.js';
import { cluster } from '../theme/items.js';

const word = fc.constantFrom(
  'Ukraine', 'Russia', 'missiles', 'talks', 'ceasefire', 'envoy', 'Kyiv', 'officials', 'said', 'the', 'new', 'aid',
  'parliament', 'voted', 'drones', 'Geneva', 'winter', 'power', 'grid', 'U.S.', 'Mr.', '1.5', 'billion', 'on', 'Tuesday',
  'Україна', 'переговори', '“quoted”', 'supercalifragilisticexpialidociousnegotiations',
);
const sentence = fc
  .array(word, { minLength: 3, maxLength: 40 })
  .map((ws) => `${ws[0].charAt(0).toUpperCase()}${ws.join(' ').slice(1)}.`);
const text = fc.array(fc.array(sentence, { minLength: 1, maxLength: 5 }).map((ss) => ss.join(' ')), { maxLength: 6 }).map((ps) => ps.join('\n\n'));
const title = fc.array(word, { minLength: 2, maxLength: 10 }).map((ws) => ws.join(' '));

describe('summarize properties', () => {
  it('is short, ends cleanly, uses only words of the sources (texts, or headlines), and is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ title, text }), { minLength: 1, maxLength: 4 }), title, (specs, storyTitle) => {
        const c = cluster(...specs.map((s, i) => ({ ...s, feed: `f${i}` })));
        const s = summarize(c, storyTitle);
        expect(s.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
        if (s) {
          expect(s).toMatch(/[.!?…]["”’)]*$/u);
          // words of the texts, or of the headlines when the summary is made of headlines (each then closed by a full stop)
          const sourceWords = specs.flatMap((x) => [...x.text.split(/\s+/), ...x.title.split(/\s+/), `${x.title.split(/\s+/).at(-1)}.`]);
          // no word is cut: every word of the summary is a whole source word (a shortened summary may drop trailing punctuation)
          for (const w of s.replace(/…$/, '').split(' ')) {
            expect(sourceWords.some((sw) => sw === w || (sw.startsWith(w) && /^[^\p{L}\p{N}]+$/u.test(sw.slice(w.length))))).toBe(true);
          }
          expect(s).not.toBe(storyTitle);
        }
        expect(summarize({ items: [...c.items].reverse() }, storyTitle)).toBe(s);
      }),
      { numRuns: 60 },
    );
  });
});
