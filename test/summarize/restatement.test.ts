// A summary never says the same fact twice in other words: a later sentence that repeats a phrase
// and a figure of a chosen sentence is left out, while one with the same speaker but new figures stays.
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize/index.js';
import { cluster } from '../theme/items.js';

describe('restatements', () => {
  it('drops a later sentence restating a phrase and figure already said', () => {
    const story = cluster({
      feed: 'wire',
      title: 'Parliament tightens call-up rules',
      text: 'Lawmakers on Thursday passed a bill that lets enlistment offices send summons by post, while keeping the service age for reservists at 27. The service age for reservists stays at 27, despite calls from several allies to lower it.',
    });
    const summary = summarize(story, 'Parliament tightens call-up rules');
    expect(summary.match(/service age for reservists/g)).toHaveLength(1);
  });

  it('keeps a sentence that shares the speaker but brings new figures', () => {
    const story = cluster({
      feed: 'wire',
      title: 'Overnight attack on the grid',
      text: 'Russia launched 70 drones at power plants overnight, the air force said on Friday. The air force said on Friday that 61 of them were shot down over six regions.',
    });
    const summary = summarize(story, 'Overnight attack on the grid');
    expect(summary).toContain('61 of them were shot down');
  });
});
