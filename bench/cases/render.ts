// Render: one 40-story edition rendered once (MJML) and personalised for 10,000 subscribers in memory, against
// calling MJML for every subscriber (bench/lib/render.ts). Goals: ≥ 5,000 messages/s and ≥ 50× faster than
// MJML per subscriber. Also the encoded size of the HTML part for the bundled sample edition and a 40-story one,
// against the Gmail clipping budget the renderer keeps to.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { loadConfig } from '../../src/config/index.js';
import { buildEdition } from '../../src/pipeline/index.js';
import { encodedSize, HTML_BUDGET_BYTES } from '../../src/render/index.js';
import { runLongEditionBench, runRenderBench } from '../lib/render.js';
import { emit, peakRssMb, result } from '../lib/result.js';

const MESSAGES = 10_000;
const MIN_PER_SECOND = 5_000;
const MIN_SPEEDUP = 50;
const SAMPLE_NOW = '2026-11-23T07:00:00+02:00';

/** `digest build --config feeds/example.config.yaml --now …`, in a copy so the repo's state folder is untouched */
async function sampleEditionHtmlBytes(): Promise<{ bytes: number; stories: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-bench-render-'));
  try {
    cpSync(path.resolve('feeds'), path.join(dir, 'feeds'), { recursive: true });
    const config = loadConfig(path.join(dir, 'feeds', 'example.config.yaml'));
    const { edition, rendered } = await buildEdition(config, {
      now: DateTime.fromISO(SAMPLE_NOW, { setZone: true }),
      offline: true,
      clock: () => new Date(SAMPLE_NOW),
    });
    return { bytes: encodedSize(rendered.html), stories: edition.sections.reduce((n, s) => n + s.stories.length, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const r = await runRenderBench({ messages: MESSAGES, mjmlMessages: 20, stories: 40 });
const sample = await sampleEditionHtmlBytes();
const long = await runLongEditionBench(2000);
const budget = `Gmail clipping budget ${HTML_BUDGET_BYTES / 1024} KiB`;
emit([
  result({
    name: 'render-personalize-10k',
    value: r.personalized.perSecond,
    unit: 'msg/s',
    baseline: 'MJML render per subscriber (same edition, same run)',
    baselineValue: r.mjmlPerSubscriber.perSecond,
    goal: `≥ ${MIN_PER_SECOND} msg/s and ratio ≥ ${MIN_SPEEDUP}`,
    ok: (ratio, value) => value >= MIN_PER_SECOND && ratio !== null && ratio >= MIN_SPEEDUP,
    extra: { messages: r.personalized.messages, personalizeMs: r.personalized.ms, renderOnceMs: r.renderMs, mjmlMessages: r.mjmlPerSubscriber.messages, mjmlMs: r.mjmlPerSubscriber.ms, stories: r.stories, peakRssMb: peakRssMb() },
  }),
  result({
    name: 'render-html-size-sample',
    value: sample.bytes / 1024,
    unit: 'KiB',
    baseline: budget,
    baselineValue: HTML_BUDGET_BYTES / 1024,
    goal: 'ratio ≤ 1 (fits the budget)',
    ok: (ratio) => ratio !== null && ratio <= 1,
    extra: { bytes: sample.bytes, stories: sample.stories, edition: `feeds/example.config.yaml --now ${SAMPLE_NOW}` },
  }),
  result({
    name: 'render-html-size-40',
    value: r.htmlEncodedBytes / 1024,
    unit: 'KiB',
    baseline: budget,
    baselineValue: HTML_BUDGET_BYTES / 1024,
    goal: 'ratio ≤ 1 (fits the budget)',
    ok: (ratio) => ratio !== null && ratio <= 1,
    extra: { bytes: r.htmlEncodedBytes, stories: r.stories },
  }),
  // A 2,000-story edition must be cut to fit: the capped renders against one render of it whole.
  result({
    name: 'render-long-edition-2000',
    value: long.renderMs,
    unit: 'ms',
    baseline: 'one MJML render of all 2,000 stories (same run)',
    baselineValue: long.wholeRenderMs,
    goal: 'ratio ≤ 1 and fits the budget',
    ok: (ratio) => ratio !== null && ratio <= 1 && long.htmlEncodedBytes <= HTML_BUDGET_BYTES,
    extra: { stories: long.stories, shown: long.shown, mjmlRenders: long.mjmlRenders, htmlKiB: Math.round(long.htmlEncodedBytes / 102.4) / 10 },
  }),
]);
