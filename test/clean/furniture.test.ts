import { describe, expect, it } from 'vitest';
import { cleanFeedItems } from '../../src/clean/index.js';
import { fixture, paragraphs } from './helpers.js';

const clean1 = (title: string, html: string) => cleanFeedItems([{ title, html }])[0];

describe('furniture in a wire article', () => {
  const out = clean1('Allies weigh longer-range strikes as Kyiv presses for more', fixture('wire-article.html'));
  const paras = paragraphs(out.text);

  it('drops share, follow, widget, section-label, byline and dateline lines', () => {
    for (const junk of ['Facebook', 'Twitter', 'Follow us on Telegram', 'google cta', 'Reporting | Europe', 'By Olena Marchenko', 'June 4, 2024', 'Share this article', 'Back to top']) {
      expect(paras).not.toContain(junk);
    }
    expect(out.text).not.toMatch(/google cta|Follow us|Share this|Back to top/i);
  });

  it('drops photo captions and standalone agency credits', () => {
    expect(out.text).not.toContain('REUTERS/');
    expect(out.text).not.toContain('Soldiers unload ammunition crates');
    expect(out.text).not.toContain('Crates of shells');
  });

  it('removes the title repeated as the first line', () => {
    expect(paras[0]).not.toBe('Allies weigh longer-range strikes as Kyiv presses for more');
    expect(paras[0]).toMatch(/^Defence ministers from eleven countries/);
  });

  it('keeps sentences that merely contain share, follow or related', () => {
    expect(paras).toContain('Allies agreed to share intelligence on Russian troop movements near the border, a diplomat said.');
    expect(paras).toContain('Officials said they would follow the talks in Geneva closely and report back within a week.');
    expect(out.text).toContain('Related sanctions against Moscow’s shipping fleet were discussed');
  });

  it('cuts the "More from" block and every teaser after it', () => {
    expect(out.text).not.toContain('More from');
    expect(out.text).not.toContain('Tanker seized');
    expect(out.text).not.toContain('Negotiators left Istanbul');
    expect(paras.at(-1)).toBe('The ministers will meet again in July.');
  });

  it('leaves exactly the article paragraphs', () => {
    expect(paras).toHaveLength(5);
  });
});

describe('cookie, subscribe and chrome prompts', () => {
  const out = clean1('Grain transit deal', fixture('chrome-prompts.html'));
  it('drops them and keeps the article', () => {
    expect(out.text).not.toMatch(/cookie|Subscribe|Sign up|Skip to|Advertisement|Exit mobile version|^Share/im);
    expect(paragraphs(out.text)).toHaveLength(4);
    expect(out.text).toMatch(/^Kyiv and Warsaw signed a memorandum/);
    expect(out.text).toMatch(/decision by the end of the month\.$/);
  });
});

describe('"Read more" in the middle of plain text', () => {
  const raw = fixture('inline-read-more.txt');
  const out = clean1(raw.split('\n')[0], raw);
  it('drops the marker but not the article after it', () => {
    expect(out.text).not.toMatch(/Read more/);
    expect(out.text).toContain('A third round is expected next week');
    expect(out.text).toMatch(/without a written guarantee from both governments\.$/);
    expect(out.text).not.toContain('Envoys in Riyadh');
  });
  it('treats each line of plain text as a paragraph', () => {
    expect(paragraphs(out.text)).toHaveLength(5);
  });
});

describe('teaser widget at the end of a page', () => {
  const out = clean1('Weekly briefing: the long road to a ceasefire', fixture('teaser-widget.html'));
  it('cuts the teaser cards, their headlines and the chrome after them', () => {
    for (const junk of ['Weekly briefing: what the summit', 'a quiet week', 'container rates', 'Freight costs', 'Arctic', 'keep reading', 'Top image credit', 'Preferred Source', 'LATEST', 'Newsletter', 'round-up', 'Analysis | World']) {
      expect(out.text).not.toContain(junk);
    }
  });
  it('keeps the whole article', () => {
    const paras = paragraphs(out.text);
    expect(paras).toHaveLength(5);
    expect(paras[0]).toMatch(/^Diplomats from Turkey and Qatar/);
    expect(paras.at(-1)).toMatch(/humanitarian questions\.$/);
  });
});

describe('lines that look like furniture only in part', () => {
  const legit = [
    'Residents shared pictures of the damage (photos were taken at dawn)',
    'Share prices in Moscow fell sharply after the announcement.',
    'Follow-up talks are planned in Vienna for the autumn.',
    'By Monday, the two sides had exchanged drafts of a joint statement.',
    'Like Macron in France, Scholz has hesitated to send troops.',
    'More on the proposal is expected when ministers meet in Rome.',
    'Related talks on energy infrastructure stalled last year.',
    'Reuters reported that the convoy had crossed the border before dawn.',
    'Photographs by the ministry showed damaged buildings in the city centre.',
    'Updated figures from the ministry show a sharp rise in drone launches.',
    'Reporting by the BBC showed that the strike hit a residential block.',
    'This story is one of several about the grain corridor.',
    'Фото з місця удару оприлюднила обласна адміністрація.',
    'Follow-on deliveries will depend on the budget vote.',
    'The court said the firm had violated copyright rules.',
  ];
  it('keeps every one of them', () => {
    const html = legit.map((s) => `<p>${s}</p>`).join('');
    expect(paragraphs(clean1('Unrelated title', html).text)).toEqual(legit);
  });
});

describe('teaser headings near the top of a page', () => {
  it('are dropped without cutting the article that follows', () => {
    const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the report describes the negotiations over grain exports in some detail.</p>`).join('');
    const out = clean1('Grain talks', `<p>A short standfirst.</p><h3>Trending</h3><p>Tanker seized off Oman</p>${body}`);
    expect(out.text).not.toContain('Trending');
    expect(out.text).toContain('Paragraph 6 of the report');
  });
});

describe('common feed footers', () => {
  it('drops WordPress and blog boilerplate', () => {
    const out = clean1('Envoy visits Ankara', '<p>The envoy arrived in Ankara on Monday for two days of talks.</p><p>Continue reading...</p><p>The post <a href="https://blog.example/p">Envoy visits Ankara</a> appeared first on <a href="https://blog.example">Example Blog</a>.</p><p>Tags: Turkey, diplomacy</p>');
    expect(out.text).toBe('The envoy arrived in Ankara on Monday for two days of talks.');
  });
});

describe('wire, live-page and syndication furniture', () => {
  it('drops credits and notes, keeps the article', () => {
    const out = clean1('Grid repairs', [
      '<p>Engineers restored power to most of the capital on Tuesday.</p>',
      '<p>This story is being updated.</p>',
      '<p>Reporting by Olha Tkachenko in Kyiv; editing by Tom Walsh</p>',
      '<p>Share this: Facebook | X | Telegram</p>',
      '<p>Follow Example Daily on Telegram for live updates from the front.</p>',
      '<p>Republished from Example Brief.</p>',
    ].join(''));
    expect(out.text).toBe('Engineers restored power to most of the capital on Tuesday.');
  });

  it('drops Ukrainian photo credits and "read also" links', () => {
    const out = clean1('Опера', '<p>Театр відкрив сезон прем’єрою.</p><p>Читайте також: Як підготуватися до відключень</p><p>Вистави починаються о 17:00.</p><p>Фото: прес-служба театру</p>');
    expect(out.text).toBe('Театр відкрив сезон прем’єрою.\n\nВистави починаються о 17:00.');
  });

  it('does not take the last paragraph for a caption when a credit line ends the story', () => {
    const out = clean1('Strike', '<p>The strike hit a depot.</p><p>Officials said the fire was out by noon.</p><p>Reuters</p>');
    expect(out.text).toBe('The strike hit a depot.\n\nOfficials said the fire was out by noon.');
  });
});

describe('blank lines inside HTML', () => {
  it('still separate paragraphs (plain text wrapped in one <p>)', () => {
    const out = clean1('Note', '<p>First paragraph of the note.\n\nSecond paragraph of the note.\n \nRelated: Our note on the budget</p>');
    expect(out.text).toBe('First paragraph of the note.\n\nSecond paragraph of the note.');
  });
});

describe('photographer/agency credits', () => {
  it('take the caption above them', () => {
    const out = clean1('Jets', '<p>A fighter jet on the ramp at an air base.</p><p>Example Brief/Pool</p><p>THE HAGUE — The cabinet promised eight more jets.</p><p>Deliveries start in April.</p>');
    expect(out.text).toBe('The cabinet promised eight more jets.\n\nDeliveries start in April.');
  });
});
