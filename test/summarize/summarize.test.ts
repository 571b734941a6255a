import { describe, expect, it } from 'vitest';
import { summarize, MAX_SUMMARY_CHARS } from '../../src/summarize/index.js';
import { splitParagraph } from '../../src/text/sentences.js';
import { cluster } from '../theme/items.js';

const sentencesOf = (summary: string) => splitParagraph(summary);
/** every sentence of the summary occurs verbatim in one of the texts */
const fromSources = (summary: string, texts: string[]) =>
  sentencesOf(summary).every((s) => texts.some((t) => t.replace(/\s+/g, ' ').includes(s)));

const patriot = cluster(
  {
    feed: 'wire',
    title: 'Germany to send two more Patriot batteries to Ukraine',
    text:
      'Germany will send two more Patriot air defence batteries to Ukraine before winter, Chancellor Olaf Scholz said on Tuesday.\n\n' +
      'The systems are worth about 1.5 billion euros and will be financed from the federal budget. ' +
      'Mr. Scholz made the announcement after talks with the U.S. defence secretary in Berlin.\n\n' +
      'Ukraine has asked its partners for at least seven more systems to protect cities and power plants.',
    published: '2024-06-04T08:00:00.000Z',
  },
  {
    feed: 'brief',
    title: 'Scholz promises Patriots as Kyiv pleads for air defence',
    text:
      'The morning was cold and grey in Berlin when reporters gathered outside the chancellery for the briefing.\n\n' +
      'Chancellor Olaf Scholz said Germany would send two more Patriot batteries to Ukraine before the winter.\n\n' +
      'Kyiv says Russian missiles and drones have destroyed half of its power generation since March.',
    published: '2024-06-04T09:30:00.000Z',
  },
  {
    feed: 'local',
    title: 'Two Patriot systems pledged by Berlin',
    text:
      'Two Patriot batteries will be sent by Germany to Ukraine before winter, according to Chancellor Olaf Scholz.\n\n' +
      'Air defence units around Kharkiv have been short of interceptors for weeks, commanders said in January.',
    published: '2024-06-04T10:00:00.000Z',
  },
);
const patriotTexts = patriot.items.map((i) => i.text);

describe('summarize', () => {
  const summary = summarize(patriot, 'Germany to send two more Patriot batteries to Ukraine');

  it('gives 1–3 whole sentences taken from the sources, within the length limit', () => {
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    const n = sentencesOf(summary).length;
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(3);
    expect(fromSources(summary, patriotTexts)).toBe(true);
    expect(summary).toMatch(/[.!?]["”’]?$/);
  });

  it('prefers what the sources share over one source’s scene-setting', () => {
    expect(summary).toMatch(/Patriot/);
    expect(summary).not.toMatch(/cold and grey/);
  });

  it('does not repeat the same fact in near-identical sentences', () => {
    const patriotSentences = sentencesOf(summary).filter((s) => /Patriot/.test(s));
    expect(patriotSentences).toHaveLength(1);
  });

  it('skips a paraphrase of a chosen sentence that repeats its names and numbers', () => {
    const c = cluster(
      {
        feed: 'wire',
        title: 'Slovak lawmakers back arms deal',
        text:
          'Slovak lawmakers approved the arms deal by 81 votes to 52 on Thursday, after a stormy debate in Bratislava.\n\n' +
          'The contract covers 155mm shells produced at a state plant in Snina.',
      },
      {
        feed: 'brief',
        title: 'Bratislava parliament endorses shell contract',
        text:
          'By 81 to 52, members of parliament in Bratislava endorsed the deal on Thursday following a heated session.\n\n' +
          'Deliveries of the shells are due to begin in the autumn, the economy ministry said.',
      },
    );
    const s = summarize(c, 'Slovak lawmakers back arms deal');
    expect(s.match(/81/g)).toHaveLength(1);
  });

  it('does not use a sentence that leans on one left out', () => {
    const longFirst =
      'The Kremlin said on Monday that it would not send anyone to the peace conference that Switzerland plans to hold ' +
      'next month at a mountain resort near Lucerne, repeating that no meeting about the war could succeed without ' +
      'Russia at the table and accusing the organisers of turning the event into a show of support for Kyiv and its allies.';
    const c = cluster({
      title: 'Kremlin rejects Swiss summit',
      text: `${longFirst} It called the conference pointless and a waste of time for everyone involved.`,
    });
    const s = summarize(c, 'Kremlin rejects Swiss summit');
    expect(s).not.toMatch(/^It called/);
    expect(s.startsWith('The Kremlin said on Monday')).toBe(true);
  });

  it('never repeats the title, even when an item opens with it', () => {
    const title = 'Russia and Ukraine swap 95 prisoners of war each';
    const c = cluster({
      title,
      text:
        'Russia and Ukraine swap 95 prisoners of war each.\n\n' +
        'The exchange was brokered by the United Arab Emirates, the foreign ministry in Abu Dhabi said on Friday. ' +
        'It was the third such swap since the start of the year.',
    });
    const s = summarize(c, title);
    expect(s).not.toContain('swap 95 prisoners');
    expect(s).toMatch(/^The exchange was brokered/);
    expect(s).not.toBe(title);
  });

  it('is deterministic and does not depend on item order', () => {
    const again = summarize(patriot, 'Germany to send two more Patriot batteries to Ukraine');
    const reversed = summarize({ items: [...patriot.items].reverse() }, 'Germany to send two more Patriot batteries to Ukraine');
    expect(again).toBe(summary);
    expect(reversed).toBe(summary);
  });

  it('leaves out page furniture, captions and photo credits', () => {
    const c = cluster({
      title: 'Drone attack damages port in Odesa',
      text:
        'By Olena Hrytsenko and Mark Dawson, Black Sea Bureau.\n\n' +
        'Updated 09:40 GMT, 4 June 2024, with comment from the regional governor.\n\n' +
        'A grain terminal burns after the strike on the port of Odesa on June 3, 2024.\n' +
        'By Olena Hrytsenko and Mark Dawson, Black Sea Bureau.\n\n' +
        'Updated 09:40 GMT, 4 June 2024, with comment from the regional governor.\n\n' +
        'A grain terminal burns after the strike on the port of Odesa on June 3, 2024.\n' +
        'Reuters\n\n' +
        'Russian drones damaged grain silos and a warehouse in the port of Odesa overnight, regional officials said.\n\n' +
        'Read more: Black Sea shipping after the grain deal collapsed.\n\n' +
        'Subscribe to our newsletter for the latest updates from Ukraine every morning.\n\n' +
        'Reporting by Anna Kovalenko in Odesa and Petro Marchenko in Kyiv; editing by Tom Hale.\n\n' +
        'This article was first published on our partner site on the same evening.',
    });
    const s = summarize(c, 'Drone attack damages port in Odesa');
    expect(s).toMatch(/^Russian drones damaged grain silos/);
    expect(s).not.toMatch(/grain terminal burns|Reuters|Read more|newsletter|Reporting by|first published|Hrytsenko|Updated/);
  });

  it('drops datelines, and never quotes a piece of a quotation that runs over several sentences', () => {
    const c = cluster({
      title: 'Poland to train Ukrainian brigade',
      text:
        'WARSAW, Poland (AP) — Poland will train and equip a new Ukrainian mechanised brigade on its territory, the defence ministry said on Monday.\n\n' +
        '“We are ready to start in spring. The instructors are already selected,” the minister told reporters in the capital.',
    });
    const s = summarize(c, 'Poland to train Ukrainian brigade');
    expect(s).toMatch(/^Poland will train and equip/);
    expect(s).not.toMatch(/WARSAW|AP\)/);
    // the quotation is whole, with who said it, or not there
    const quote = '“We are ready to start in spring. The instructors are already selected,” the minister told reporters in the capital.';
    if (/We are ready|instructors are already/.test(s)) expect(s).toContain(quote);
  });

  it("drops a live blog's time stamp opening the entry", () => {
    const c = cluster({
      title: 'Drones cut power to 130,000 homes in Zaporizhzhia',
      text:
        '06:45 CEST - Russian attack drones hit an electrical substation in Zaporizhzhia overnight, leaving 130,000 households without power, the regional power company said.\n\n' +
        'Repair crews expect to restore supply by the evening.',
    });
    const s = summarize(c, 'Drones cut power to 130,000 homes in Zaporizhzhia');
    expect(s).toMatch(/^Russian attack drones hit an electrical substation/);
    expect(s).not.toMatch(/06:45|CEST/);
  });

  it('stays within the limit without cutting a word when the only sentence is very long', () => {
    const long =
      'The foreign ministers, who met for nine hours in a conference hall on the outskirts of the city while protesters ' +
      'gathered outside the gates, agreed on a joint statement calling for the protection of nuclear plants, the return ' +
      'of deported children, the exchange of all prisoners of war, safe passage for grain ships in the Black Sea and a ' +
      'follow-up meeting of national security advisers before the end of the summer in a city still to be named.';
    const s = summarize(cluster({ title: 'Ministers agree on joint statement', text: long }), 'Ministers agree on joint statement');
    expect(s.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(s.endsWith('…')).toBe(true);
    const lastWord = s.slice(0, -1).split(' ').pop()!;
    expect(long.split(/[\s,]+/)).toContain(lastWord);
  });

  it('returns an empty summary when there is no usable text', () => {
    expect(summarize(cluster({ title: 'Kremlin comments on talks', text: '' }), 'Kremlin comments on talks')).toBe('');
  });

  it('adds to the lead what the article is about, not a later aside that merely comes early', () => {
    const c = cluster({
      feed: 'wire',
      title: 'Grain exports up a fifth in May',
      text:
        'Ukraine\u2019s grain exports rose by a fifth in May as the Black Sea corridor stayed open, the agriculture ministry said on Monday.\n\n' +
        'The ministry\u2019s offices in Kyiv were repainted last spring at a cost that drew criticism.\n\n' +
        'Wheat shipments from Odesa and Chornomorsk made up most of the month\u2019s exports.\n\n' +
        'Corn shipments through the corridor also grew, traders said.\n\n' +
        'Traders expect shipments of wheat and corn through the corridor to keep growing as insurers return.',
      published: '2024-06-04T08:00:00.000Z',
    });
    const s = summarize(c, 'Grain exports up a fifth in May');
    expect(s).toMatch(/^Ukraine’s grain exports rose by a fifth in May/);
    expect(s).not.toMatch(/repainted/);
    expect(s).toMatch(/shipments/);
  });

  it('opens with what the story is about, not with a scene-setting lead', () => {
    const title = 'Ukraine trains a thousand drone pilots a month';
    const c = cluster({
      feed: 'wire',
      title,
      text:
        'The classroom is a former wedding hall on the outskirts of Vinnytsia, and the chandeliers are still hanging from its ceiling.\n\n' +
        'Ukraine now trains about a thousand drone pilots a month in schools like this one, the defence ministry says.\n\n' +
        'Drone pilots learn to fly first-person-view drones in six weeks before they join units at the front.\n\n' +
        'The ministry wants to double the number of drone pilots trained each month by the end of the year.',
      published: '2024-06-04T08:00:00.000Z',
    });
    const s = summarize(c, title);
    const first = sentencesOf(s)[0];
    expect(first).toMatch(/drone pilots/);
    expect(s).not.toMatch(/^The classroom/);
  });

  it('summarises Cyrillic text', () => {
    const c = cluster({
      title: 'Делегації обговорили обмін полоненими',
      text:
        'Делегації України та Росії зустрілися в Стамбулі й обговорили новий обмін полоненими. ' +
        'Наступна зустріч запланована на липень, повідомили в міністерстві закордонних справ.',
    });
    const s = summarize(c, 'Делегації обговорили обмін полоненими');
    expect(sentencesOf(s).length).toBeGreaterThanOrEqual(1);
    expect(s).toMatch(/^Делегації України та Росії зустрілися/);
  });
});

describe('a summary under its headline', () => {
  // Two teasers the clustering may join on their subject alone ("Russia"): the one whose headline the story
  // shows speaks; the other, though its sentence is the more central of the story's text, tells something else.
  const general = {
    feed: 'world',
    title: 'Russian general with key intelligence role is shot in Moscow',
    text: 'The attack on the deputy head of the GRU, the Russian military intelligence agency, happened in a Moscow apartment block on Friday.',
    published: '2026-02-06T12:00:00.000Z',
  };
  const war = {
    feed: 'opinion',
    title: 'Russia may be ready for a new war sooner than thought',
    text:
      'With America disengaging, Russia may be ready for a new war in Europe much sooner than previously estimated. ' +
      'Russia is rebuilding its army for a new war faster than Europe is rearming.',
    published: '2026-02-06T08:00:00.000Z',
  };

  it('takes no sentence of a report that shares little with the headline’s own report', () => {
    const s = summarize(cluster(general, war), general.title);
    expect(s).toMatch(/deputy head of the GRU/);
    expect(s).not.toMatch(/new war|disengaging/);
  });

  it('still takes another outlet’s sentence that tells the same event', () => {
    const wire = {
      feed: 'wire',
      title: 'GRU deputy chief shot in Moscow',
      text: 'Investigators said a gunman had fled after the shooting and were questioning witnesses.',
      published: '2026-02-06T13:00:00.000Z',
    };
    // under the wire's headline, the other outlet's sentence on the shooting speaks; the piece on a new war does not
    const s = summarize(cluster(general, wire, war), wire.title);
    expect(s).toMatch(/The attack on the deputy head of the GRU/);
    expect(s).not.toMatch(/new war|disengaging/);
  });

  it('falls back to every report when the headline’s own report has no sentence to give', () => {
    const bare = { ...general, text: '' };
    expect(summarize(cluster(bare, war), general.title)).toMatch(/new war/);
  });
});
