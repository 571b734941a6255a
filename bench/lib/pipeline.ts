// Run the real build on generated feeds served locally: the shared core of the end-to-end benches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { parseConfig } from '../../src/config/index.js';
import { buildEdition, type Stage } from '../../src/build/index.js';
import { seeded } from './random.js';
import { rssFeed, synthItems } from './synth.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

export interface PipelineRun {
  wallMs: number;
  stages: Record<string, number>;
  stories: number;
  items: number;
  requests: number;
}

/** Build one edition from `feeds` × `perFeed` items served by `hosts` loopback servers with the given latency. */
export async function runPipeline(opts: { feeds: number; perFeed: number; hosts?: number; latency?: [number, number]; seed?: number }): Promise<PipelineRun> {
  const total = opts.feeds * opts.perFeed;
  const items = synthItems(total, { seed: opts.seed ?? 7 });
  const rand = seeded(opts.seed ?? 7);
  const [lo, hi] = opts.latency ?? [0, 0];
  const hosts = opts.hosts ?? 1;
  const bodies: Map<string, string>[] = Array.from({ length: hosts }, () => new Map());
  for (let f = 0; f < opts.feeds; f++) {
    const own = items.filter((_, i) => i % opts.feeds === f);
    bodies[f % hosts].set(`/feed-${f}.xml`, rssFeed(`Bench feed ${f}`, own));
  }
  const latencyOf = new Map<string, number>();
  const latency = (p: string) => {
    if (!latencyOf.has(p)) latencyOf.set(p, lo + Math.floor(rand() * (hi - lo + 1)));
    return latencyOf.get(p)!;
  };
  const servers: FeedServer[] = [];
  for (let h = 0; h < hosts; h++) servers.push(await startFeedServer(bodies[h], latency, `127.0.0.${h + 1}`));
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-bench-'));
  try {
    const yaml = `title: Bench Watch
timezone: Europe/Kyiv
feeds:
${Array.from({ length: opts.feeds }, (_, f) => `  - name: Bench feed ${f}\n    id: f${f}\n    url: ${servers[f % hosts].base}/feed-${f}.xml`).join('\n')}
themes:
  - id: arms
    title: Weapons & strikes
    keywords: [air defence, fighter jet, missile, artillery shell, F-16]
  - id: talks
    title: Talks & diplomacy
    keywords: [ceasefire, talks, peace plan, sanctions, envoy]
  - id: home
    title: Home front
    keywords: [power grid, reconstruction, school]
state: state
fetch:
  allowPrivateNetworks: true
  retries: 0
`;
    const config = parseConfig(yaml, path.join(dir, 'bench.yaml'));
    const stages: Record<string, number> = {};
    const t0 = performance.now();
    const { edition } = await buildEdition(config, {
      now: DateTime.fromISO('2026-11-23T07:00:00+02:00', { setZone: true }),
      onStage: (s: Stage, ms: number) => (stages[s] = (stages[s] ?? 0) + ms),
    });
    const wallMs = performance.now() - t0;
    return {
      wallMs,
      stages,
      stories: edition.sections.reduce((n, s) => n + s.stories.length, 0),
      items: total,
      requests: servers.reduce((n, s) => n + s.requests(), 0),
    };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

export function shares(stages: Record<string, number>, wallMs: number): Record<string, string> {
  return Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, `${Math.round((v / wallMs) * 100)}%`]));
}
