// What a reader reads under each headline, as `digest build` writes it (digest.json, the HTML and the text part) from
// feeds served on 127.0.0.1: where a sentence ends after a short form, what stands under a headline its report only
// repeats, how long a summary runs, and the language of the story's title and summary. Sample text is invented.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/types.js';
import { buildServedFeeds, rssItem, rssOf, type ServedBuild } from '../helpers/served-feeds.js';

const storiesOf = (b: ServedBuild): Story[] => b.edition!.sections.flatMap((s) => s.stories);
const read = (b: ServedBuild, file: string) => readFileSync(path.join(b.folder!, file), 'utf8');
const byTitle = (b: ServedBuild) => new Map(storiesOf(b).map((s) => [s.title, s.summary]));

describe('a sentence ending on a time of day or a dotted short form', () => {
  it('ends after "5 p.m." and "the U.S." when a new sentence follows, not before "Thursday", "Kyiv time" or a name', async () => {
    // each pair of sentences is too long for one summary (320 characters): read as one sentence, it is cut mid-way
    const fire = [
      'Russian drones struck the main thermal power plant in Kharkiv on Thursday, and the fire that followed in its turbine hall was put out by firefighters from three districts only at 5 p.m.',
      'Officials said that power would be back in most of the city’s districts within three days, although the repair of the damaged turbines could take months and would need parts from abroad.',
    ];
    const sanctions = [
      'New sanctions on the shadow fleet of tankers that carry Russian oil through the Baltic Sea and the Danish straits to ports in India and China were announced in Washington on Wednesday by the U.S.',
      'Officials in Kyiv welcomed the decision and asked the European Union to add the same tankers and the companies that insure them to its own list before the end of the year.',
    ];
    const talks = 'Envoys of the United States and Ukraine will meet at 5 p.m. Thursday in Geneva, and at 9 a.m. Kyiv time on Friday the U.S. Army will brief them, the foreign ministry said.';
    const feed = rssOf(
      'Wire',
      rssItem(1, 'Drones set Kharkiv power plant on fire', `<p>${fire.join(' ')}</p>`) +
        rssItem(2, 'Washington targets tanker fleet', `<p>${sanctions.join(' ')}</p>`) +
        rssItem(3, 'Geneva to host envoys', `<p>${talks}</p>`),
    );
    const b = await buildServedFeeds({ Wire: feed }, { keywords: ['drones'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const summaries = byTitle(b);
    expect(fire).toContain(summaries.get('Drones set Kharkiv power plant on fire'));
    expect(sanctions).toContain(summaries.get('Washington targets tanker fleet'));
    expect(summaries.get('Geneva to host envoys')).toBe(talks);
    const text = read(b, 'digest.txt');
    expect(text).not.toMatch(/\u2026/u);
  }, 120_000);

  it('goes on after a German ordinal before a noun ("sein 24. Militärhilfepaket", "zum 3. Mal")', async () => {
    const sentences = [
      'Finnland schickt der Ukraine sein 24. Militärhilfepaket im Wert von 190 Millionen Euro, sagte Verteidigungsminister Lauri Vaara am Mittwoch.',
      'Die Regierung in Helsinki hat damit zum 3. Mal in diesem Jahr Flugabwehrraketen zugesagt.',
    ];
    const b = await buildServedFeeds({ Zeitung: rssOf('Zeitung', rssItem(1, 'Finnland sagt Kiew weitere Hilfe zu', `<p>${sentences.join(' ')}</p>`)) }, { keywords: ['Ukraine'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const [story] = storiesOf(b);
    expect([sentences[0], sentences[1], sentences.join(' ')]).toContain(story.summary);
  }, 120_000);
});

describe('a report whose only sentence says its headline again', () => {
  it('stands under its headline alone, with no empty paragraph, or under what another outlet’s headline adds', async () => {
    const alone = rssItem(1, 'Parliament approves the 2027 defence budget', '<p>Parliament approved the 2027 defence budget on Friday.</p>');
    const repeated = rssItem(2, 'Zelensky meets Macron in Paris to discuss air defence', '<p>Zelensky met Macron in Paris on Monday to discuss air defence.</p>');
    // another outlet tells the same meeting in its headline only, and says what came of it
    const other = `<item><title>France to send two SAMP/T batteries and Mirage jets to Ukraine, Macron tells Zelensky in Paris</title><link>https://daily.example/7</link><guid>d7</guid><pubDate>Fri, 20 Nov 2026 11:00:00 GMT</pubDate></item>`;
    const b = await buildServedFeeds({ Wire: rssOf('Wire', alone + repeated), Daily: rssOf('Daily', other) }, { keywords: ['defence'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const stories = storiesOf(b);
    const budget = stories.find((s) => s.title === 'Parliament approves the 2027 defence budget')!;
    const paris = stories.find((s) => s.title === 'Zelensky meets Macron in Paris to discuss air defence')!;
    expect(budget.summary).toBe('');
    expect(paris.sources).toEqual(['Wire', 'Daily']);
    expect(paris.summary).toBe('France to send two SAMP/T batteries and Mirage jets to Ukraine, Macron tells Zelensky in Paris.');
    // the HTML has no empty paragraph where the budget's summary would be, and the text part no blank lines in a row
    const html = read(b, 'digest.html');
    expect(html).toContain('Parliament approves the 2027 defence budget');
    // (an empty one is written "<p …/>", which a browser reads as a paragraph left open)
    expect(html).not.toMatch(/<p dir=[^>]*(?:\/>|>\s*<\/p>)/u);
    const text = read(b, 'digest.txt');
    expect(text).not.toMatch(/\n[ \t]*\n[ \t]*\n/u);
    expect(text).toContain('France to send two SAMP/T');
  }, 120_000);
});

/** A feed that declares the language it is written in. */
const rssIn = (lang: string, name: string, items: string) => rssOf(name, items).replace('<channel>', `<channel><language>${lang}</language>`);

describe('a story told in several languages', () => {
  const english = [
    'Finland will send Ukraine its 24th package of military aid, worth €190 million, Defence Minister Lauri Vaara said on Wednesday.',
    'The package includes artillery ammunition, air defence missiles and spare parts for tanks.',
  ];
  const german = [
    'Finnland schickt der Ukraine sein 24. Militärhilfepaket im Wert von 190 Millionen Euro, sagte Verteidigungsminister Lauri Vaara am Mittwoch.',
    'Das Paket umfasst Artilleriemunition, Flugabwehrraketen und Ersatzteile für Panzer.',
  ];
  const ukrainian = [
    'Фінляндія передасть Україні 24-й пакет військової допомоги вартістю 190 млн євро, повідомив у середу міністр оборони Лаурі Ваара.',
    'До пакета увійдуть артилерійські боєприпаси, ракети для ППО та запчастини до танків.',
  ];
  const wire = rssIn('en', 'Wire', rssItem(1, 'Finland pledges 24th military aid package worth €190 million to Ukraine', `<p>${english.join(' ')}</p>`));
  const zeitung = rssIn('de', 'Zeitung', rssItem(3, 'Finnland sagt der Ukraine 24. Militärhilfepaket über 190 Millionen Euro zu', `<p>${german.join(' ')}</p>`));
  const visnyk = rssIn('uk', 'Visnyk', rssItem(4, 'Фінляндія передасть Україні 24-й пакет військової допомоги на 190 млн євро', `<p>${ukrainian.join(' ')}</p>`));
  const whole = (sentences: string[]) => [sentences[0], sentences[1], sentences.join(' ')];

  it('is headlined and summed up in German for a German reader', async () => {
    const b = await buildServedFeeds({ Wire: wire, Zeitung: zeitung }, { keywords: ['Ukraine'], config: ['locale: de'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const [story, ...others] = storiesOf(b);
    expect(others).toEqual([]);
    expect(story.title).toBe('Finnland sagt der Ukraine 24. Militärhilfepaket über 190 Millionen Euro zu');
    expect(whole(german)).toContain(story.summary);
    expect(read(b, 'digest.html')).toContain(german[0]);
    expect(read(b, 'digest.txt')).toContain('Finnland schickt der Ukraine');
  }, 120_000);

  it('is headlined and summed up in English for an English reader, though its headline’s report is German', async () => {
    // the German report has the most text: alone with one English report, its headline was the story's
    const b = await buildServedFeeds({ Wire: wire, Zeitung: zeitung }, { keywords: ['Ukraine'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const [story, ...others] = storiesOf(b);
    expect(others).toEqual([]);
    expect(story.title).toBe('Finland pledges 24th military aid package worth €190 million to Ukraine');
    expect(whole(english)).toContain(story.summary);
  }, 120_000);

  it('is headlined and summed up in Ukrainian for a Ukrainian reader when as many reports are English', async () => {
    const b = await buildServedFeeds({ Wire: wire, Visnyk: visnyk }, { keywords: ['Ukraine', 'Україна'], config: ['locale: uk'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const [story, ...others] = storiesOf(b);
    expect(others).toEqual([]);
    expect(story.title).toBe('Фінляндія передасть Україні 24-й пакет військової допомоги на 190 млн євро');
    expect(whole(ukrainian)).toContain(story.summary);
    const html = read(b, 'digest.html');
    expect(html).toContain(ukrainian[0]);
    expect(read(b, 'digest.txt')).toContain('Фінляндія передасть Україні 24-й пакет');
  }, 120_000);
});

describe('the length of a summary (`summary:` in the config)', () => {
  const sentences = [
    'Russian drones struck a power substation in Odesa overnight, cutting electricity to 40,000 homes, the regional governor said.',
    'Repair crews restored power to half of the homes by Sunday morning.',
    'The port of Odesa kept working on backup generators.',
  ];
  const feed = () => rssOf('Wire', rssItem(1, 'Drone strike cuts power in Odesa', `<p>${sentences.join(' ')}</p>`));

  it('runs to three sentences by default, to the number of sentences and the characters the config says', async () => {
    const plain = await buildServedFeeds({ Wire: feed() }, { keywords: ['drones'] });
    expect(plain.run.code, plain.run.stderr).toBe(0);
    expect(storiesOf(plain)[0].summary).toBe(sentences.join(' '));

    const one = await buildServedFeeds({ Wire: feed() }, { keywords: ['drones'], config: ['summary:', '  sentences: 1'] });
    expect(one.run.code, one.run.stderr).toBe(0);
    expect(storiesOf(one)[0].summary).toBe(sentences[0]);
    expect(read(one, 'digest.txt')).not.toContain('Repair crews');
    expect(read(one, 'digest.html')).not.toContain('Repair crews');

    // 200 characters hold the first two sentences and not the third: whole sentences, never one cut
    const short = await buildServedFeeds({ Wire: feed() }, { keywords: ['drones'], config: ['summary: { maxLength: 200 }'] });
    expect(short.run.code, short.run.stderr).toBe(0);
    expect(storiesOf(short)[0].summary).toBe(`${sentences[0]} ${sentences[1]}`);
  }, 120_000);

  it('refuses a bad value in one line naming the key and what is expected', async () => {
    for (const [line, expected] of [
      ['summary: { sentences: 0 }', 'summary.sentences: expected a number of sentences ≥ 1'],
      ['summary: { maxLength: 5000 }', 'summary.maxLength: expected a number of characters ≤ 700'],
      ['summary: { sentences: two }', 'summary.sentences'],
      ['summary: { words: 40 }', 'summary'],
      ['summary: short', 'summary'],
    ]) {
      const b = await buildServedFeeds({ Wire: feed() }, { keywords: ['drones'], config: [line] });
      expect(b.run.code, line).toBe(2);
      expect(b.run.stderr.trim().split('\n'), line).toHaveLength(1);
      expect(b.run.stderr, line).toContain(expected);
      expect(b.run.stderr, line).toMatch(/^digest: .*digest\.config\.yaml: /u);
    }
  }, 120_000);
});

describe('a quotation of several sentences', () => {
  it('is quoted whole with who said it, not left out as two broken pieces', async () => {
    const quote = '“We will not give up our land. We will not trade it for a pause in the fighting,” President Volodymyr Zelensky said in his nightly address on Friday.';
    const html = `<p>By Olena Harmash</p><p>${quote}</p><p>He spoke after US envoys presented a new peace plan in Kyiv.</p><p>Read more at Reuters.com</p>`;
    const b = await buildServedFeeds({ Wire: rssOf('Wire', rssItem(1, 'Zelensky rejects land for peace', html)) }, { keywords: ['Zelensky'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    const [story] = storiesOf(b);
    expect(story.summary.startsWith(quote)).toBe(true);
    expect(read(b, 'digest.txt')).toContain('“We will not give up our land.');
  }, 120_000);
});

describe('a wire byline written into the text', () => {
  it('is left out of the summary with the dateline after it', async () => {
    const lead = 'Finland will send Ukraine 20 howitzers from its reserves, the defence ministry in Helsinki said on Thursday.';
    const html = `<p>By JOHN SMITH and JANE DOE Associated Press KYIV, Ukraine (AP) — ${lead}</p>`;
    const b = await buildServedFeeds({ Wire: rssOf('Wire', rssItem(1, 'Finland pledges guns', html)) }, { keywords: ['Ukraine'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    expect(storiesOf(b)[0].summary).toBe(lead);
    expect(read(b, 'digest.txt')).not.toContain('JOHN SMITH');
  }, 120_000);
});

describe('a photo credit closing a reported sentence', () => {
  it('goes, and the sentence is the summary instead of none; a caption with a credit stays out', async () => {
    const said = 'Estonia will give Ukraine 0.25% of its GDP in military aid next year, Prime Minister Kristen Michal said on Thursday';
    const html = `<p>Rescuers work at the site of a building hit by a Russian missile in Kyiv on Friday (Photo: Reuters).</p><p>${said} (Photo: ERR).</p>`;
    const b = await buildServedFeeds({ Wire: rssOf('Wire', rssItem(1, 'Estonia pledges money', html)) }, { keywords: ['Ukraine'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    expect(storiesOf(b)[0].summary).toBe(`${said}.`);
  }, 120_000);
});

describe('a report told in a numbered list', () => {
  it('is summed up by its points, without their numbers, as one told in bullets is', async () => {
    const points = ['A 30-day ceasefire on energy infrastructure starting on Monday', 'An exchange of 500 prisoners of war from each side'];
    const html = `<p>Negotiators in Geneva agreed on:</p><ol>${points.map((p) => `<li>${p}</li>`).join('')}<li>A new round of talks</li></ol>`;
    const b = await buildServedFeeds({ Wire: rssOf('Wire', rssItem(1, 'What was agreed in Geneva', html)) }, { keywords: ['Geneva'] });
    expect(b.run.code, b.run.stderr).toBe(0);
    expect(storiesOf(b)[0].summary).toBe(points.map((p) => `${p}.`).join(' '));
    expect(read(b, 'digest.txt')).toContain('A 30-day ceasefire');
  }, 120_000);
});
