// The scheduler as a careless operator meets it: a schedule that never fires, and `digest run` whose schedule
// fires while the step before is still sending. Real SMTP sink, real clock only where `run` needs one.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSink, type Sink } from '../deliver/support.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

let sink: Sink;
let env: Record<string, string>;

beforeAll(async () => {
  sink = await startSink();
  env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: 'sched-hostile-secret-0123456789abcdef' };
});
afterAll(() => sink.close());

/** A config in a fresh folder: one feed (`feed.xml`, written by the caller), this schedule, UTC. */
function workspace(schedule: string): { dir: string; cfg: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-sched-'));
  const cfg = path.join(dir, 'digest.config.yaml');
  writeFileSync(
    cfg,
    `title: Sched Watch
timezone: UTC
schedule: "${schedule}"
feeds:
  - name: Now
    path: feed.xml
themes:
  - id: arms
    title: Arms
    keywords: [air defence]
email:
  from: "Sched Watch <digest@sched.example>"
  baseUrl: https://sched.example
  address: "1 Example Street, Kyiv"
state: state
`,
  );
  return { dir, cfg };
}

function feed(dates: Date[]): string {
  const items = dates.map(
    (d, i) => `<item><title>Country ${i} approves new air defence package for Ukraine</title><link>https://now.test.example/${i}</link><guid>now-${i}</guid>
<pubDate>${d.toUTCString()}</pubDate><description>Country ${i} approved a new air defence package for Ukraine.</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Now</title><link>https://now.test.example/</link>${items.join('')}</channel></rss>`;
}

describe('the scheduler, carelessly run', () => {
  it('refuses a schedule that never fires, naming it, instead of waiting forever', async () => {
    const { dir, cfg } = workspace('0 0 31 2 *');
    writeFileSync(path.join(dir, 'feed.xml'), feed([]));
    for (const cmd of ['tick', 'run']) {
      const r = await runCli([cmd, '--config', cfg], { env });
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr).toBe(`digest: ${cfg}: schedule: "0 0 31 2 *" never fires (no such date); expected a cron expression that does, such as "0 7 * * 1"\n`);
    }
  });
});
