// The "draft ready" mail of a draft whose stories are all in one section counts it in the singular, "2 stories in
// 1 section", as `digest build` does, instead of "in 1 sections".
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { CLI_TIMEOUT, NOW, REVIEWED, SECRET, addReader, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let sink: Sink;
let ws: DeskWorkspace;

beforeAll(async () => {
  sink = await startSink();
  ws = makeDeskWorkspace(REVIEWED);
  addReader(ws, 'ann@reader.test');
});
afterAll(async () => {
  await sink?.close();
  ws?.remove();
});

const cli = (args: string[]) => runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, timeoutMs: CLI_TIMEOUT });

describe('the draft-ready mail of a one-section draft', () => {
  it('says "1 section"', async () => {
    // an editor read an early build and kept the talks only
    expect((await cli(['build', '--now', NOW])).code).toBe(0);
    for (const story of ['Ukraine receives', 'Russia launches', 'Ukraine budget']) {
      const r = await cli(['edit', 'drop', story]);
      expect(r.code, r.stderr).toBe(0);
    }
    const tick = await cli(['tick', '--now', '2026-11-23T07:05:00+02:00']);
    expect(tick.code, tick.stderr).toBe(0);
    const mail = await simpleParser(sink.received[0].raw);
    expect(mail.text).toContain('The draft of Desk Watch, edition 2026-11-23, is ready for review: 2 stories in 1 section.\n\n- Talks & diplomacy: 2\n');
  }, CLI_TIMEOUT * 2);
});
