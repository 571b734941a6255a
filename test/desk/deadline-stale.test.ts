// A draft waiting for review whose email no longer renders as it was written when its deadline comes (the config or
// the templates changed while it waited, or Roundup was upgraded under it): `onDeadline: send` builds it again in
// its own window, with its corrections, and sends it, instead of every tick after the deadline failing (exit 2) with
// "rebuild the draft" and the edition never going out; `digest approve` names the command that rebuilds that edition.
import { readFileSync, writeFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { CLI_TIMEOUT, SECRET, REVIEWED, addReader, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

let sink: Sink;
let ws: DeskWorkspace;

beforeAll(async () => {
  sink = await startSink();
  ws = makeDeskWorkspace(`${REVIEWED}reviewDeadline: 1h\nonDeadline: send\n`);
  addReader(ws, 'ann@reader.test');
});
afterAll(async () => {
  await sink?.close();
  ws?.remove();
});

const cli = (args: string[]) => runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, timeoutMs: CLI_TIMEOUT });
const toReader = () => sink.received.filter((m) => m.to.includes('ann@reader.test'));

describe('review deadline, the draft rendered by another config or templates', () => {
  it('is built again in its window and sent at the deadline; approve names the command that rebuilds it', async () => {
    const built = await cli(['tick', '--now', '2026-11-23T07:05:00+02:00']);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/draft built, editors told/);
    expect((await cli(['edit', 'intro', 'A week of long-range promises.', '--by', 'ed@desk.test'])).code).toBe(0);
    // while it waits, the footer's postal address is corrected
    writeFileSync(ws.configFile, readFileSync(ws.configFile, 'utf8').replace('1 Example Street, Kyiv', '2 New Street, Lviv'));

    const approve = await cli(['approve']);
    expect(approve.code).toBe(2);
    expect(approve.stderr).toMatch(/is not what .*digest\.json renders to with the current config and templates .*; rebuild it \(`digest build --now 2026-11-23T07:00:00\.000\+02:00`\), read it, then approve\n$/);

    const late = await cli(['tick', '--now', '2026-11-23T08:10:00+02:00']);
    expect(late.code, late.stderr).toBe(0);
    expect(late.stdout).toMatch(/^nobody approved edition 2026-11-23 by the review deadline .*; sending the draft as it stands: sent 1, failed 0/);
    expect(toReader()).toHaveLength(1);
    const mail = await simpleParser(toReader()[0].raw);
    expect(mail.text).toContain('2 New Street, Lviv');
    expect(mail.text).toContain('A week of long-range promises.'); // the editors' correction stays
    expect((await cli(['tick', '--now', '2026-11-23T08:20:00+02:00'])).stdout).toMatch(/nothing due: edition 2026-11-23 was already sent/);
    expect(toReader()).toHaveLength(1);
  }, 6 * CLI_TIMEOUT);
});
