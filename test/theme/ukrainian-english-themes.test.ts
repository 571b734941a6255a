// Themes worded only in English, a feed only in Ukrainian: through the real CLI, each Ukrainian story goes to
// the section of what it is about, read through the English gloss of its words (the word vectors are
// English, and no keyword or description word of these themes is Ukrainian), and `why` says it was the
// meaning. Before the gloss every one of them went to Other with "no theme evidence". A story no theme
// fits (an exhibition) stays in Other.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOffline } from '../helpers/cli.js';

const NOW = '2026-05-04T07:00:00Z';
const dir = mkdtempSync(path.join(os.tmpdir(), 'roundup-uk-en-themes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ITEMS = [
  {
    id: 'drones',
    title: 'Сили ППО збили 40 ударних дронів над Харковом',
    text: 'Уночі ворог атакував місто ударними дронами та ракетами. Двоє людей поранені, пошкоджено склад.',
  },
  {
    id: 'talks',
    title: 'Делегації домовилися про новий раунд переговорів у Женеві',
    text: 'Переговори про перемир’я продовжаться наступного тижня за посередництва Швейцарії, повідомили дипломати.',
  },
  {
    id: 'law',
    title: 'Верховна Рада проголосувала за закон про мобілізацію',
    text: 'Депутати ухвалили законопроєкт у другому читанні. Опозиція вимагала відкласти голосування.',
  },
  {
    id: 'exhibition',
    title: 'У Львові відкрили виставку сучасного живопису',
    text: 'Виставка молодих художників триватиме до кінця місяця, вхід вільний.',
  },
];

function writeDigest(): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Вісник',
    items: ITEMS.map((item, i) => ({
      id: item.id,
      url: `https://visnyk.example.org/${item.id}`,
      title: item.title,
      content_html: `<p>${item.text}</p>`,
      date_published: `2026-05-0${i + 1}T06:00:00Z`,
    })),
  };
  writeFileSync(path.join(dir, 'visnyk.json'), JSON.stringify(feed));
  const config = `title: War and Diplomacy
window: 7d
feeds:
  - name: Вісник
    path: visnyk.json
themes:
  - id: arms
    title: Weapons & attacks
    description: Arms supplies, attacks and the fighting itself.
    keywords: [weapons, arms, missiles, drones, jets, air defence, ammunition, attack, strike, shelling]
  - id: talks
    title: Diplomacy
    description: Talks about ending the war, ceasefires, summits and agreements.
    keywords: [diplomacy, talks, negotiations, ceasefire, peace, summit, envoy, agreement, mediation, truce]
  - id: home
    title: Domestic politics
    description: Votes, laws, parliaments and public opinion.
    keywords: [parliament, vote, law, bill, lawmakers, election, government, budget, poll, opposition]
other: Other news
email:
  from: "War and Diplomacy <digest@example.org>"
  subject: "{title} · {date}: {lead}"
  baseUrl: https://digest.example.org
state: state
`;
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, config);
  return file;
}

describe('a Ukrainian feed under themes worded in English', () => {
  it('puts each story in the section of what it says, by meaning, and leaves the exhibition in Other', async () => {
    const out = path.join(dir, 'out');
    const { result: r, edition: built } = await buildOffline(writeDigest(), NOW, out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const edition = built!;
    const sectionOf = new Map(edition.sections.flatMap((s) => s.stories.map((story) => [story.title, { section: s.id, why: story.why }])));
    expect(Object.fromEntries([...sectionOf].map(([title, { section }]) => [title, section]))).toEqual({
      [ITEMS[0].title]: 'arms',
      [ITEMS[1].title]: 'talks',
      [ITEMS[2].title]: 'home',
      [ITEMS[3].title]: 'other',
    });
    for (const item of ITEMS.slice(0, 3)) {
      expect(sectionOf.get(item.title)!.why.some((w) => /^meaning closer to this theme by \d\.\d\d$/.test(w))).toBe(true);
    }
  });
});
