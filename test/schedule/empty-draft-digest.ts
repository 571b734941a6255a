// A digest whose one feed gives only an item long before the window, so the scheduler's draft holds no story, with
// editors who review its drafts and an smtp-server the mail goes to: what the "draft empty" tests share.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startSink, type Sink } from '../deliver/support.js';
import { runCli } from '../helpers/cli.js';

export const item = (guid: string, title: string, date: string) =>
  `<item><title>${title}</title><link>https://old.test.example/${guid}</link><guid>${guid}</guid><pubDate>${new Date(date).toUTCString()}</pubDate>` +
  `<description>${title}, ministers said on the day.</description></item>`;

/** why the draft is empty, as tick, status and the editors' mail say it */
export const EMPTY_WHY = 'the one item its 1 feed gave was left out (1 outside window)';

export interface EmptyDraftDigest {
  sink: Sink;
  /** replace the feed's items */
  feed: (items: string) => void;
  tick: (now: string) => ReturnType<typeof runCli>;
  status: (now: string) => ReturnType<typeof runCli>;
}

/** Sets the digest up before the file's tests (one subscriber) and removes it after; its parts once set up. */
export function emptyDraftDigest(prefix: string): EmptyDraftDigest {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const cfg = path.join(dir, 'digest.config.yaml');
  const out = path.join(dir, 'out');
  let env: Record<string, string> = {};
  const feed = (items: string) =>
    writeFileSync(path.join(dir, 'feed.xml'), `<?xml version="1.0"?><rss version="2.0"><channel><title>Old</title><link>https://old.test.example/</link>${items}</channel></rss>`);
  const digest: EmptyDraftDigest = {
    sink: undefined as unknown as Sink,
    feed,
    tick: (now) => runCli(['tick', '--config', cfg, '--out', out, '--now', now], { env }),
    status: (now) => runCli(['status', '--config', cfg, '--now', now], { env }),
  };

  beforeAll(async () => {
    feed(item('o1', 'Oslo approves F-16 fighter jet support package', '2025-01-01T10:00:00Z')); // long before the window
    writeFileSync(
      cfg,
      `title: Empty Watch
timezone: UTC
schedule: "0 7 * * 1"
feeds:
  - name: Old
    path: feed.xml
themes:
  - id: arms
    title: Arms
email:
  from: "Empty Watch <digest@empty.example>"
  baseUrl: https://empty.example
  address: "1 Example Street, Kyiv"
state: state
review: required
editors: [ed@empty.example]
reviewDeadline: 2h
`,
    );
    digest.sink = await startSink();
    env = { DIGEST_SMTP_URL: digest.sink.url, DIGEST_SECRET: 'empty-draft-secret-0123456789abcdef' };
    expect((await runCli(['subscribers', 'add', 'ana@reader.example', '--config', cfg], { env })).code).toBe(0);
  });

  afterAll(async () => {
    await digest.sink?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return digest;
}
