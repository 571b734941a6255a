// Run the real build on generated feeds served locally: the shared core of the end-to-end benches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { parseConfig } from '../../src/config/index.js';
import { buildEdition, type Stage } from '../../src/pipeline/index.js';
import { serveLocalFeeds } from './local-feeds.js';

export interface PipelineRun {
  wallMs: number;
  /** CPU time of this process over the build (user + system), ms */
  cpuMs: number;
  stages: Record<string, number>;
  stories: number;
  items: number;
  requests: number;
  /** mean of the feeds' seeded latencies, ms */
  meanLatencyMs: number;
}

/** Build one edition from `feeds` × `perFeed` items served by `hosts` loopback servers with the given latency. */
export async function runPipeline(opts: { feeds: number; perFeed: number; hosts?: number; latency?: [number, number]; seed?: number }): Promise<PipelineRun> {
  const local = await serveLocalFeeds({ feeds: opts.feeds, perFeed: opts.perFeed, hosts: opts.hosts ?? 1, latency: opts.latency, seed: opts.seed ?? 7 });
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-bench-'));
  try {
    const yaml = benchConfigYaml(local.urls, 'fetch:\n  allowPrivateNetworks: true\n  retries: 0\n');
    const config = parseConfig(yaml, path.join(dir, 'bench.yaml'));
    const stages: Record<string, number> = {};
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { edition } = await buildEdition(config, {
      now: DateTime.fromISO('2026-11-23T07:00:00+02:00', { setZone: true }),
      onStage: (s: Stage, ms: number) => (stages[s] = (stages[s] ?? 0) + ms),
    });
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return {
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      stages,
      stories: edition.sections.reduce((n, s) => n + s.stories.length, 0),
      items: opts.feeds * opts.perFeed,
      requests: local.requests(),
      meanLatencyMs: local.latencies.reduce((a, b) => a + b, 0) / Math.max(1, local.latencies.length),
    };
  } finally {
    await local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** each stage's share of the wall time, as "NN%" */
export function shares(stages: Record<string, number>, wallMs: number): Record<string, string> {
  return Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, `${Math.round((v / wallMs) * 100)}%`]));
}

/** each stage's time in seconds, two decimals */
export function stageSeconds(stages: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v / 10) / 100]));
}

/** The bench digest's config: the given feed URLs, the three running-example themes, and `extra` YAML at the end. */
export function benchConfigYaml(urls: string[], extra = ''): string {
  return `title: Bench Watch
timezone: Europe/Kyiv
feeds:
${urls.map((url, f) => `  - name: Bench feed ${f}\n    id: f${f}\n    url: ${url}`).join('\n')}
themes:
  - id: arms
    title: Weapons & strikes
    keywords: [air defence, fighter jet, missile, artillery shell, F-16, drones, tanks]
  - id: talks
    title: Talks & diplomacy
    keywords: [ceasefire, talks, peace plan, sanctions, envoy]
  - id: home
    title: Home front
    keywords: [power grid, reconstruction, school, hospital, housing]
state: state
${extra}`;
}
