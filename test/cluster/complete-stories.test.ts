// Two stories that three outlets each told are complete on their own: compared as wholes they may look alike
// (one company's outage and, the next day, a whistleblower's testimony about it, in a week that often names the
// company), but they are two events, and the whole-story pass (src/cluster/story-merge.ts) no longer joins them.
// Before, it joined the outage's three reports to the testimony's three as one story, as it did with AllSides'
// Facebook outage and whistleblower stories of October 2021. The company, its apps and the outlets are invented.
import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../src/cluster/index.js';
import type { Item } from '../../src/types.js';
import { newsItem, otherNews } from './other-news.js';

function item(feed: string, title: string, published: string, text: string): Item {
  return newsItem(feed, `${feed}-1`, title, published, text);
}

/** the company in the news all week, one outlet a day each */
const RUNNING = [
  'Nordlink to open data centre in Finland', 'Nordlink fined over data transfers to the US', 'Nordlink launches paid tier for Tele',
  'Nordlink buys Estonian start-up for its payments team', 'Nordlink moderators in Kenya win court case', 'Nordlink tests new ads in Snapr',
  'Nordlink hires former EU official as policy chief', 'Nordlink cuts 400 jobs in Dublin', 'Nordlink says Tele now has end-to-end encryption',
  'Nordlink sued by Texas over facial recognition', 'Nordlink board backs chief executive after investor revolt', 'Nordlink settles privacy lawsuit in Illinois',
].map((t, k) =>
  item(`running${k}`, t, `2026-09-0${1 + (k % 7)}T0${k % 10}:30:00Z`, `${t}. Nordlink, which runs Tele and Snapr, said the move was part of its plans. The company has more than two billion users.`),
);

const SHARES = 'Shares in Nordlink fell two percent.';
const CONCERNS = 'The company said it takes the concerns seriously.';

const OUTAGE = [
  item('outage-a', 'Nordlink apps back online after global outage', '2026-09-05T06:00:00Z', `Nordlink restored its services after a six-hour outage on Monday that took down Tele and Snapr around the world. A faulty configuration change in its data centres was to blame. ${SHARES}`),
  item('outage-b', 'Nordlink explains what caused one of its worst outages', '2026-09-05T07:00:00Z', `Engineers at Nordlink traced Monday's outage to a routine maintenance command that cut its data centres off from the internet, the company said. ${CONCERNS}`),
  item('outage-c', 'The day the world saw how much it runs on Nordlink', '2026-09-05T08:00:00Z', `For six hours on Monday, small businesses that sell through Tele and Snapr could not reach customers when Nordlink went dark. ${SHARES}`),
];
const TESTIMONY = [
  item('senate-a', 'Whistleblower tells senators Nordlink puts profit over safety', '2026-09-05T11:00:00Z', `A former Nordlink product manager, Dana Holm, told a Senate committee on Tuesday that the company knew its apps harmed teenagers and hid the research. ${CONCERNS}`),
  item('senate-b', 'Nordlink whistleblower Dana Holm testifies on Capitol Hill', '2026-09-05T12:00:00Z', `Dana Holm, who copied thousands of internal Nordlink documents, urged Congress to regulate the company and said its leaders chose growth. ${SHARES}`),
  item('senate-c', 'Senators hear Nordlink insider on harm to teens', '2026-09-05T13:00:00Z', `Lawmakers from both parties praised Dana Holm after her testimony about Nordlink's research on teenage users. ${CONCERNS}`),
];

describe('two stories each told by three outlets', () => {
  it('stay two stories however alike they look as wholes', () => {
    const { clusters } = clusterItems([...otherNews(), ...RUNNING, ...OUTAGE, ...TESTIMONY]);
    const storyOf = (i: Item) => clusters.findIndex((c) => c.items.some((x) => x.key === i.key));
    expect(new Set(OUTAGE.map(storyOf)).size).toBe(1);
    expect(new Set(TESTIMONY.map(storyOf)).size).toBe(1);
    expect(storyOf(OUTAGE[0])).not.toBe(storyOf(TESTIMONY[0]));
  });
});
