import { describe, expect, it } from 'vitest';
import { cleanFeedItems, type CleanInput } from '../../src/clean/index.js';
import { fixture, paragraphs } from './helpers.js';

const feed: CleanInput[] = JSON.parse(fixture('feed-template.json'));

describe('template lines repeated across a feed', () => {
  const out = cleanFeedItems(feed);

  it('returns one result per item, in input order', () => {
    expect(out.map((o) => o.title)).toEqual(feed.map((i) => i.title));
  });

  it('drops lines that repeat across the feed’s items', () => {
    for (const o of out) {
      expect(o.text).not.toContain('supported by readers like you');
      expect(o.text).not.toContain('Our correspondents in Vilnius');
    }
  });

  it('keeps a line that appears in one item only', () => {
    expect(out[2].text).toContain('Only this item mentions the interconnector with Romania, which stays.');
    expect(paragraphs(out[2].text)).toHaveLength(3);
  });

  it('needs the other items to see the pattern: an item cleaned alone keeps its lines', () => {
    const alone = cleanFeedItems([feed[0]])[0];
    expect(alone.text).toContain('Our correspondents in Vilnius and Warsaw contributed to this edition.');
  });

  it('does not empty items that are identical copies of each other', () => {
    const copies = cleanFeedItems([feed[3], feed[3], feed[3]]);
    for (const c of copies) expect(c.text).toContain('stricter checks on vehicles entering from Belarus');
  });

  it('is deterministic', () => {
    expect(cleanFeedItems(feed)).toEqual(out);
  });
});
