// Generated feeds served over HTTP on loopback hosts 127.0.0.1…127.0.0.N, each feed with its own seeded
// latency: the "many publishers" that the fetch, rss2email and end-to-end benches read from.
import { seeded } from './random.js';
import { rssFeed, synthItems, type SynthItem } from './synth.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

export interface LocalFeeds {
  /** one URL per feed, feed f at index f */
  urls: string[];
  /** latency of each feed, ms, same order */
  latencies: number[];
  items: SynthItem[];
  requests: () => number;
  /** requests answered 304 Not Modified */
  notModified: () => number;
  close: () => Promise<void>;
}

export interface LocalFeedOptions {
  feeds: number;
  perFeed: number;
  /** loopback hosts to spread the feeds over (at most 254) */
  hosts?: number;
  /** [lowest, highest] latency in ms, drawn per feed */
  latency?: [number, number];
  seed?: number;
  /** items' publication times end here (default 2026-11-23T05:00Z) */
  end?: Date;
}

export async function serveLocalFeeds(opts: LocalFeedOptions): Promise<LocalFeeds> {
  const hosts = Math.min(254, Math.max(1, opts.hosts ?? 1));
  const [lo, hi] = opts.latency ?? [0, 0];
  const rand = seeded(opts.seed ?? 7);
  const items = synthItems(opts.feeds * opts.perFeed, { seed: opts.seed ?? 7, end: opts.end });
  const own: SynthItem[][] = Array.from({ length: opts.feeds }, () => []);
  items.forEach((it, i) => own[i % opts.feeds].push(it));
  const bodies: Map<string, string>[] = Array.from({ length: hosts }, () => new Map());
  const latencyByPath = new Map<string, number>();
  const latencies: number[] = [];
  for (let f = 0; f < opts.feeds; f++) {
    const p = `/feed-${f}.xml`;
    bodies[f % hosts].set(p, rssFeed(`Bench feed ${f}`, own[f]));
    const ms = lo + Math.floor(rand() * (hi - lo + 1));
    latencyByPath.set(p, ms);
    latencies.push(ms);
  }
  const servers: FeedServer[] = [];
  try {
    for (let h = 0; h < hosts; h++) servers.push(await startFeedServer(bodies[h], (p) => latencyByPath.get(p) ?? 0, `127.0.0.${h + 1}`));
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw err;
  }
  return {
    urls: Array.from({ length: opts.feeds }, (_, f) => `${servers[f % hosts].base}/feed-${f}.xml`),
    latencies,
    items,
    requests: () => servers.reduce((n, s) => n + s.requests(), 0),
    notModified: () => servers.reduce((n, s) => n + s.notModified(), 0),
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
