// One preview build: what `digest build` would write now, kept in memory (nothing goes to the out folder).
import type { DateTime } from 'luxon';
import { loadConfig } from '../../config/index.js';
import type { DigestConfig, Edition } from '../../types.js';
import type { RenderedEdition } from '../../render/index.js';
import { renderReport, type FeedHealthNote } from '../../report/index.js';

export interface PreviewSnapshot {
  config: DigestConfig;
  edition: Edition;
  rendered: RenderedEdition;
  /** the email as the sample subscriber gets it */
  html: string;
  text: string;
  subject: string;
  report: string;
  /** ms the build took */
  ms: number;
}

export interface SnapshotOptions {
  /** fixed clock; default the real time at each build */
  now?: () => DateTime;
  offline?: boolean;
}

/** Throws UserError/ConfigError for bad config or templates (the preview shows them). */
export async function buildSnapshot(configFile: string, opts: SnapshotOptions): Promise<PreviewSnapshot> {
  const started = performance.now();
  const config = loadConfig(configFile);
  const { DateTime } = await import('luxon');
  const { buildEdition } = await import('../../pipeline/index.js');
  const { sampleMessage } = await import('../../pipeline/write.js');
  const { readHealth } = await import('../../fetch/index.js');
  const { edition, rendered } = await buildEdition(config, {
    now: opts.now?.() ?? DateTime.now(),
    offline: opts.offline,
    // a preview rebuild is not a run: it must not lengthen a feed's failure streak
    recordHealth: false,
  });
  const health = await readHealth(config.state);
  const sample = await sampleMessage(edition, rendered, config);
  const notes: Record<string, FeedHealthNote> = {};
  for (const [id, h] of Object.entries(health.feeds)) notes[id] = { consecutiveFailures: h.consecutiveFailures, lastSuccess: h.lastSuccess };
  return {
    config,
    edition,
    rendered,
    html: sample.html,
    text: sample.text,
    subject: sample.subject,
    report: renderReport(edition, { health: notes, shortened: rendered.shortened }),
    ms: Math.round(performance.now() - started),
  };
}
