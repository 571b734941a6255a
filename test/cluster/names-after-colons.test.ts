// Which words are names is read from their capitals inside sentences (src/cluster/features.ts), and the names
// factor asks two reports to share most of the people, places and amounts they name. Three ways a capital was
// read as a name where it says nothing: the word after a colon ("Dravic: Archive proves…", "Report: Officials
// confirm…"), the word after a dotted abbreviation or an initial, taken for a new sentence ("U.S. Officials",
// "Ana M. Dravic"), and "I'm". In a small edition of teasers those false names outweighed the real ones and one
// outlet's report of the event stood apart. Outlets, people and countries are invented; it fails on the code
// before the rule.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { newsItem } from './other-news.js';

/** an item with a headline and a short text, as a feed's description gives */
const teaser = newsItem;

const EVENT = [
  teaser('herald', 'h1', 'Dravic says seized archive shows Koren lied about missiles', '2026-09-04T19:00:00Z',
    "Dravic: Archive Proves Koren Missile Deal Based On Lies. Velmar's prime minister says the seized files show Koren hid its missile work."),
  teaser('courier', 'c1', 'Dravic archive Koren', '2026-09-04T20:00:00Z',
    'Ana M. Dravic disparages Koren missile deal. "Koren\'s leaders deny ever building such missiles," said Dravic. "Tonight I\'m here to tell you one thing."'),
  teaser('wire', 'w1', 'Velmar ambassador: Dravic speech was a smoking gun', '2026-09-05T08:30:00Z',
    "Velmar Ambassador: Dravic's Archive Was A Smoking Gun. Velmar's ambassador said the speech and slides proved the deal was built on lies."),
  teaser('gazette', 'g1', 'Officials confirm Koren archive seized by Velmar is authentic', '2026-09-05T09:00:00Z',
    'Report: Officials Confirm Koren Files Seized By Velmar As Authentic. Intelligence officials reportedly confirmed that the files were genuine.'),
];

const OTHER_NEWS = [
  teaser('herald', 'h9', 'Koren opens border crossing for trucks', '2026-09-04T07:00:00Z',
    'The crossing near Tarn will let grain lorries through from Monday, the transport ministry said.'),
  teaser('courier', 'c9', 'Storm floods coastal towns in Velmar', '2026-09-04T12:00:00Z',
    'Heavy rain flooded streets in three towns on the southern coast, and rescuers moved hundreds of residents.'),
  teaser('wire', 'w9', 'Velmar central bank holds rates', '2026-09-05T10:00:00Z', 'The bank kept its main rate at 4 percent and said inflation was easing.'),
  teaser('gazette', 'g9', 'Koren football team wins cup final', '2026-09-05T20:00:00Z', 'A late goal gave the champions a 2-1 win in the capital.'),
  teaser('herald', 'h8', 'Dravic meets farmers over grain prices', '2026-09-03T10:00:00Z',
    'The prime minister promised help with storage costs after prices fell.'),
];

describe('capitals that name nobody', () => {
  const { clusters } = clusterItems([...OTHER_NEWS, ...EVENT]);
  const storyOf = (i: Item) => clusters.findIndex((c) => c.items.some((x) => x.key === i.key));

  it('four outlets telling one event in teasers: one story', () => {
    expect(new Set(EVENT.map(storyOf)).size).toBe(1);
  });

  it('and the other news stays apart from it and from each other', () => {
    expect(OTHER_NEWS.map(storyOf).filter((s) => s === storyOf(EVENT[0]))).toEqual([]);
    expect(new Set(OTHER_NEWS.map(storyOf)).size).toBe(OTHER_NEWS.length);
  });
});
