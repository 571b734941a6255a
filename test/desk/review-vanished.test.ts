// The "draft ready" mail names a correction the scheduled build found nothing to apply to (its items gone from the
// feeds since the editor made it), with the undo that takes it back, as `digest build` does, instead of telling the
// editors of a draft they take for corrected.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { rssFeed } from '../helpers/two-feeds.js';
import { startSink, type Sink } from '../deliver/support.js';
import { CLI_TIMEOUT, NOW, REVIEWED, SECRET, WIRE_ITEMS, addReader, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

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

describe('the draft-ready mail after a correction whose items left the feeds', () => {
  it('names the correction that no longer applies and its undo', async () => {
    // an editor read an early build and corrected it; then the wire dropped the Kremlin's refusal
    expect((await cli(['build', '--now', NOW])).code).toBe(0);
    const edit = await cli(['edit', 'summary', 'Kremlin rejects', 'Moscow says no, for now.', '--by', 'ed@desk.test']);
    expect(edit.code, edit.stderr).toBe(0);
    writeFileSync(path.join(ws.dir, 'feeds/wire.xml'), rssFeed(WIRE_ITEMS.filter((i) => i.id !== 'w-geneva')));

    const tick = await cli(['tick', '--now', '2026-11-23T07:05:00+02:00']);
    expect(tick.code, tick.stderr).toBe(0);
    expect(tick.stdout).toMatch(/draft built, editors told \(ed@desk\.test\)/);
    expect(sink.received).toHaveLength(1);
    const mail = await simpleParser(sink.received[0].raw);
    expect(mail.subject).toBe('Draft ready for review: Desk Watch · 2026-11-23 (4 stories)');
    expect(mail.text).toContain(
      'Correction #1 (summary, by ed@desk.test) no longer applies: its item is no longer in this edition; `digest edit undo 1` takes it back.',
    );
  }, CLI_TIMEOUT * 2);
});
