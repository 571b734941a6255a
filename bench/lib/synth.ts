// Synthetic news on the running example for benchmarks: many events, each told by a few outlets in
// different words, spread over a week. Seeded, so every run measures the same data.
import type { Item } from '../../src/types.js';
import { escapeHtml } from '../../src/text/escape.js';
import { seeded, pick } from './random.js';

const ACTORS = ['Norway', 'Poland', 'Germany', 'France', 'Britain', 'Canada', 'Sweden', 'Finland', 'Denmark', 'Italy', 'Spain', 'Japan', 'Netherlands', 'Estonia', 'Latvia', 'Lithuania', 'Romania', 'Czechia', 'Belgium', 'Austria'];
const PLACES = ['Kharkiv', 'Odesa', 'Dnipro', 'Lviv', 'Zaporizhzhia', 'Sumy', 'Poltava', 'Mykolaiv', 'Chernihiv', 'Kherson', 'Belgorod', 'Kursk', 'Bryansk', 'Rostov', 'Voronezh', 'Geneva', 'Istanbul', 'Vienna', 'Riyadh', 'Helsinki'];
// An action is a verb and an object of one theme: about 150 different ones, so a week's events rarely repeat.
const THEME_ACTIONS = [
  {
    theme: 'arms',
    verbs: ['pledges', 'delivers', 'approves', 'sends', 'orders', 'promises', 'ships', 'buys'],
    nouns: ['air defence systems', 'F-16 fighter jets', 'long-range missiles', 'artillery shells', 'armoured vehicles', 'interceptor drones', 'battle tanks', 'radar units', 'mine clearing kits', 'patrol boats'],
  },
  {
    theme: 'talks',
    verbs: ['hosts', 'proposes', 'backs', 'rejects', 'drafts', 'opens'],
    nouns: ['ceasefire talks', 'a peace plan', 'new sanctions', 'prisoner exchange talks', 'a grain corridor deal', 'a monitoring mission', 'an envoy summit'],
  },
  {
    theme: 'home',
    verbs: ['funds', 'finances', 'pays for', 'backs'],
    nouns: ['power grid repairs', 'reconstruction of schools', 'hospital generators', 'housing for displaced families', 'water network repairs'],
  },
];
const ACTIONS = THEME_ACTIONS.flatMap((t) => t.verbs.flatMap((verb) => t.nouns.map((noun) => ({ verb, noun, theme: t.theme }))));
// Event details, so that two events with the same actor and action still read differently (as real ones do).
const PURPOSES = ['protect', 'repair', 'guard', 'rebuild', 'supply', 'defend', 'reopen', 'secure', 'restore', 'shield'];
const OBJECTS = ['the grain port', 'the rail bridge', 'the power station', 'the border crossing', 'the airfield', 'the refinery', 'the shipyard', 'the water works', 'the hospital', 'the ammunition plant', 'the substation', 'the river dam', 'the gas pipeline', 'the radar post', 'the city tram depot', 'the airport runway'];
const OFFICIALS = ['Halvorsen', 'Kowalczyk', 'Brandt', 'Moreau', 'Ashdown', 'Lindqvist', 'Virtanen', 'Rasmussen', 'Bellini', 'Ortega', 'Tanaka', 'de Vries', 'Tamm', 'Ozols', 'Petrauskas', 'Ionescu', 'Dvorak', 'Peeters', 'Gruber', 'Marchetti'];
const ROLES = ['defence minister', 'foreign minister', 'prime minister', 'deputy minister', 'envoy', 'chief of staff'];
const REACTIONS = [
  'Officials in Kyiv said the decision followed weeks of requests.',
  'The Kremlin warned of consequences and summoned an ambassador.',
  'Opposition lawmakers asked for a parliamentary vote first.',
  'Engineers from three companies will travel with the first convoy.',
  'Insurers raised premiums for cargo on the route last month.',
  'Local council leaders asked for a timetable and a budget.',
  'Analysts expect deliveries to be split over two winters.',
  'Neighbouring governments offered rail transit at cost.',
];
const DETAILS = [
  (who: string, obj: string, n: number) => `${who} said work on ${obj} would start within ${2 + (n % 9)} weeks.`,
  (who: string, obj: string, n: number) => `According to ${who}, ${1 + (n % 7)} crews of engineers are already on site at ${obj}.`,
  (who: string, obj: string) => `${who} told reporters that ${obj} had been hit twice since the spring.`,
  (who: string, obj: string, n: number) => `The first ${n % 50} tonnes of equipment for ${obj} left a depot on Tuesday, ${who} added.`,
  (who: string, obj: string) => `Satellite images reviewed by ${who}'s office show heavy damage around ${obj}.`,
  (who: string, obj: string, n: number) => `${who} expects ${obj} to handle ${n * 10} tonnes a day once finished.`,
];
const OUTLETS = ['Wire One', 'Global Brief', 'Frontline Daily', 'Policy Notes', 'Kyiv Wire', 'Eastern Desk', 'Capital Post', 'Morning Ledger'];
const FRAMES = [
  (a: string, v: string, n: string, p: string, d: string) => `${a} ${v} ${n} for Ukraine to ${d} after talks in ${p}`,
  (a: string, v: string, n: string, p: string, d: string) => `${p}: ${a} ${v} ${n} to ${d}`,
  (a: string, v: string, n: string, p: string, d: string) => `Ukraine welcomes as ${a} ${v} ${n} to ${d}, officials in ${p} say`,
  (a: string, v: string, n: string, p: string) => `${a} ${v} ${n}; ministers meet in ${p}`,
];

export interface SynthItem {
  guid: string;
  title: string;
  link: string;
  published: Date;
  body: string;
  outlet: string;
  event: number;
}

/** `count` items; about three items per event; published across the 7 days before `end`. */
export function synthItems(count: number, opts: { seed?: number; end?: Date } = {}): SynthItem[] {
  const rand = seeded(opts.seed ?? 42);
  const end = (opts.end ?? new Date('2026-11-23T05:00:00Z')).getTime();
  const events = Math.max(1, Math.round(count / 3));
  const items: SynthItem[] = [];
  for (let i = 0; i < count; i++) {
    const e = i % events;
    const er = seeded(1000 + e);
    const actor = pick(er, ACTORS);
    const action = pick(er, ACTIONS);
    const place = pick(er, PLACES);
    const amount = 2 + Math.floor(er() * 400);
    const eventTime = end - Math.floor(er() * 6.5 * 86400_000);
    const purpose = pick(er, PURPOSES);
    const object = pick(er, OBJECTS);
    const official = pick(er, OFFICIALS);
    const role = pick(er, ROLES);
    const outlet = pick(rand, OUTLETS);
    const frame = pick(rand, FRAMES);
    const title = frame(actor, action.verb, action.noun, place, `${purpose} ${object}`);
    const body = [
      `${actor} ${action.verb} ${amount} units of ${action.noun} to ${purpose} ${object}, ${role} ${official} said in ${place} on ${new Date(eventTime).toUTCString().slice(0, 11)}.`,
      pick(er, DETAILS)(official, object, amount),
      `${pick(er, REACTIONS)} The package is worth ${amount * 3} million euros.`,
      'Share on Facebook · Share on X',
    ].join('</p><p>');
    items.push({
      guid: `synth-${i}`,
      title,
      link: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.bench.example/${e}/${i}`,
      published: new Date(eventTime + Math.floor(rand() * 12 * 3600_000)),
      body: `<p>${body}</p>`,
      outlet,
      event: e,
    });
  }
  return items;
}

export function rssFeed(title: string, items: SynthItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escapeHtml(title)}</title><link>https://bench.example/</link><description>bench</description>
${items
  .map(
    (it) => `<item><title>${escapeHtml(it.title)}</title><link>${it.link}</link><guid>${it.guid}</guid><pubDate>${it.published.toUTCString()}</pubDate><content:encoded><![CDATA[${it.body}]]></content:encoded></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** synthetic items as the clean stage would hand them on: plain text paragraphs and a lead */
export function synthCleanItems(count: number, seed = 42): Item[] {
  return synthItems(count, { seed }).map((s) => {
    const paragraphs = s.body
      .replace(/^<p>|<\/p>$/g, '')
      .split('</p><p>')
      .filter((p) => !p.startsWith('Share on')); // the clean stage drops share buttons
    const feed = slug(s.outlet);
    return {
      key: `${feed}:${s.guid}`,
      feed,
      feedName: s.outlet,
      guid: s.guid,
      url: s.link,
      canonicalUrl: s.link,
      title: s.title,
      published: s.published.toISOString(),
      text: paragraphs.join('\n\n'),
      lead: paragraphs[0],
    };
  });
}
