// `review: required` without `reviewDeadline`, with a real SMTP sink: the scheduler says (one warning line) that
// nothing but an approval or the next edition closes a draft; the editors' mail says when the next edition replaces
// it; `digest status` shows how long it has waited and when it is replaced, or that it has waited longer than one
// schedule period. At the next firing the unapproved draft is closed unsent (skipped), its corrections staying with
// it, and the editors are told in the next draft's mail, instead of it staying a draft for ever while its
// introduction went into next week's edition.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/types.js';
import { UNSIGNED } from '../helpers/unsigned.js';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { CLI_TIMEOUT, SECRET, REVIEWED, addReader, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

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
const toEditor = () => sink.received.filter((m) => m.to.includes('ed@desk.test'));
const WARNING =
  'warning: digest.config.yaml: review: required without reviewDeadline: a draft nobody approves waits until the next edition is due, ' +
  'whose draft replaces it unsent; set reviewDeadline (e.g. 1d) to send or skip it sooner\n';

describe('review: required without reviewDeadline', () => {
  it('the tick that builds a draft warns once, and the editors are told when the next edition replaces it', async () => {
    const r = await cli(['tick', '--now', '2026-11-23T07:05:00+02:00']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^edition 2026-11-23 is due; draft built, editors told \(ed@desk\.test\); nothing is sent before it is approved; next edition at 2026-11-30T07:00/);
    expect(r.stderr).toBe(UNSIGNED + WARNING);
    const mail = await simpleParser(toEditor()[0].raw);
    expect(mail.text?.replace(/\s+/g, ' ')).toMatch(
      /Nothing is sent until an editor approves it; if nobody has when the next edition is due \(Mon 30 Nov 07:00 [^)]+\), that edition's draft replaces it and this one is not sent\./,
    );
    // waiting: no warning again
    const wait = await cli(['tick', '--now', '2026-11-24T07:00:00+02:00']);
    expect(wait.stdout).toMatch(/waiting for an editor to approve it/);
    expect(wait.stderr).toBe('');
    expect((await cli(['edit', 'intro', 'A week of refusals.', '--by', 'ed@desk.test'])).code).toBe(0);
  }, 2 * CLI_TIMEOUT);

  it('digest status says how long the draft has waited and when it is replaced, or that it waited longer than one period', async () => {
    const s = await cli(['status', '--now', '2026-11-25T12:00:00+02:00']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain('review      required by ed@desk.test; no reviewDeadline: an unapproved draft waits until the next edition replaces it, unsent\n');
    expect(s.stdout).toMatch(/draft {7}edition 2026-11-23: draft; .*waiting for approval since Mon 23 Nov 2026 07:05 \+02:00; unless approved, replaced unsent by the next edition at Mon 30 Nov 2026 07:00 \+02:00\n/);
    // the firing passed and nothing replaced it: the scheduler did not run
    const late = await cli(['status', '--now', '2026-12-01T09:00:00+02:00']);
    expect(late.stdout).toMatch(/waiting for approval since Mon 23 Nov 2026 07:05 \+02:00; longer than one schedule period: the next edition was due at Mon 30 Nov 2026 07:00 \+02:00 \(is the scheduler running\?\)\n/);
  }, CLI_TIMEOUT);

  it('at the next firing the unapproved draft is closed unsent, its corrections with it, and the editors are told', async () => {
    ws.addWireItems([
      { id: 'w-week2', title: 'Ukraine signs air defence deal with allies', link: 'https://wire.test/a/w-week2', date: '2026-11-27T09:00:00Z', body: 'Ukraine signed an air defence deal with its allies in Kyiv on Friday, officials said.' },
    ]);
    const plan = await cli(['tick', '--dry-run', '--now', '2026-11-30T07:01:00+02:00']);
    expect(plan.stdout).toContain('  would close edition 2026-11-23 unsent (never approved; skipped): draft 2026-11-30 replaces it\n  would build draft 2026-11-30');
    const r = await cli(['tick', '--now', '2026-11-30T07:01:00+02:00']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^edition 2026-11-30 is due; edition 2026-11-23, never approved, is closed unsent \(skipped\): edition 2026-11-30 replaces it; draft built, editors told \(ed@desk\.test\)/,
    );
    const notes = toEditor();
    expect(notes).toHaveLength(2);
    const mail = await simpleParser(notes[1].raw);
    expect(mail.subject).toMatch(/^Draft ready for review: Desk Watch · 2026-11-30/);
    expect(mail.text?.replace(/\s+/g, ' ')).toContain('Edition 2026-11-23 was not approved before this one was due: it is closed unsent, and this draft replaces it.');
    // the old draft's introduction is not next week's
    const next = JSON.parse(readFileSync(path.join(ws.outDir, '2026-11-30', 'digest.json'), 'utf8')) as Edition;
    expect(next.intro).toBeUndefined();
    expect((await cli(['edit', 'undo', '1'])).stderr).toBe('digest: correction #1 belongs to edition 2026-11-23, which is skipped; it can no longer be undone\n');
    expect(sink.received.filter((m) => m.to.includes('ann@reader.test'))).toHaveLength(0);
    const s = await cli(['status', '--now', '2026-11-30T08:00:00+02:00']);
    expect(s.stdout).toMatch(/draft {7}edition 2026-11-30: draft; .*waiting for approval since Mon 30 Nov 2026 07:01 \+02:00; unless approved, replaced unsent by the next edition at Mon 7 Dec 2026 07:00 \+02:00\n/);
  }, 2 * CLI_TIMEOUT);
});
