// SIGTERM while a message waits out its retry backoff (the server answered 451 to its recipient): `digest send` stops
// at once instead of sleeping on into docker's or systemd's SIGKILL, records the message as failed for now, not as
// claimed with its outcome unknown, and a re-run sends it exactly once, as a plain retry.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { BIN, runCli } from '../helpers/cli.js';
import { UNSIGNED } from '../helpers/unsigned.js';
import { SECRET, makeEdition, makeWorkspace, startSink, writeEditionFile, type Sink } from './support.js';

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

describe('digest send stopped during a retry backoff', () => {
  it('records the message as failed (not claimed), exits without waiting out the backoff, and a re-run sends it once', async () => {
    const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 1\n');
    const edition = makeEdition();
    const id = edition.edition.id;
    writeEditionFile(ws.outDir, edition);
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'greylisted@example.net' });
    store.close();

    // greylisting: every attempt of this run is told to come back later
    sink = await startSink({ rejectRcpt: () => ({ code: 451, text: '4.7.1 Greylisted, try again later' }) });
    const args = [BIN, 'send', '--config', ws.configFile, '--edition', id, '--out', ws.outDir];
    const child = spawn(process.execPath, args, { cwd: ws.dir, env: { ...process.env, DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, stdio: 'pipe' });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // the third refusal: the send now waits 2–4 s before its fourth and last attempt
    await sink.waitFor(() => sink!.rcptAttempts.get('greylisted@example.net') === 3, 30_000);
    child.kill('SIGTERM');
    expect(await exited, err).toBe(1);
    // it stopped in the backoff, without the last attempt (how soon is not timed: a busy machine may be slow to exit)
    expect(sink.rcptAttempts.get('greylisted@example.net')).toBe(3);
    expect(out).toContain('  stopped early: interrupted\n');

    // not left claimed (queued with attempts made: "outcome unknown", resent as after a crash): failed for now, retryable
    const mid = openStore(ws.stateDir);
    const [row] = mid.deliveries(id);
    mid.close();
    expect(row).toMatchObject({ email: 'greylisted@example.net', status: 'failed', attempts: 3 });
    expect(row).toMatchObject({ permanent: false, lastError: expect.stringContaining('451') });
    expect(sink.received).toEqual([]);

    sink.set({});
    const again = await runCli(args.slice(1), { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(again.stderr).toBe(UNSIGNED);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^edition 2026-11-23: sent 1, skipped 0, failed 0 \(1 recipients?; 0 done by earlier runs\)$/m);
    expect(again.stdout).not.toContain('resent after an interrupted run');
    expect(sink.received.map((m) => m.to.join(','))).toEqual(['greylisted@example.net']);
    const third = await runCli(args.slice(1), { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(third.code).toBe(0);
    expect(sink.received).toHaveLength(1);
  }, 60_000);
});
