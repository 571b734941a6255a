// The "Draft empty" mail to the editors, refused by the server (an SMTP outage, a policy refusal), is tried again by
// the next tick, as the "Draft ready" mail is, until an editor's server takes it, and never sent twice after: the
// tick that could not tell them says so and exits 1, instead of the editors never hearing of an edition that does not
// come. Against a real smtp-server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSink, type Sink } from '../deliver/support.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-empty-draft-retry-'));
const cfg = path.join(dir, 'digest.config.yaml');
const out = path.join(dir, 'out');
let sink: Sink;
let env: Record<string, string>;

const item = (guid: string, title: string, date: string) =>
  `<item><title>${title}</title><link>https://old.test.example/${guid}</link><guid>${guid}</guid><pubDate>${new Date(date).toUTCString()}</pubDate>` +
  `<description>${title}, ministers said on the day.</description></item>`;
const feed = (items: string) =>
  writeFileSync(path.join(dir, 'feed.xml'), `<?xml version="1.0"?><rss version="2.0"><channel><title>Old</title><link>https://old.test.example/</link>${items}</channel></rss>`);

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
  sink = await startSink();
  env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'empty-draft-secret-0123456789abcdef' };
  expect((await runCli(['subscribers', 'add', 'ana@reader.example', '--config', cfg], { env })).code).toBe(0);
});

afterAll(async () => {
  await sink?.close();
  rmSync(dir, { recursive: true, force: true });
});

const tick = (now: string) => runCli(['tick', '--config', cfg, '--out', out, '--now', now], { env });
const status = (now: string) => runCli(['status', '--config', cfg, '--now', now], { env });
const why = 'the one item its 1 feed gave was left out (1 outside window)';

describe('the "Draft empty" mail, refused', () => {
  it('is tried again by the next tick, and sent once', async () => {
    sink.set({ rejectRcpt: (a) => (a === 'ed@empty.example' ? { code: 550, text: '5.7.1 Relaying denied' } : null) });
    const refused = await tick('2026-11-23T07:05:00Z');
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stdout).toContain(`its draft was built and holds no story: ${why}; nothing to send (the next tick builds it again); could not tell ed@empty.example: `);
    expect(refused.stderr).toContain('digest: the editors were not told that the draft of edition 2026-11-23 is empty; the next tick tries again\n');
    expect(sink.received).toHaveLength(0);

    // the server takes mail again: the next tick tells them
    sink.set({});
    const told = await tick('2026-11-23T07:15:00Z');
    expect(told.code, told.stderr).toBe(0);
    expect(told.stdout).toContain(`; editors told it is empty (ed@empty.example)`);
    expect((await sink.parsed()).map((m) => m.subject)).toEqual(['Draft empty: Empty Watch · 2026-11-23 (no story)']);

    // and never again for this edition
    const again = await tick('2026-11-23T07:25:00Z');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`its draft was built and holds no story: ${why}; nothing to send`);
    expect(again.stdout).not.toContain('editors told');
    expect(sink.received).toHaveLength(1);
  });
});
