// Exactly once across a crash: `digest send` is killed with SIGKILL while messages are in flight,
// then run again (delivers only the rest) and a third time (delivers nothing). And across a SIGTERM: what was
// handed to the server finishes, nothing else goes out, and a re-run sends the rest.
import { UNSIGNED } from '../helpers/unsigned.js';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { BIN, runCli } from '../helpers/cli.js';
import { SECRET, countBy, makeEdition, makeWorkspace, sendHeldBehindFirst, startSink, writeEditionFile, type Sink } from './support.js';

// DIGEST_BIN lets the suite run against another entry point (e.g. before the CLI is wired up).
const bin = process.env.DIGEST_BIN ?? BIN;
let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
});

describe('digest send after kill -9', () => {
  it('delivers every address exactly once over three runs', async () => {
    const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 3\n');
    const edition = makeEdition();
    writeEditionFile(ws.outDir, edition);
    const emails = Array.from({ length: 15 }, (_, i) => `reader${i + 1}@example.net`);
    const store = openStore(ws.stateDir);
    for (const email of emails) store.addSubscriber({ email });
    store.close();

    // a slow server that answers the first 5 messages and then holds the rest unanswered
    sink = await startSink({ delayMs: 40, acceptLimit: 5 });
    const env = { ...process.env, DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };
    const args = [bin, 'send', '--config', ws.configFile, '--edition', edition.edition.id, '--out', ws.outDir];
    const child = spawn(process.execPath, args, { cwd: ws.dir, env, stdio: 'pipe' });
    let childErr = '';
    child.stderr.on('data', (c) => (childErr += c));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ? null : code)));
    await sink.waitFor(() => sink!.received.length === 5 && sink!.held > 0, 30_000).catch((err) => {
      throw new Error(`${err.message}; child said: ${childErr}`);
    });
    // let the child record the five answers it got (reading the ledger while it runs: WAL)
    const watch = openStore(ws.stateDir);
    await sink.waitFor(() => watch.deliveryCounts(edition.edition.id).sent === 5, 15_000);
    watch.close();
    child.kill('SIGKILL');
    expect(await exited).toBeNull();
    expect(sink.received).toHaveLength(5);

    const mid = openStore(ws.stateDir);
    const counts = mid.deliveryCounts(edition.edition.id);
    const inFlight = mid.deliveries(edition.edition.id, ['queued']).filter((d) => d.attempts > 0);
    mid.close();
    expect(counts.sent).toBe(5);
    expect(inFlight.length).toBeGreaterThan(0); // handed to SMTP, outcome unknown when the process died

    sink.set({});
    const second = await runCli(args.slice(1), { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(second.stderr).toBe(UNSIGNED);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/sent 10, skipped 0, failed 0/);
    expect(second.stdout).toContain(`${inFlight.length} resent after an interrupted run`);

    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect([...perAddress.keys()].sort()).toEqual([...emails].sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);

    const third = await runCli(args.slice(1), { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/sent 0, skipped 0, failed 0 \(15 recipients; 15 done by earlier runs\)/);
    expect(sink.received).toHaveLength(15);
    expect(sink.errors).toEqual([]);
  }, 60_000);
});

describe('digest send on SIGTERM', () => {
  it('finishes the messages in flight, records them, reports the rest as undelivered, and a re-run completes', async () => {
    const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 2\n');
    const edition = makeEdition();
    writeEditionFile(ws.outDir, edition);
    const emails = Array.from({ length: 12 }, (_, i) => `reader${i + 1}@example.net`);
    const store = openStore(ws.stateDir);
    for (const email of emails) store.addSubscriber({ email });
    store.close();

    sink = await startSink({ delayMs: 150 });
    const env = { ...process.env, DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };
    const args = [bin, 'send', '--config', ws.configFile, '--edition', edition.edition.id, '--out', ws.outDir];
    const child = spawn(process.execPath, args, { cwd: ws.dir, env, stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await sink.waitFor(() => sink!.received.length >= 2, 30_000);
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    expect(out).toMatch(/stopped early: interrupted/);
    const first = sink.received.length;
    expect(first).toBeLessThan(12);

    const mid = openStore(ws.stateDir);
    // nothing left in the unknown state: every message handed to SMTP got its answer recorded
    expect(mid.deliveries(edition.edition.id, ['queued']).filter((d) => d.attempts > 0)).toEqual([]);
    expect(mid.deliveryCounts(edition.edition.id).sent).toBe(first);
    mid.close();

    sink.set({});
    const second = await runCli(args.slice(1), { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(second.code).toBe(0);
    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect([...perAddress.keys()].sort()).toEqual([...emails].sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it('sends nothing more after SIGTERM, not even a message claimed and waiting for the connection', async () => {
    // one connection: while the server holds the first message, the next is claimed and waits for that connection
    const held = await sendHeldBehindFirst();
    sink = held.sink;
    const { ws, store, editionId: id, emails, args, output, exited, child, waiting } = held;
    child.kill('SIGTERM');
    // the send has taken the signal in: only now may the server answer the first message
    await sink.waitFor(() => output.err.includes('SIGTERM: stopping'), 15_000);
    held.release();
    expect(await exited).toBe(1);
    expect(output.err).toBe(`${UNSIGNED}SIGTERM: stopping; the messages already handed to the SMTP server finish, nothing more goes out\n`);
    expect(output.out).toMatch(/^edition 2026-11-23: sent 1, skipped 0, failed 0 \(4 recipients; 0 done by earlier runs\)$/m);
    expect(output.out).toContain('  stopped early: interrupted\n');
    expect(output.out).toContain('  3 message(s) undelivered;');
    // what was handed over, and no more
    expect(sink.received.map((m) => m.to.join(','))).toEqual(['first@example.net']);
    // the waiting message's claim is undone: a re-run sends it as never tried, not as resent after an interrupted run
    expect(store.deliveries(id).find((d) => d.email === waiting)).toMatchObject({ status: 'queued', attempts: 0 });
    store.close();

    const again = await runCli(args.slice(1), { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^edition 2026-11-23: sent 3, skipped 0, failed 0 \(4 recipients; 1 done by earlier runs\)$/m);
    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect(Object.fromEntries(perAddress)).toEqual(Object.fromEntries(emails.map((e) => [e, 1])));
    expect(sink.errors).toEqual([]);
  }, 60_000);

  it('SIGHUP (the terminal of the session closed) stops the same way: what was on the wire is recorded, nothing is resent', async () => {
    const held = await sendHeldBehindFirst();
    sink = held.sink;
    const { ws, store, editionId: id, emails, args, output, exited, child } = held;
    child.kill('SIGHUP');
    await sink.waitFor(() => output.err.includes('SIGHUP: stopping'), 15_000);
    held.release();
    expect(await exited).toBe(1);
    expect(output.out).toMatch(/^edition 2026-11-23: sent 1, skipped 0, failed 0 \(4 recipients; 0 done by earlier runs\)$/m);
    expect(output.out).toContain('  stopped early: interrupted\n');
    expect(store.deliveries(id).find((d) => d.email === emails[0])).toMatchObject({ status: 'sent' });
    store.close();

    const again = await runCli(args.slice(1), { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^edition 2026-11-23: sent 3, skipped 0, failed 0 \(4 recipients; 1 done by earlier runs\)$/m);
    expect(again.stdout).not.toMatch(/resent/);
    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect(Object.fromEntries(perAddress)).toEqual(Object.fromEntries(emails.map((e) => [e, 1])));
  }, 60_000);
});
