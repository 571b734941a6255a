// Render throughput, for the bench harness: render a 40-story edition once and personalise it for many
// subscribers in memory, against calling MJML for every subscriber; and the cost of fitting a long edition
// to the clipping budget.

import { Duration } from 'luxon';
import { performance } from 'node:perf_hooks';
import type { DigestConfig, Edition } from '../../src/types.js';
import { BUILT_IN_TEMPLATES, editionWebUrl, encodedSize, loadTemplate, personalize, renderEdition, renderWithTemplate, type Recipient } from '../../src/render/index.js';
import { renderHtml } from '../../src/render/html.js';
import { buildView } from '../../src/render/view.js';

export interface RenderBenchResult {
  stories: number;
  /** quoted-printable size of the 40-story HTML part, bytes */
  htmlEncodedBytes: number;
  renderMs: number;
  personalized: { messages: number; ms: number; perSecond: number };
  mjmlPerSubscriber: { messages: number; ms: number; perSecond: number };
  /** personalised / MJML-per-subscriber throughput */
  speedup: number;
  goals: { perSecond: number; speedup: number; met: boolean };
}

const SECTIONS = [
  ['arms', 'Weapons & strikes'],
  ['diplomacy', 'Peace diplomacy'],
  ['economy', 'Sanctions & economy'],
  ['other', 'Other news'],
];

/** A synthetic edition with `stories` stories spread over four sections (invented text). */
export function benchEdition(stories = 40): Edition {
  const sections = SECTIONS.map(([id, title]) => ({ id, title, stories: [] as Edition['sections'][number]['stories'] }));
  for (let i = 0; i < stories; i++) {
    const day = 16 + (i % 7);
    sections[i % sections.length].stories.push({
      id: `bench-${i}`,
      title: `Delegations meet for round ${i + 1} of talks on air defence, grain exports and prisoner exchanges`,
      url: `https://news.example.org/2026/11/${day}/bench-story-${i}`,
      summary:
        'Officials from several capitals met to discuss deliveries, limits on the use of long-range weapons and the outline of a ceasefire monitoring mission, and agreed to meet again within a month.',
      published: `2026-11-${day}T12:00:00.000+02:00`,
      sources: ['Wire One', 'Global Brief', 'Harbour Times', 'Capital Ledger'].slice(0, 1 + (i % 4)),
      why: ['keyword: air defence'],
      items: [],
    });
  }
  return {
    edition: { id: '2026-11-23', title: 'Diplomacy Watch', timezone: 'Europe/Kyiv', start: '2026-11-16T07:00:00.000+02:00', end: '2026-11-23T07:00:00.000+02:00', generatedAt: '2026-11-23T07:00:00.000+02:00' },
    sections,
    excluded: [],
    feeds: [],
  };
}

export function benchConfig(): DigestConfig {
  return {
    configPath: '/nonexistent/digest.config.yaml',
    configDir: '/nonexistent',
    title: 'Diplomacy Watch',
    timezone: 'Europe/Kyiv',
    schedule: '0 7 * * 1',
    windowSpec: '7d',
    window: Duration.fromObject({ days: 7 }),
    scope: { include: [], exclude: [] },
    feeds: [],
    themes: [],
    other: 'Other news',
    email: { from: 'Diplomacy Watch <digest@example.org>', subject: '{title} · {date}: {lead}', baseUrl: 'https://digest.example.org', address: '12 Harbour Lane, Sampletown' },
    state: '/nonexistent/.digest',
    out: '/nonexistent/out',
    fetch: { timeoutMs: 20000, responseTimeoutMs: 10000, maxBytes: 5e6, maxRedirects: 5, retries: 1, concurrency: 4, perHost: 2, allowPrivateNetworks: false, userAgent: 'bench' },
    delivery: { rate: 10, connections: 1, deferralLifetimeMs: 5 * 86_400_000 },
    catchUp: 'latest',
  };
}

const recipient = (i: number): Recipient => ({
  email: `reader${i}@example.net`,
  name: null,
  // every third reader picks two sections, so dropping sections is measured too
  sections: i % 3 === 0 ? ['arms', 'economy'] : null,
  unsubscribeUrl: `https://digest.example.org/unsubscribe?t=${i.toString(36)}`,
  preferencesUrl: `https://digest.example.org/preferences?t=${i.toString(36)}`,
});

export async function runRenderBench(options: { messages?: number; mjmlMessages?: number; stories?: number } = {}): Promise<RenderBenchResult> {
  const { messages = 10_000, mjmlMessages = 20, stories = 40 } = options;
  const edition = benchEdition(stories);
  const config = benchConfig();
  const webUrl = editionWebUrl(config, edition.edition.id);

  let t = performance.now();
  const rendered = await renderEdition(edition, config);
  const renderMs = performance.now() - t;

  let bytes = 0; // keep the results alive so the work is not optimised away
  t = performance.now();
  for (let i = 0; i < messages; i++) bytes += personalize(rendered, edition, recipient(i), webUrl)!.html.length;
  const personalMs = performance.now() - t;

  // the alternative: an MJML render for each subscriber (template loaded once, as a fair baseline)
  const template = loadTemplate({ builtIn: BUILT_IN_TEMPLATES });
  t = performance.now();
  for (let i = 0; i < mjmlMessages; i++) {
    const own = await renderWithTemplate(template, edition, config);
    bytes += personalize(own, edition, recipient(i), webUrl)!.html.length;
  }
  const mjmlMs = performance.now() - t;
  if (bytes === 0) throw new Error('bench produced no output');

  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
  const personalized = { messages, ms: Math.round(personalMs), perSecond: perSecond(messages, personalMs) };
  const mjmlPerSubscriber = { messages: mjmlMessages, ms: Math.round(mjmlMs), perSecond: perSecond(mjmlMessages, mjmlMs) };
  const speedup = Math.round((personalized.perSecond / Math.max(1, mjmlPerSubscriber.perSecond)) * 10) / 10;
  const goals = { perSecond: 5000, speedup: 50, met: personalized.perSecond >= 5000 && speedup >= 50 };
  return {
    stories,
    htmlEncodedBytes: encodedSize(rendered.html),
    renderMs: Math.round(renderMs),
    personalized,
    mjmlPerSubscriber,
    speedup,
    goals,
  };
}

export interface LongEditionBenchResult {
  stories: number;
  /** stories shown once cut to the budget */
  shown: number;
  htmlEncodedBytes: number;
  mjmlRenders: number;
  renderMs: number;
  /** one MJML render of every story: what fitting the edition used to start with */
  wholeRenderMs: number;
}

/** Render a long edition (default 2,000 stories), which must be cut to fit, and one MJML render of it whole. */
export async function runLongEditionBench(stories = 2000): Promise<LongEditionBenchResult> {
  const edition = benchEdition(stories);
  const config = benchConfig();
  const template = loadTemplate({ builtIn: BUILT_IN_TEMPLATES });
  await renderWithTemplate(template, benchEdition(40), config); // warm up MJML
  let mjmlRenders = 0;
  let t = performance.now();
  const rendered = await renderWithTemplate(template, edition, config, { onMjmlRender: () => mjmlRenders++ });
  const renderMs = performance.now() - t;
  t = performance.now();
  await renderHtml(template, buildView(edition, config));
  const wholeRenderMs = performance.now() - t;
  return {
    stories,
    shown: (rendered.html.match(/<h3\b/g) ?? []).length,
    htmlEncodedBytes: encodedSize(rendered.html),
    mjmlRenders,
    renderMs: Math.round(renderMs),
    wholeRenderMs: Math.round(wholeRenderMs),
  };
}
