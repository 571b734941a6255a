// An unsubscribe that lands while `digest send` runs is honoured for every message not yet handed to the SMTP
// server: the server holds the first message until the test has unsubscribed two later readers (one-click POST
// to `digest serve`, and `digest subscribers remove`), and neither of them gets the edition.
import { afterEach, describe, expect, it } from 'vitest';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import { runCli } from '../helpers/cli.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { UNSIGNED } from '../helpers/unsigned.js';
import { SECRET, countBy, sendHeldBehindFirst, type Sink } from './support.js';

let sink: Sink | undefined;
let served: Listening | undefined;
afterEach(async () => {
  await served?.stop();
  await sink?.close();
  sink = served = undefined;
});

describe('digest send while readers unsubscribe', () => {
  it('does not send to a reader who unsubscribed after the send began but before their message went out', async () => {
    // one connection: while the first message is held, the rest wait their turn (one of them already claimed)
    let env: Record<string, string> = {};
    let web!: Listening;
    const held = await sendHeldBehindFirst(async (ws, sendEnv) => {
      env = sendEnv;
      served = web = await startServe(ws.configFile, ws.dir, env);
    });
    sink = held.sink;
    const { ws, store, editionId: id, emails, ids, args, output, exited, waiting: queued } = held;
    const removedOne = emails.find((e) => e !== 'first@example.net' && e !== queued)!;
    const kept = emails.find((e) => e !== 'first@example.net' && e !== queued && e !== removedOne)!;

    // RFC 8058 one-click for the reader whose message waits, and the CLI removes one not yet claimed
    const token = new Tokens(SECRET, tokenScope(store)).sign(ids.get(queued)!, 'unsubscribe');
    const res = await fetch(`${web.url}/u/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(store.findSubscriber(queued)?.status).toBe('unsubscribed');
    const removed = await runCli(['subscribers', 'remove', removedOne, '--config', ws.configFile], { cwd: ws.dir });
    expect(removed.stdout).toBe(`removed ${removedOne}\n`);
    expect(sink.received).toHaveLength(0);

    held.release();
    expect(await exited).toBe(0);
    expect(output.err).toBe(UNSIGNED);
    expect(output.out).toMatch(/^edition 2026-11-23: sent 2, skipped 2, failed 0 \(4 recipients; 0 done by earlier runs\)$/m);
    expect(output.out).toContain('  skipped 1: now unsubscribed\n');
    expect(output.out).toContain('  skipped 1: removed from the list\n');

    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect(Object.fromEntries(perAddress)).toEqual({ 'first@example.net': 1, [kept]: 1 });
    // skipped, as if they had unsubscribed before the send: no attempt left behind to be counted as resent
    const rows = new Map(store.deliveries(id).map((d) => [d.email, d]));
    expect(rows.get(queued)).toMatchObject({ status: 'skipped', attempts: 0, lastError: 'now unsubscribed' });
    expect(rows.get(removedOne)).toMatchObject({ status: 'skipped', attempts: 0, lastError: 'removed from the list' });
    store.close();

    const again = await runCli(args.slice(1), { cwd: ws.dir, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^edition 2026-11-23: sent 0, skipped 0, failed 0 \(4 recipients; 4 done by earlier runs\)$/m);
    expect(sink.received).toHaveLength(2);
    expect(sink.errors).toEqual([]);
  }, 60_000);
});
