// What a multi-source summary opens with and what it leaves out: a second outlet's account of the same
// event in other words is not read twice, and the lead that introduces the story opens it rather than
// a later sentence that names its subject as already known ("The money will…").
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize/index.js';
import { splitParagraph } from '../../src/text/sentences.js';
import { cluster } from '../theme/items.js';

describe('summary openings and cross-source paraphrases', () => {
  it('tells a meeting once when a second outlet reports it in other words', () => {
    const title = 'Jeddah to host three-way talks next week';
    const story = cluster(
      {
        feed: 'translated',
        title: 'Saudi Arabia will host the ceasefire meeting in Jeddah',
        published: '2025-09-12T08:00:00.000Z',
        text:
          'The Kingdom of Saudi Arabia announced on Friday that on 18 September in Jeddah will take place the meeting of foreign ministers of USA, Ukraine and Russia about a ceasefire.\n\n' +
          'The Ukrainian foreign ministry confirmed that the minister will take part.',
      },
      {
        feed: 'daily',
        title,
        published: '2025-09-12T09:00:00.000Z',
        text: 'Saudi Arabia will bring the top diplomats of the United States, Russia and Ukraine to the Red Sea city on September 18 to work on a truce.',
      },
    );
    const sentences = splitParagraph(summarize(story, title));
    expect(sentences.length).toBeGreaterThan(0);
    // both sentences tell who meets where and on which day: one of them is the summary's, not both
    expect(sentences.filter((s) => /18 September|September 18/.test(s))).toHaveLength(1);
  });

  it('opens with the lead that introduces what a later "The …" sentence refers to', () => {
    const title = 'Naftogaz secures money to buy winter gas';
    const lead = 'Ukraine’s state energy company Naftogaz has signed loans worth 500 million euros with two European development banks to buy imported gas before winter, the company said on Friday.';
    const story = cluster({
      feed: 'wire',
      title,
      published: '2025-09-12T08:00:00.000Z',
      text:
        `${lead}\n\n` +
        'The money will pay for imported gas to fill Ukraine’s storage sites before winter, the chief executive said.\n\n' +
        'Russian attacks have cut gas production, so more gas must be imported before winter.\n\n' +
        'Storage sites in western Ukraine are still far from full, the operator said.\n\n' +
        'Prices of imported gas have risen in Europe this autumn.',
    });
    const summary = summarize(story, title);
    // "The money …" is the most central sentence, but it cannot open: the reader has not met the money yet
    expect(summary.startsWith(lead)).toBe(true);
  });
});
