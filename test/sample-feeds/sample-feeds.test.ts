// The bundled sample feeds (feeds/) and their answer key (feeds/labels.json): are they what the
// README promises? Read with independent parsers (rss-parser, sax, JSON.parse), not Roundup's own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import {
  CONFIG_PATH, FEEDS_DIR, SAMPLE_NOW, coreText, declaredEncoding, keyOf, loadLabels, readAllSampleItems,
  readFeedText, sampleFeeds, wellFormednessError, wordCount, type Labels, type SampleItem,
} from '../../feeds/tools/sample.js';

const file = (name: string) => path.join(FEEDS_DIR, name);
const raw = (name: string) => readFileSync(file(name), 'utf8');

/** pairs of events with the same actors in the same week that must stay separate stories */
const HARD_NEGATIVES = [
  ['nl-f16-pledge', 'nl-pilot-training'],
  ['us-longrange-permission', 'bryansk-depot-strike'],
  ['energy-attack', 'blackout-schedules'],
  ['energy-attack', 'kyiv-region-drones-nov23'],
  ['istanbul-talks', 'erdogan-summit-offer'],
  ['istanbul-talks', 'prisoner-exchange'],
  ['imf-review', 'eu-energy-aid'],
];

let items: SampleItem[];
let labels: Labels;
beforeAll(async () => {
  items = await readAllSampleItems();
  labels = loadLabels();
});

describe('sample feed files', () => {
  it('are the six promised formats, and every XML file is well-formed', () => {
    expect(sampleFeeds().map((f) => path.basename(f.file))).toEqual([
      'kyiv-wire.xml', 'global-brief.atom', 'frontline-daily.xml', 'ukrinform-1251.xml', 'policy-notes.json', 'eastern-dispatch.rdf',
    ]);
    for (const name of ['kyiv-wire.xml', 'global-brief.atom', 'frontline-daily.xml', 'ukrinform-1251.xml', 'eastern-dispatch.rdf']) {
      expect(wellFormednessError(readFeedText(file(name))), name).toBeNull();
    }
    expect(wellFormednessError('<rss><channel></rss>')).not.toBeNull(); // the checker does reject bad XML
  });

  it('Kyiv Wire is RSS 2.0 with plain-text descriptions', () => {
    const xml = raw('kyiv-wire.xml');
    expect(xml).toMatch(/<rss version="2.0"/);
    const descriptions = [...xml.matchAll(/<description>([\s\S]*?)<\/description>/g)].map((m) => m[1]);
    expect(descriptions.length).toBeGreaterThan(10);
    for (const d of descriptions) expect(d).not.toMatch(/<|&lt;|CDATA/);
  });

  it('Global Brief is Atom 1.0 with HTML content, both escaped and in CDATA', () => {
    const xml = raw('global-brief.atom');
    expect(xml).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(xml.match(/<content type="html">/g)?.length).toBe(xml.match(/<entry>/g)?.length);
    expect(xml).toContain('<content type="html">&lt;p&gt;');
    expect(xml).toContain('<content type="html"><![CDATA[<p>');
  });

  it('Frontline Daily carries content:encoded HTML with pixels, share lines and teaser blocks', () => {
    const xml = raw('frontline-daily.xml');
    expect(xml).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"');
    const bodies = [...xml.matchAll(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/g)].map((m) => m[1]);
    expect(bodies.length).toBe(xml.match(/<item>/g)?.length);
    expect(bodies.every((b) => /<img [^>]*width="1" height="1"/.test(b))).toBe(true);
    expect(bodies.filter((b) => /Share this:|Follow Frontline Daily|Sign up for our newsletter/.test(b)).length).toBe(bodies.length);
    const teaserBlocks = bodies.filter((b) => b.includes('<h3>More from Frontline Daily</h3>'));
    expect(teaserBlocks.length).toBeGreaterThanOrEqual(2);
    for (const b of teaserBlocks) expect(b.match(/<li>/g)?.length).toBe(2);
  });

  it('the Ukrainian feed is really windows-1251 and decodes to Ukrainian text', () => {
    const bytes = readFileSync(file('ukrinform-1251.xml'));
    expect(declaredEncoding(bytes)).toBe('windows-1251');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // not UTF-8 in disguise
    const text = readFeedText(file('ukrinform-1251.xml'));
    for (const ch of ['і', 'ї', 'є', 'ґ', '«', '»', '’']) expect(text, ch).toContain(ch);
    expect(text).toContain('<title>Національна опера України відкрила сезон прем’єрою «Ґердан»</title>');
    expect(text).not.toContain('\uFFFD');
  });

  it('Eastern Dispatch is RSS 1.0 (RDF) with dc:date and escaped HTML descriptions', () => {
    const xml = raw('eastern-dispatch.rdf');
    expect(xml).toMatch(/<rdf:RDF[^>]*xmlns="http:\/\/purl.org\/rss\/1.0\/"/);
    const about = [...xml.matchAll(/<item rdf:about="([^"]+)">/g)].map((m) => m[1]);
    const listed = [...xml.matchAll(/<rdf:li rdf:resource="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(about.length).toBeGreaterThan(5);
    expect(listed).toEqual(about); // the channel's table of contents matches the items
    expect(xml.match(/<dc:date>/g)?.length).toBe(about.length + 1);
    expect(xml).toContain('<description>&lt;p&gt;');
  });

  it('Policy Notes is a valid JSON Feed 1.1', () => {
    const feed = JSON.parse(raw('policy-notes.json')) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    for (const it of feed.items) {
      expect(typeof it.id).toBe('string');
      expect(typeof it.content_html === 'string' || typeof it.content_text === 'string').toBe(true);
      expect(String(it.date_published)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
      expect(Array.isArray(it.authors)).toBe(true); // 1.1 uses "authors", not 1.0's "author"
      expect(it).not.toHaveProperty('author');
    }
  });

  it('some titles carry HTML entities, as real feeds do', () => {
    const titles = ['kyiv-wire.xml', 'global-brief.atom', 'frontline-daily.xml'].flatMap((n) =>
      [...raw(n).matchAll(/<title>([\s\S]*?)<\/title>/g)].map((m) => m[1]),
    );
    expect(titles.some((t) => t.includes('&amp;'))).toBe(true);
    expect(titles.some((t) => t.includes('&#8217;'))).toBe(true);
    expect(titles.some((t) => /^<!\[CDATA\[.*&#\d+;/.test(t))).toBe(true); // entity inside CDATA: decoded by the cleaner, not by XML
  });
});

describe('sample items', () => {
  it('number at least 45, with unique ids, each on its outlet’s fictional domain', () => {
    expect(items.length).toBeGreaterThanOrEqual(45);
    const keys = items.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    const links = new Map<string, number>();
    for (const it of items) links.set(it.link, (links.get(it.link) ?? 0) + 1);
    for (const it of items) {
      const host = new URL(it.link).hostname;
      if (labels[keyOf(it)]?.expect === 'duplicate') expect(links.get(it.link)).toBe(2);
      else expect(host, keyOf(it)).toBe(`${it.feed}.example`);
    }
  });

  it('each have 60–200 words of article text', () => {
    for (const it of items) {
      const words = wordCount(coreText(it.body));
      expect(words, `${keyOf(it)} has ${words} words`).toBeGreaterThanOrEqual(60);
      expect(words, `${keyOf(it)} has ${words} words`).toBeLessThanOrEqual(200);
    }
  });

  it('are all dated in November 2026, with RSS weekdays that match their dates', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    for (const it of items) {
      expect(it.published.startsWith('2026-11-'), keyOf(it)).toBe(true);
      const m = /^(\w{3}), (\d\d) (\w{3}) (\d{4}) /.exec(it.dateText);
      if (!m) continue; // ISO dates (Atom, JSON Feed) have no weekday
      const weekday = new Date(Date.UTC(Number(m[4]), months.indexOf(m[3]), Number(m[2]))).toUTCString().slice(0, 3);
      expect(m[1], `${keyOf(it)}: ${it.dateText}`).toBe(weekday);
    }
  });
});

describe('labels.json', () => {
  it('labels every item exactly once and nothing else', () => {
    expect(Object.keys(labels).sort()).toEqual(items.map(keyOf).sort());
  });

  it('marks as outside-window exactly the items outside the sample edition’s 7 days in Kyiv', () => {
    const end = DateTime.fromISO(SAMPLE_NOW, { setZone: true }).setZone('Europe/Kyiv');
    const start = end.minus({ days: 7 });
    let outside = 0;
    for (const it of items) {
      const t = DateTime.fromISO(it.published);
      const isOutside = t < start || t >= end;
      if (isOutside) outside++;
      expect(labels[keyOf(it)].expect === 'outside-window', `${keyOf(it)} at ${it.published}`).toBe(isOutside);
    }
    expect(outside).toBeGreaterThanOrEqual(3);
    // one item sits 20 minutes before the window opens, one 15 minutes before it closes
    expect(items.some((it) => DateTime.fromISO(it.published) < start && start.diff(DateTime.fromISO(it.published), 'minutes').minutes <= 30)).toBe(true);
    expect(items.some((it) => DateTime.fromISO(it.published) < end && end.diff(DateTime.fromISO(it.published), 'minutes').minutes <= 30)).toBe(true);
  });

  it('has at least 6 events told by 2–4 outlets, and keeps hard negatives as separate events', () => {
    const outlets = new Map<string, Set<string>>();
    for (const [key, l] of Object.entries(labels)) {
      if (l.event && l.expect === 'in') outlets.set(l.event, new Set([...(outlets.get(l.event) ?? []), key.split(':')[0]]));
    }
    const multi = [...outlets.values()].filter((s) => s.size >= 2);
    expect(multi.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...multi.map((s) => s.size))).toBeLessThanOrEqual(4);
    for (const [a, b] of HARD_NEGATIVES) {
      expect(outlets.has(a), a).toBe(true);
      expect(outlets.has(b), b).toBe(true);
    }
  });

  it('marks one exact copy (same link) of an article in another feed as the duplicate', () => {
    const dups = items.filter((it) => labels[keyOf(it)].expect === 'duplicate');
    expect(dups).toHaveLength(1);
    const original = items.filter((it) => it.link === dups[0].link && it !== dups[0]);
    expect(original).toHaveLength(1);
    expect(original[0].feed).not.toBe(dups[0].feed);
    expect(original[0].title).toBe(dups[0].title);
    expect(labels[keyOf(original[0])]).toMatchObject({ expect: 'in', event: labels[keyOf(dups[0])].event });
  });

  it('has at least 3 off-topic items and gives no event or theme to items that are left out', () => {
    const labelled = Object.values(labels);
    expect(labelled.filter((l) => l.expect === 'out-of-scope').length).toBeGreaterThanOrEqual(3);
    for (const l of labelled) {
      if (l.expect === 'out-of-scope' || l.expect === 'outside-window') expect(l).toMatchObject({ event: null, theme: null });
      else expect(['arms', 'talks', 'home', 'other']).toContain(l.theme);
    }
    // every event has one theme
    const themeOf = new Map<string, string | null>();
    for (const l of labelled) {
      if (!l.event) continue;
      expect(themeOf.get(l.event) ?? l.theme, l.event).toBe(l.theme);
      themeOf.set(l.event, l.theme);
    }
  });
});

describe('feeds/example.config.yaml', () => {
  it('loads with the real config loader and points at the sample files', () => {
    const config = loadConfig(CONFIG_PATH);
    expect(config.title).toBe('Diplomacy Watch');
    expect(config.timezone).toBe('Europe/Kyiv');
    expect(config.feeds.map((f) => f.path)).toEqual(sampleFeeds().map((f) => f.file));
    expect(config.themes.map((t) => t.id)).toEqual(['arms', 'talks', 'home']);
    for (const t of config.themes) {
      expect(t.keywords.length, t.id).toBeGreaterThanOrEqual(10);
      expect(t.keywords.length, t.id).toBeLessThanOrEqual(25);
      expect(new Set(t.keywords.map((k) => k.toLowerCase())).size, `${t.id} repeats a keyword`).toBe(t.keywords.length);
    }
    expect(config.other).toBe('Other news');
    // not the state of a user's own digest.config.yaml (../.digest)
    expect(config.state).toBe(path.resolve(FEEDS_DIR, '../.digest-sample'));
  });
});

describe('digest.config.example.yaml', () => {
  it('loads, reads only public http(s) feeds, and shares the sample’s scope and themes', () => {
    const real = loadConfig(path.join(FEEDS_DIR, '../digest.config.example.yaml'));
    const sample = loadConfig(CONFIG_PATH);
    expect(real.feeds.length).toBeGreaterThanOrEqual(6);
    for (const f of real.feeds) {
      expect(f.path, f.id).toBeUndefined();
      expect(f.url, f.id).toMatch(/^https:\/\/[^/]+\.[a-z]+\//);
      expect(f.url, f.id).not.toMatch(/\.example\//);
    }
    expect(real.scope).toEqual(sample.scope);
    expect(real.themes).toEqual(sample.themes);
    expect(real.state).toBe(path.resolve(FEEDS_DIR, '../.digest'));
  });
});
