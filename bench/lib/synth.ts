// Synthetic news on the running example for benchmarks: many events, each told by a few outlets in
// different words, spread over a week. Seeded, so every run measures the same data.
import { seeded, pick } from './random.js';

const ACTORS = ['Norway', 'Poland', 'Germany', 'France', 'Britain', 'Canada', 'Sweden', 'Finland', 'Denmark', 'Italy', 'Spain', 'Japan', 'Netherlands', 'Estonia', 'Latvia', 'Lithuania', 'Romania', 'Czechia', 'Belgium', 'Austria'];
const PLACES = ['Kharkiv', 'Odesa', 'Dnipro', 'Lviv', 'Zaporizhzhia', 'Sumy', 'Poltava', 'Mykolaiv', 'Chernihiv', 'Kherson', 'Belgorod', 'Kursk', 'Bryansk', 'Rostov', 'Voronezh', 'Geneva', 'Istanbul', 'Vienna', 'Riyadh', 'Helsinki'];
const ACTIONS = [
  { verb: 'pledges', noun: 'air defence systems', theme: 'arms' },
  { verb: 'delivers', noun: 'F-16 fighter jets', theme: 'arms' },
  { verb: 'approves', noun: 'long-range missiles', theme: 'arms' },
  { verb: 'sends', noun: 'artillery shells', theme: 'arms' },
  { verb: 'hosts', noun: 'ceasefire talks', theme: 'talks' },
  { verb: 'proposes', noun: 'a peace plan', theme: 'talks' },
  { verb: 'imposes', noun: 'new sanctions', theme: 'talks' },
  { verb: 'sends envoys to', noun: 'prisoner exchange talks', theme: 'talks' },
  { verb: 'funds', noun: 'power grid repairs', theme: 'home' },
  { verb: 'finances', noun: 'reconstruction of schools', theme: 'home' },
];
const OUTLETS = ['Wire One', 'Global Brief', 'Frontline Daily', 'Policy Notes', 'Kyiv Wire', 'Eastern Desk', 'Capital Post', 'Morning Ledger'];
const FRAMES = [
  (a: string, v: string, n: string, p: string) => `${a} ${v} ${n} for Ukraine after talks in ${p}`,
  (a: string, v: string, n: string, p: string) => `${p}: ${a} ${v} ${n} to Kyiv`,
  (a: string, v: string, n: string, p: string) => `Ukraine welcomes as ${a} ${v} ${n}, officials in ${p} say`,
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
    const outlet = pick(rand, OUTLETS);
    const frame = pick(rand, FRAMES);
    const title = frame(actor, action.verb, action.noun, place);
    const body = [
      `${actor} ${action.verb} ${amount} units of ${action.noun}, its ministers said in ${place} on ${new Date(eventTime).toUTCString().slice(0, 11)}.`,
      `Officials in Kyiv said the decision followed weeks of requests, while the Kremlin warned of consequences.`,
      `The package worth ${amount * 3} million euros is part of a wider plan agreed by allies this year.`,
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

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rssFeed(title: string, items: SynthItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>https://bench.example/</link><description>bench</description>
${items
  .map(
    (it) => `<item><title>${esc(it.title)}</title><link>${it.link}</link><guid>${it.guid}</guid><pubDate>${it.published.toUTCString()}</pubDate><content:encoded><![CDATA[${it.body}]]></content:encoded></item>`,
  )
  .join('\n')}
</channel></rss>`;
}
