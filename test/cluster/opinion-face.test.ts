// A story's face is a report, not an opinion piece about it. Outlets mark their columns in the title ("Opinion | …",
// "Opinion: …") or file them under an opinion section of their address ("/opinion/…"); beside another outlet's
// report of the same events such a piece is not the story's title, however much text it has. A story told only in
// opinion pieces is still titled by one of them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { Edition } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-opinion-face-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [title, description, path of the item's address] per item of one outlet's feed, published on 10 March 2027 from 08:00 */
function feed(name: string, items: [string, string, string][]): string {
  const file = `${name}.xml`;
  const xml = items
    .map(([t, d, p], i) => `<item><title>${t}</title><description>${d}</description><link>https://${name}.test.example/${p}</link><guid>${name}-${i}</guid><pubDate>Wed, 10 Mar 2027 ${String(8 + i).padStart(2, '0')}:00:00 +0000</pubDate></item>`)
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
    [LABELLED, 'The Kessin dam deal that Verdania signed with Ostrel on Tuesday commits both governments to decades of debt, floods farmland along the river valley and hands the contract to a builder with a record of overruns on every dam it has built.', 'opinion/kessin-dam-deal-mistake'],
    ['Robot lawn mowers are the garden craze of the year', 'Sales have tripled, and so have complaints about hedgehogs.', 'life/robot-mowers'],
    [ONLY_OPINION[0], 'A ban on night flights at Borvik airport will cost the region jobs and cargo routes.', 'comment/borvik-night-flights'],
  ]),
  courier: feed('courier', [
    [REPORT, 'Verdania and Ostrel signed the Kessin dam deal on Tuesday.', 'world/kessin-dam-deal'],
    [FILED_REPORT, 'Workers at the Lendal quarry walked out on Wednesday over pay and the new mining law.', 'business/lendal-quarry-strike'],
    [ONLY_OPINION[1], 'The Borvik airport night-flight ban protects the sleep of thousands living under its flight path.', 'columns/borvik-night-flights'],
  ]),
  tribune: feed('tribune', [
    [FILED, 'The strike at the Lendal quarry over pay and the mining law is the first in the region in twenty years, and the quarry workers will not be the last to walk out while the law stands.', 'opinion/lendal-quarry-strike-warning'],
    ['Museum returns looted bronzes to their temple', 'The handover ends a dispute that lasted forty years.', 'culture/bronzes'],
  ]),
  gazette: feed('gazette', [['Chess olympiad opens in Budapest', 'Teams from 180 countries are taking part.', 'sport/chess-olympiad']]),
};
const cfg = path.join(dir, 'digest.config.yaml');
writeFileSync(
  cfg,
  `title: The Week\ntimezone: UTC\nwindow: 7d\nfeeds:\n${Object.entries(feeds).map(([n, f]) => `  - name: ${n}\n    path: ${f}`).join('\n')}\n` +
    `themes:\n  - id: world\n    title: World\n    keywords: [governments, deal, strike, airport]\nother: Other news\nstate: state\n`,
);

let stories: Edition['sections'][number]['stories'];

beforeAll(async () => {
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', cfg, '--now', '2027-03-11T07:00:00Z', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const edition = JSON.parse(readFileSync(path.join(out, '2027-03-11', 'digest.json'), 'utf8')) as Edition;
  stories = edition.sections.flatMap((s) => s.stories);
}, 120_000);

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
