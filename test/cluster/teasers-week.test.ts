// Set c read as teasers, through the real CLI: one outlet (Pulse Headlines) publishes headlines only, the others
// give their opening lines.
//
// 1. A bare headline beside a report that names more. A headline names one or two of an event's names; the other
// outlet's opening names many more (the ports, the buyers, the ministry). Their names were compared as a cosine,
// so the report's extra names counted as disagreement: "Ukraine's August grain shipments hit highest level since
// the invasion" stayed apart from the report of the 6.2 million tonnes it tells. The headline's names are now also
// read as contained in the report's or not. Two strikes on one city three days apart still stay two stories.
// 2. Two reports that share nothing but a place are not one event by that alone. "Ukrainian high jumper takes
// Diamond League final in Brussels" (a bare headline) shares only Brussels (the word and Belgium's term) with the
// magazine piece "Can Europe spend Russia's money? Brussels tries again", and that made them one story, away from
// the EU loan plan the piece is about. Their shared words now count half, and the piece joins the loan plan's reports.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStories } from './stories-by-title.js';
import { catalogue } from '../eval/sets.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-teasers-week-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let storyOf: Map<string, number>;
beforeAll(async () => {
  const set = catalogue().sources.find((s) => s.name === 'c-teasers')!.load();
  storyOf = await buildStories(set, dir, 'c-teasers');
}, 240_000);

function storiesOf(titles: string[]): Set<number | undefined> {
  const stories = titles.map((t) => storyOf.get(t));
  expect(stories).not.toContain(undefined);
  return new Set(stories);
}

const MONDAY = ['Russian missiles and drones kill 11 in Zaporizhzhia, wreck tram depot', 'Russian strike on Zaporizhzhia kills 11, tram depot gutted'];
const THURSDAY = [
  'Live: drone raid leaves much of Zaporizhzhia without power',
  'Zaporizhzhia plunged into darkness after Russian drones strike substation',
];

describe('a bare headline beside a report that names more', () => {
  it('joins the report of the event it tells', () => {
    const grain = ["Ukraine's August grain shipments hit highest level since the invasion", 'Record August: Ukraine exported 6,2 mln tonnes of grain by the sea corridor'];
    expect(storiesOf(grain).size).toBe(1);
  });

  it('joins its own strike, not the one three days later on the same city', () => {
    expect(storiesOf(MONDAY).size).toBe(1);
    expect(storiesOf(THURSDAY).size).toBe(1);
    expect(storiesOf([...MONDAY, ...THURSDAY]).size).toBe(2);
  });
});

const PIECE = "Can Europe spend Russia's money? Brussels tries again";
const LOAN = ["Brussels wants Russia's frozen billions to fund Kyiv", 'EU executive proposes 45 billion euro loan for Ukraine backed by frozen Russian assets'];
const JUMPER = 'Ukrainian high jumper takes Diamond League final in Brussels';

describe('two reports sharing only a place', () => {
  it('are two stories, and each report joins the event it tells', () => {
    expect(storiesOf([PIECE, JUMPER]).size).toBe(2);
    expect(storiesOf([PIECE, ...LOAN]).size).toBe(1);
  });
});
