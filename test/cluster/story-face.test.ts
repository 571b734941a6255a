// A story's title is a headline. Some feeds put a sentence of the report in the title's place (WSJ's economy feed
// among others: "In an interview, the Philly Fed's new president shows support for…"); beside another outlet's
// headline of the same story, such sentences are not its face, however central their many words make them (two of
// one feed share most of them). A story whose every title is such a sentence still has one. Nor is an opinion
// piece the face beside a report of the same events: outlets mark their columns in the title ("Opinion | …",
// "Opinion: …") or file them under an opinion section of their address ("/opinion/…"); a story told only in
// opinion pieces is still titled by one of them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOffline } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-story-face-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SENTENCE_TITLE =
  'Federal prosecutors opened a criminal investigation into central bank chair Alma Verhoeven over her testimony to lawmakers about the cost of the bank headquarters renovation';
const SECOND_SENTENCE_TITLE =
  'Some allies of the government worry that the criminal investigation into central bank chair Alma Verhoeven over her testimony could unsettle investors and raise borrowing costs';
const LONE_SENTENCE_TITLE = 'Harbour workers in the port of Calvessa voted on Tuesday to strike for three days next week over pay, shift patterns and the use of automated cranes';

/** [title, description, the address's path (default: the item's number)] per item of one outlet's feed, published on 10 March 2027 from 08:00 */
function feed(name: string, items: [string, string, string?][]): string {
  const file = `${name}.xml`;
  const xml = items
    .map(([t, d, p], i) => `<item><title>${t}</title><description>${d}</description><link>https://${name}.test.example/${p ?? i}</link><guid>${name}-${i}</guid><pubDate>Wed, 10 Mar 2027 ${String(8 + i).padStart(2, '0')}:00:00 +0000</pubDate></item>`)
    .join('\n');
  writeFileSync(path.join(dir, file), `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>https://${name}.test.example/</link>\n${xml}\n</channel></rss>`);
  return file;
}

const LABELLED = 'Opinion | The Kessin dam deal between Verdania and Ostrel is a costly mistake';
const REPORT = 'Verdania and Ostrel sign deal to build the Kessin dam';
const FILED = 'The quarry strike in Lendal is a warning about the mining law';
const FILED_REPORT = 'Lendal quarry workers strike over pay and the mining law';
const ONLY_OPINION = ['Opinion | Borvik is wrong to ban night flights at its airport', 'Opinion: the night-flight ban at Borvik airport is long overdue'];

const feeds = {
  ledger: feed('ledger', [
    [SENTENCE_TITLE, 'The inquiry into central bank chair Alma Verhoeven marks an escalation of the government pressure on the bank.'],
    [LONE_SENTENCE_TITLE, 'The port authority said the strike by harbour workers would halt container traffic in Calvessa.'],
    [SECOND_SENTENCE_TITLE, 'The criminal investigation of central bank chair Alma Verhoeven and her testimony has rattled some in the governing party.'],
    [LABELLED, 'The Kessin dam deal that Verdania signed with Ostrel on Tuesday commits both governments to decades of debt, floods farmland along the river valley and hands the contract to a builder with a record of overruns on every dam it has built.', 'opinion/kessin-dam-deal-mistake'],
    [ONLY_OPINION[0], 'A ban on night flights at Borvik airport will cost the region jobs and cargo routes.', 'comment/borvik-night-flights'],
  ]),
  courier: feed('courier', [
    ['Prosecutors open criminal investigation into central bank chair Verhoeven', 'Alma Verhoeven said the criminal investigation over her testimony on the headquarters renovation was a pretext.'],
    ['Robot lawn mowers are the garden craze of the year', 'Sales have tripled, and so have complaints about hedgehogs.'],
    [REPORT, 'Verdania and Ostrel signed the Kessin dam deal on Tuesday.', 'world/kessin-dam-deal'],
    [FILED_REPORT, 'Workers at the Lendal quarry walked out on Wednesday over pay and the new mining law.', 'business/lendal-quarry-strike'],
    [ONLY_OPINION[1], 'The Borvik airport night-flight ban protects the sleep of thousands living under its flight path.', 'columns/borvik-night-flights'],
  ]),
  gazette: feed('gazette', [['Museum returns looted bronzes to their temple', 'The handover ends a dispute that lasted forty years.']]),
  tribune: feed('tribune', [
    [FILED, 'The strike at the Lendal quarry over pay and the mining law is the first in the region in twenty years, and the quarry workers will not be the last to walk out while the law stands.', 'opinion/lendal-quarry-strike-warning'],
  ]),
};
const cfg = path.join(dir, 'digest.config.yaml');
writeFileSync(
  cfg,
  `title: The Week in Business\ntimezone: UTC\nwindow: 7d\nfeeds:\n${Object.entries(feeds).map(([n, f]) => `  - name: ${n}\n    path: ${f}`).join('\n')}\n` +
    `themes:\n  - id: economy\n    title: Economy\n    keywords: [central bank, interest rates, inflation, strike]\nother: Other news\nstate: state\n`,
);

let stories: Edition['sections'][number]['stories'];

beforeAll(async () => {
  const { result, edition } = await buildOffline(cfg, '2027-03-11T07:00:00Z', path.join(dir, 'out'));
  expect(result.code, result.stderr).toBe(0);
  stories = edition!.sections.flatMap((s) => s.stories);
}, 120_000);

describe("a story's title", () => {
  it('is a headline, not the sentence a feed put in the title\'s place', () => {
    const inquiry = stories.find((s) => s.items.some((i) => i.title === SENTENCE_TITLE))!;
    expect(inquiry.items).toHaveLength(3);
    expect(inquiry.title).toBe('Prosecutors open criminal investigation into central bank chair Verhoeven');
  });

  it('is the sentence when the story has nothing else', () => {
    const strike = stories.find((s) => s.items.some((i) => i.title === LONE_SENTENCE_TITLE))!;
    expect(strike.title).toBe(LONE_SENTENCE_TITLE);
  });
});

const storyOf = (title: string) => stories.find((s) => s.items.some((i) => i.title === title))!;

describe("a story's face beside an opinion piece", () => {
  it('is the report, not the column labelled "Opinion |"', () => {
    const dam = storyOf(LABELLED);
    expect(dam.items.map((i) => i.title).sort()).toEqual([LABELLED, REPORT].sort());
    expect(dam.title).toBe(REPORT);
  });

  it('is the report, not the piece filed under /opinion/', () => {
    const strike = storyOf(FILED);
    expect(strike.items.map((i) => i.title).sort()).toEqual([FILED, FILED_REPORT].sort());
    expect(strike.title).toBe(FILED_REPORT);
  });

  it('is an opinion piece when the story has nothing else', () => {
    const flights = storyOf(ONLY_OPINION[0]);
    expect(flights.items.map((i) => i.title).sort()).toEqual([...ONLY_OPINION].sort());
    expect(ONLY_OPINION).toContain(flights.title);
  });
});
