// What a reader sees of a story's summary, as `digest build` writes it from feeds served on 127.0.0.1: whole sentences
// of the report, never one cut where a short form or a date has a full stop in it. Sample text is invented.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/types.js';
import { buildServedFeeds, rssItem, rssOf, type ServedBuild } from '../helpers/served-feeds.js';

const storiesOf = (b: ServedBuild): Story[] => b.edition!.sections.flatMap((s) => s.stories);
const read = (b: ServedBuild, file: string) => readFileSync(path.join(b.folder!, file), 'utf8');

describe('a summary of German sentences', () => {
  it('keeps a sentence whole across "ca.", "Mrd.", "u. a." and an ordinal date ("am 3. Dezember")', async () => {
    const sentences = [
      'Am 3. Dezember hat Verteidigungsminister Boris Pistorius in Berlin die Lieferung von drei weiteren Luftabwehrsystemen an die Ukraine angekündigt.',
      'Die Bundesregierung beziffert den Wert des Pakets auf ca. 1,5 Mrd. Euro.',
      'Die Systeme sollen u. a. Kiew und Odessa vor russischen Raketen schützen.',
    ];
    const item = rssItem(1, 'Berlin sagt der Ukraine drei Luftabwehrsysteme zu', `<p>${sentences.join(' ')}</p>`);
    const b = await buildServedFeeds({ Zeitung: rssOf('Zeitung', item) }, { keywords: ['Luftabwehr'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const [story] = storiesOf(b);
    // the summary is whole sentences of the report, in its order: never "Dezember hat …" or "… auf ca. Kiew und …"
    const whole = [1, 2, 3, 4, 5, 6, 7].map((mask) => sentences.filter((_, i) => mask & (1 << i)).join(' '));
    expect(whole).toContain(story.summary);
    expect(read(b, 'digest.html')).toContain(story.summary);
  }, 120_000);
});

describe('an excerpt its feed cut short', () => {
  it('gives its whole sentences, not the one cut mid-way; an excerpt of only a cut sentence still says something', async () => {
    const whole = 'Russian drones struck Kharkiv overnight, wounding five people, Mayor Ihor Terekhov said on Friday.';
    const cut = 'Power went out in 20,000 homes in the north of the city, and repair crews are working to […]';
    const only = 'The European Union agreed on Wednesday on a new package of sanctions against Russia that targets the fleet of tankers carrying its oil to…';
    const feed = rssOf('Wire', rssItem(1, 'Drones hit Kharkiv', `<p>${whole} ${cut}</p>`) + rssItem(2, 'EU agrees new sanctions on Moscow', `<p>${only}</p>`));
    const b = await buildServedFeeds({ Wire: feed }, { keywords: ['drones'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const byTitle = new Map(storiesOf(b).map((s) => [s.title, s.summary]));
    expect(byTitle.get('Drones hit Kharkiv')).toBe(whole);
    expect(byTitle.get('EU agrees new sanctions on Moscow')).toBe(only);
    expect(read(b, 'digest.txt')).not.toContain('working to');
  }, 120_000);
});

describe('a report told in key points', () => {
  it('is summed up by its points, as sentences without their bullets', async () => {
    const points = [
      'Residents of Kyiv queued for water on Sunday after a Russian strike damaged a pumping station',
      'Repairs to the station will take at least three days, the city administration said',
    ];
    const html = `<ul>${points.map((p) => `<li>${p}</li>`).join('')}</ul>`;
    const b = await buildServedFeeds({ Wire: rssOf('Wire', rssItem(1, 'Kyiv residents queue for water after strike', html)) }, { keywords: ['water'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const [story] = storiesOf(b);
    expect(story.summary).toBe(points.map((p) => `${p}.`).join(' '));
    expect(read(b, 'digest.html')).toContain(`${points[0]}.`);
    expect(read(b, 'digest.txt')).not.toContain('•');
  }, 120_000);

  it('is summed up by its points under a label ("Key points:"), also as a plain text’s "- " lines', async () => {
    const grain = [
      'Ukraine and Poland agreed on Tuesday to open two new border crossings for grain trucks by March',
      'Checks on Ukrainian grain will move from the border to the ports, the farm ministers said',
    ];
    const water = [
      'Residents of Kharkiv queued for drinking water on Sunday after a Russian strike damaged a pumping station',
      'Repairs to the station will take at least three days, the city administration said',
    ];
    const html = `<p>Key points:</p><ul>${grain.map((p) => `<li>${p}</li>`).join('')}</ul>`;
    const plain = `Summary\n- ${water[0]}\n- ${water[1]}`;
    const feed = rssOf('Wire', rssItem(1, 'Kyiv and Warsaw agree on grain crossings', html) + rssItem(2, 'Kharkiv residents queue for water after strike', plain));
    const b = await buildServedFeeds({ Wire: feed }, { keywords: ['grain'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const byTitle = new Map(storiesOf(b).map((s) => [s.title, s.summary]));
    expect(byTitle.get('Kyiv and Warsaw agree on grain crossings')).toBe(grain.map((p) => `${p}.`).join(' '));
    expect(byTitle.get('Kharkiv residents queue for water after strike')).toBe(water.map((p) => `${p}.`).join(' '));
  }, 120_000);
});

describe('an Arabic question', () => {
  it('is no line of a summary, as an English one is not, and never gets a full stop after its ؟', async () => {
    const item = (n: number, title: string, hour: number) =>
      `<item><title>${title}</title><link>https://ar${n}.example/${n}</link><guid>ar${n}</guid><pubDate>Fri, 20 Nov 2026 ${hour}:00:00 GMT</pubDate></item>`;
    const told = 'روسيا تطلق 90 طائرة مسيرة على أوكرانيا خلال الليل';
    const asks = 'هل تصمد الدفاعات الجوية في أوكرانيا أمام 90 طائرة مسيرة أطلقتها روسيا خلال الليل؟';
    const b = await buildServedFeeds({ Alpha: rssOf('Alpha', item(1, told, 8)), Beta: rssOf('Beta', item(2, asks, 10)) }, { keywords: ['أوكرانيا'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const [story] = storiesOf(b);
    expect(story.items).toHaveLength(2);
    expect(story.title).toBe(told);
    expect(story.summary).not.toContain('؟');
    expect(read(b, 'digest.txt')).not.toContain('؟.');
  }, 120_000);
});

describe('a report that opens on a question', () => {
  it('is summed up by what it tells, not by its question', async () => {
    const asks = 'Can the air defences of Ukraine hold out against waves of Russian drones this winter?';
    const tells = 'The air force of Ukraine said on Sunday it had shot down 70 of the 90 drones Russia launched overnight at several regions.';
    const b = await buildServedFeeds({ Wire: rssOf('Wire', rssItem(1, 'Ukraine downs 70 Russian drones', `<p>${asks}</p><p>${tells}</p>`)) }, { keywords: ['drones'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const [story] = storiesOf(b);
    expect(story.summary).toBe(tells);
  }, 120_000);
});

describe('an agency dateline with its place in ordinary case', () => {
  it('is left out of the summary, as a wire dateline in capitals is ("Kyiv (AFP) - ", "Berlin, Nov 20, 2026 (dpa) – ", "(Reuters) - ")', async () => {
    const drones = 'Russian drones hit several districts of the Ukrainian capital overnight, wounding three people, officials said on Friday.';
    const aid = 'Germany will send the Ukrainian army three more air defence systems before the spring, the defence ministry said on Friday.';
    const grain = 'Ukraine and Poland agreed on Tuesday to open two new border crossings for grain trucks by March, their farm ministers said.';
    const feed = rssOf(
      'Wire',
      rssItem(1, 'Russian drones hit Kyiv overnight', `<p>Kyiv (AFP) - ${drones}</p>`) +
        rssItem(2, 'Germany pledges three air defence systems', `<p>Berlin, Nov 20, 2026 (dpa) – ${aid}</p>`) +
        rssItem(3, 'Ukraine and Poland agree new grain crossings', `<p>(Reuters) - ${grain}</p>`),
    );
    const b = await buildServedFeeds({ Wire: feed }, { keywords: ['drones'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    expect(storiesOf(b).map((s) => s.summary).sort()).toEqual([aid, drones, grain].sort());
    expect(read(b, 'digest.txt')).not.toMatch(/\((?:AFP|dpa|Reuters)\)/);
  }, 120_000);
});

describe('a story told in headlines', () => {
  it('sums up by headlines that open on their words, not a pictograph ("🔴 ", "⚡️"), and end on a whole sentence', async () => {
    const item = (n: number, title: string, hour: number) =>
      `<item><title>${title}</title><link>https://h${n}.example/${n}</link><guid>h${n}</guid><pubDate>Fri, 20 Nov 2026 ${hour}:00:00 GMT</pubDate></item>`;
    const b = await buildServedFeeds(
      {
        Wire: rssOf('Wire', item(1, 'Russia launches 90 drones at Ukraine overnight', 8)),
        Flash: rssOf('Flash', item(2, '🔴 Ukraine’s air force: 70 Russian drones shot down overnight, 20 lost', 9)),
        Alert: rssOf('Alert', item(3, '⚡️ Drones target Kyiv and Odesa regions in overnight Russian attack', 10)),
        Brief: rssOf('Brief', item(4, 'Ukraine downs most of 90 Russian drones, says air force:', 11)),
      },
      { keywords: ['drones'] },
    );
    expect(b.run.code, b.run.stderr).toBe(0);
    const [story] = storiesOf(b);
    expect(story.items).toHaveLength(4);
    expect(story.summary).toMatch(/Ukraine’s air force: 70 Russian drones|Drones target Kyiv/u);
    expect(story.summary).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(story.summary).not.toContain(':.');
  }, 120_000);
});

describe('a report whose paragraphs open on pictographs', () => {
  it('is summed up by its sentences without them, instead of having no summary', async () => {
    const first = 'Russia launched 90 drones at Ukraine overnight, the air force said on Sunday, and 70 of them were shot down or jammed.';
    const uk = 'У Львові відкрили новий міст через залізницю, який скоротить дорогу до лікарні для тисяч мешканців, повідомив мер міста.';
    const feed = rssOf('Channel', rssItem(1, 'Russia launches 90 drones at Ukraine overnight', `<p>⚡️ ${first}</p>`) + rssItem(2, 'Новий міст для Львова', `<p>❗️${uk}</p>`));
    const b = await buildServedFeeds({ Channel: feed }, { keywords: ['drones'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    expect(storiesOf(b).map((s) => s.summary).sort()).toEqual([first, uk].sort());
  }, 120_000);
});

describe('an excerpt whose mark follows a whole sentence', () => {
  it('ends on the sentence’s own full stop, not on "said.…"', async () => {
    const whole = 'Russian drones struck Kharkiv overnight, wounding five people, Mayor Ihor Terekhov said on Friday.';
    const b = await buildServedFeeds({ Blog: rssOf('Blog', rssItem(1, 'Drones hit Kharkiv', `<p>${whole} [&hellip;]</p>`)) }, { keywords: ['drones'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    expect(storiesOf(b)[0].summary).toBe(whole);
    expect(read(b, 'digest.txt')).not.toContain('.…');
  }, 120_000);
});
