// A newsletter or a podcast numbers its issues in the title ("No. 213 · …", "Ep. 416 — …"), and a wire service's
// feed heads each headline with filing marks: a version mark ("UPDATE 2-") and the desk's topic
// slug ("UKRAINE-STRIKE/ENERGY - "). They are no part of the headline: the reader sees the headline alone, and the
// slug's topics count as the desk's filing of the item, as a feed's categories do.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitHeadlineMarks } from '../../src/text/headline-marks.js';
import { rssFeed } from '../helpers/two-feeds.js';
import { buildOffline } from '../helpers/cli.js';

describe('splitHeadlineMarks', () => {
  it('cuts a series’ number followed by a separator', () => {
    expect(splitHeadlineMarks('No. 213 · Brake parts at triple the price')).toEqual({ headline: 'Brake parts at triple the price', topics: [] });
    expect(splitHeadlineMarks('Ep. 416 — Moscow’s no to Muscat')).toEqual({ headline: 'Moscow’s no to Muscat', topics: [] });
    expect(splitHeadlineMarks('Episode 12: The grain corridor')).toEqual({ headline: 'The grain corridor', topics: [] });
  });

  it('cuts a version mark and a topic slug, and gives the slug’s topics', () => {
    expect(splitHeadlineMarks('UKRAINE-STRIKE/ENERGY - Missiles knock out Ladyzhyn power station')).toEqual({
      headline: 'Missiles knock out Ladyzhyn power station',
      topics: ['UKRAINE', 'STRIKE', 'ENERGY'],
    });
    expect(splitHeadlineMarks('UPDATE 3-GLOBAL MARKETS-World stocks dip after weak China data')).toEqual({
      headline: 'World stocks dip after weak China data',
      topics: ['GLOBAL MARKETS'],
    });
    expect(splitHeadlineMarks('UPDATE 2-Pizza chain files for bankruptcy again')).toEqual({ headline: 'Pizza chain files for bankruptcy again', topics: [] });
  });

  it('leaves a headline’s own words: names joined by a dash, a headline in capitals, a bare mark', () => {
    for (const headline of [
      'NATO-Russia council meets in Brussels',
      'US-Israel ties hang on ceasefire',
      'F-16s arrive in Ukraine',
      'GRANDMOTHER KILLED BY DRUNK DRIVER IN HIT - AND - RUN ACCIDENT',
      'UK PM-elect meets Zelensky',
      'No. 19 Kansas State pummels N.H., 84-50',
      'No. 10: PM denies lockdown party',
      'UPDATE 2-',
    ]) {
      expect(splitHeadlineMarks(headline), headline).toEqual({ headline, topics: [] });
    }
  });
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-headline-marks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One invented feed's items, an hour apart from 08:00 on 3 March 2026. */
function feed(name: string, titles: string[]): string {
  return rssFeed(titles.map((title, k) => ({ id: `${name}-${k}`, title, link: `https://${name}.test/${k}`, date: new Date(Date.UTC(2026, 2, 3, 8 + k)).toISOString(), body: '' })));
}

describe('a build from a wire feed with slugged headlines and a numbered notebook', () => {
  it('shows the headlines without the marks, and files an item by its slug’s topic', async () => {
    mkdirSync(path.join(dir, 'feeds'));
    writeFileSync(
      path.join(dir, 'feeds/wire.xml'),
      feed('wire', [
        'UKRAINE-ARMS/FINLAND - Finland approves 34th package for Ukraine worth 171 mln euros',
        'UPDATE 2-UKRAINE-CENBANK/RATE - Central bank holds key rate at 13%, sees inflation easing',
        'UKRAINE-WEATHER/KYIV - Freezing rain turns Kyiv streets into an ice rink',
      ]),
    );
    writeFileSync(path.join(dir, 'feeds/notebook.xml'), feed('notebook', ['No. 214 · Parliament votes to allow weapons exports']));
    writeFileSync(
      path.join(dir, 'digest.config.yaml'),
      `title: Ukraine Wire
timezone: UTC
window: 7d
feeds:
  - name: Cordon Wire
    id: wire
    path: feeds/wire.xml
  - name: Press Gallery Notes
    id: notebook
    path: feeds/notebook.xml
themes:
  - id: weapons
    title: Weapons
    description: Weapons and military aid partners send to Ukraine.
    keywords: [arms, weapons, military aid, air defence, tanks]
  - id: economy
    title: Economy
    description: Budgets, banks, prices and trade.
    keywords: [budget, inflation, interest rates, central bank, exports]
other: Other news
email:
  from: "Ukraine Wire <digest@example.org>"
  baseUrl: https://digest.example.org
  address: "1 Example Street"
state: state
`,
    );
    const { result, edition } = await buildOffline(path.join(dir, 'digest.config.yaml'), '2026-03-04T07:00:00Z', path.join(dir, 'out'));
    expect(result.stderr).toBe('');
    const stories = edition!.sections.flatMap((s) => s.stories.map((story) => ({ ...story, section: s.id })));
    const titles = stories.flatMap((s) => [s.title, ...s.items.map((i) => i.title)]);
    expect(titles).toContain('Finland approves 34th package for Ukraine worth 171 mln euros');
    expect(titles).toContain('Central bank holds key rate at 13%, sees inflation easing');
    expect(titles).toContain('Parliament votes to allow weapons exports');
    for (const t of titles) expect(t, t).not.toMatch(/UKRAINE|UPDATE|No\. 214/);
    // the headline names no weapon: the desk's slug ("ARMS") files it, as a feed's category would
    const finland = stories.find((s) => s.title.startsWith('Finland approves'))!;
    expect(finland.section).toBe('weapons');
    expect(finland.why.join(' ')).toMatch(/filed under "arms"/);
    expect(stories.find((s) => s.title.startsWith('Freezing rain'))!.section).not.toBe('weapons');
  }, 120_000);
});
