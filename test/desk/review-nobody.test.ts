// `review: required` with no active subscribers: the schedule still builds the draft once and mails it to
// the editors, saying that no reader would receive it; an approved edition then waits, approved, until
// someone subscribes, and goes out to them.
import { UNSIGNED } from '../helpers/unsigned.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { SECRET, makeDeskWorkspace, type DeskWorkspace, CLI_TIMEOUT } from './workspace.js';

let sink: Sink;
let ws: DeskWorkspace;

beforeAll(async () => {
  sink = await startSink();
  ws = makeDeskWorkspace('schedule: "0 7 * * 1"\nreview: required\neditors: [ed@desk.test, chief@desk.test]\n');
});
afterAll(async () => {
  await sink.close();
  ws.remove();
});

const cli = (args: string[]) => runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, timeoutMs: CLI_TIMEOUT });
const tick = (now: string) => cli(['tick', '--now', now]);

describe('review: required, nobody subscribed', () => {
  it('the dry run says the editors get the draft anyway', async () => {
    const r = await cli(['tick', '--dry-run', '--now', '2026-11-23T07:05:00+02:00']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('would tell the editors (ed@desk.test, chief@desk.test), saying that no reader would receive it (no active subscribers), and send it once approved');
    expect(sink.received).toHaveLength(0);
  }, CLI_TIMEOUT);

  it('mails the editors the draft once, saying no reader would receive it', async () => {
    const r = await tick('2026-11-23T07:05:00+02:00');
    // this config sets no reviewDeadline: said once, as the draft is built (review-no-deadline.test.ts)
    expect(r.stderr.startsWith(UNSIGNED)).toBe(true);
    expect(r.stderr.slice(UNSIGNED.length)).toMatch(/^warning: digest\.config\.yaml: review: required without reviewDeadline: [^\n]+\n$/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^edition 2026-11-23 is due; draft built, editors told \(no active subscribers: no reader would receive it as things stand\) \(ed@desk\.test, chief@desk\.test\)/);
    expect(sink.received.map((m) => m.to).sort()).toEqual([['chief@desk.test'], ['ed@desk.test']]);
    const mail = await simpleParser(sink.received[0].raw);
    expect(mail.subject).toBe('Draft ready for review: Desk Watch · 2026-11-23 (5 stories)');
    expect(mail.text).toContain('https://desk.test/desk');
    expect(mail.text).toContain('There are no active subscribers: as things stand no reader would receive this edition');

    // the next tick waits for the approval; it does not build or mail again
    const wait = await tick('2026-11-23T07:35:00+02:00');
    expect(wait.code, wait.stderr).toBe(0);
    expect(wait.stdout).toMatch(/waiting for an editor to approve it/);
    expect(sink.received).toHaveLength(2);
  }, CLI_TIMEOUT * 2);

  it('once approved it stays approved while nobody is subscribed, and goes out to the first subscriber', async () => {
    const approve = await cli(['approve', '--by', 'ed@desk.test']);
    expect(approve.code, approve.stderr).toBe(0);
    const nobody = await tick('2026-11-23T08:00:00+02:00');
    expect(nobody.code).toBe(1);
    expect(nobody.stdout).toBe('edition 2026-11-23 is approved but there are no active subscribers: nothing sent; it stays approved for the next tick\n');
    expect(sink.received).toHaveLength(2);

    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'ann@reader.test' });
    store.close();
    const sent = await tick('2026-11-23T08:30:00+02:00');
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/sent 1, failed 0/);
    expect(sink.received.filter((m) => m.to.includes('ann@reader.test'))).toHaveLength(1);
  }, CLI_TIMEOUT * 3);
});
