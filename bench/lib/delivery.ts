// Delivery benchmark (called by the bench harness, not a test): one edition to N subscribers through
// `sendEdition` (ledger writes, personalisation, composing, pooled SMTP) into a local smtp-server
// sink, against bare nodemailer pooled sending of one ready-made message to the same sink in the
// same run. Goal: digest ≥ 80% of bare throughput, memory flat (RSS does not grow with N).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { loadConfig } from '../../src/config/index.js';
import { composeMessage, editionWebUrl, personalize, renderEdition } from '../../src/render/index.js';
import { openStore } from '../../src/store/index.js';
import type { Edition, Story } from '../../src/types.js';
import { sendEdition } from '../../src/deliver/send.js';
import { createPoolSender } from '../../src/deliver/transport.js';
import { startSmtpSink } from './smtp-sink.js';

export interface DeliveryBenchOptions {
  subscribers?: number;
  connections?: number;
  /** messages in flight, both runs (default: sendEdition's own default, 2 × connections) */
  inFlight?: number;
}

export interface PhaseResult {
  messages: number;
  ms: number;
  perSecond: number;
  /** CPU time (user + system) of this process per message, sink included: steadier than wall time on a busy machine */
  cpuMsPerMessage: number;
  peakRssMb: number;
}

export interface DeliveryBenchResult {
  subscribers: number;
  connections: number;
  bare: PhaseResult;
  digest: PhaseResult;
  /** digest throughput / bare throughput (goal ≥ 0.8) */
  ratio: number;
  /** bare CPU per message / digest CPU per message: the same ratio, less sensitive to other load */
  cpuRatio: number;
  /** RSS at 10 % and at 100 % of the digest run: flat memory means these stay close */
  rssAt10PercentMb: number;
  rssAtEndMb: number;
  /**
   * Live heap after a full GC at 10 % and at 100 % of the digest run (null without --expose-gc): what the
   * run really retains, free of the garbage a lazy collector leaves in RSS. Flat memory keeps these equal.
   */
  heapAt10PercentMb: number | null;
  heapAtEndMb: number | null;
  /** messages the sink accepted (must equal 3 × subscribers: bare, digest, bare) */
  received: number;
}

export async function benchDelivery(opts: DeliveryBenchOptions = {}): Promise<DeliveryBenchResult> {
  const n = opts.subscribers ?? 10_000;
  const connections = opts.connections ?? 5;
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-bench-'));
  const sink = await startSmtpSink();
  const smtpUrl = sink.url;

  try {
    writeFileSync(path.join(dir, 'feed.xml'), '<rss version="2.0"><channel><title>bench</title></channel></rss>');
    const configFile = path.join(dir, 'digest.config.yaml');
    writeFileSync(configFile, BENCH_CONFIG);
    const config = loadConfig(configFile);
    const edition = benchEdition();
    const rendered = await renderEdition(edition, config);
    const store = openStore(config.state);
    store.importSubscribers(
      Array.from({ length: n }, (_, i) => ({ email: `reader${i}@bench.example.net`, sections: i % 3 === 0 ? ['arms'] : null })),
    );

    // bare: one ready message, every send queued at once on a nodemailer pool
    // one reader's copy, personalised like the real ones, so both runs move the same bytes
    const webUrl = editionWebUrl(config, edition.edition.id);
    const sample = personalize(rendered, edition, { email: 'reader@bench.example.net', unsubscribeUrl: `${config.email.baseUrl}/u/sample`, preferencesUrl: `${config.email.baseUrl}/preferences/sample` }, webUrl)!;
    const bareRaw = await composeMessage({
      from: config.email.from,
      to: 'reader@bench.example.net',
      subject: sample.subject,
      html: sample.html,
      text: sample.text,
      date: new Date(),
      messageId: '<bench@watch.example.org>',
    });
    // bare: the same ready-made message for everyone, same pool size and same messages in flight
    const inFlight = opts.inFlight ?? 2 * connections;
    const bareRun = () =>
      measure(n, async () => {
        const t = nodemailer.createTransport({ pool: true, url: smtpUrl, maxConnections: connections, maxMessages: 1000 });
        let next = 0;
        const worker = async () => {
          while (next < n) {
            const i = next++;
            await t.sendMail({ envelope: { from: 'digest@watch.example.org', to: [`reader${i}@bench.example.net`] }, raw: bareRaw });
          }
        };
        await Promise.all(Array.from({ length: inFlight }, worker));
        t.close();
      });
    // bare runs before and after the digest run; their mean evens out drift in a busy machine
    const bareBefore = await bareRun();

    const sender = createPoolSender({ smtpUrl, rate: 0, connections });
    let rssAt10 = 0;
    let heapAt10: number | null = null;
    const tenth = Math.max(1, Math.floor(n / 10));
    const watch = setInterval(() => {
      if (!rssAt10 && sink.received() - n >= tenth) {
        rssAt10 = process.memoryUsage.rss();
        heapAt10 = liveHeap();
      }
    }, 5);
    const digest = await measure(n, async () => {
      const summary = await sendEdition({
        store,
        config,
        edition,
        rendered,
        webUrl,
        concurrency: inFlight,
        secret: 'bench-secret-0123456789abcdef',
        sender,
      });
      if (summary.sent !== n) throw new Error(`bench: sent ${summary.sent} of ${n}`);
    });
    clearInterval(watch);
    const rssEnd = process.memoryUsage.rss();
    // measured while the run's store and edition are still held, as at the 10 % mark
    const heapEnd = liveHeap();
    sender.close();
    store.close();
    const bareAfter = await bareRun();
    const bare: PhaseResult = {
      messages: n,
      ms: Math.round((bareBefore.ms + bareAfter.ms) / 2),
      perSecond: Math.round((bareBefore.perSecond + bareAfter.perSecond) / 2),
      cpuMsPerMessage: round((bareBefore.cpuMsPerMessage + bareAfter.cpuMsPerMessage) / 2, 3),
      peakRssMb: Math.max(bareBefore.peakRssMb, bareAfter.peakRssMb),
    };
    return {
      subscribers: n,
      connections,
      bare,
      digest,
      ratio: round(digest.perSecond / bare.perSecond, 3),
      cpuRatio: round(bare.cpuMsPerMessage / digest.cpuMsPerMessage, 3),
      rssAt10PercentMb: mb(rssAt10),
      rssAtEndMb: mb(rssEnd),
      heapAt10PercentMb: heapAt10 === null ? null : mb(heapAt10),
      heapAtEndMb: heapEnd === null ? null : mb(heapEnd),
      received: sink.received(),
    };
  } finally {
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(messages: number, fn: () => Promise<void>): Promise<PhaseResult> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    await fn();
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  peak = Math.max(peak, process.memoryUsage.rss());
  return {
    messages,
    ms: Math.round(ms),
    perSecond: Math.round((messages / ms) * 1000),
    cpuMsPerMessage: round((used.user + used.system) / 1000 / messages, 3),
    peakRssMb: mb(peak),
  };
}

/** heap in use after a full collection, when the process runs with --expose-gc */
function liveHeap(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

const BENCH_CONFIG = `title: Diplomacy Watch
feeds:
  - name: Bench
    path: feed.xml
themes:
  - id: arms
    title: Weapons & strikes
  - id: diplomacy
    title: Peace diplomacy
email:
  from: "Diplomacy Watch <digest@watch.example.org>"
  baseUrl: https://digest.example.org
state: state
`;

/** Twelve invented stories in two sections, about the size of a real week. */
function benchEdition(): Edition {
  const story = (i: number): Story => ({
    id: `bench-${i}`,
    title: `Envoys report progress on item ${i} of the ceasefire agenda`,
    url: `https://news.example.org/bench/${i}`,
    summary:
      'Delegations met for a third day and said they had narrowed their differences on the sequence of steps, ' +
      'while cautioning that the hardest questions, on guarantees and monitoring, were still open.',
    published: '2026-11-20T10:00:00.000+02:00',
    sources: ['Wire One', 'Global Brief'],
    why: ['keyword: talks'],
    items: [{ feed: 'bench', guid: `g-${i}`, url: `https://news.example.org/bench/${i}`, title: `Item ${i}`, published: '2026-11-20T08:00:00.000Z' }],
  });
  return {
    edition: {
      id: '2026-11-23',
      title: 'Diplomacy Watch',
      timezone: 'UTC',
      start: '2026-11-16T07:00:00.000Z',
      end: '2026-11-23T07:00:00.000Z',
      generatedAt: '2026-11-23T07:00:00.000Z',
    },
    sections: [
      { id: 'arms', title: 'Weapons & strikes', stories: [0, 1, 2, 3, 4, 5].map(story) },
      { id: 'diplomacy', title: 'Peace diplomacy', stories: [6, 7, 8, 9, 10, 11].map(story) },
    ],
    excluded: [],
    feeds: [],
  };
}
