// `digest tick` stopped with SIGTERM mid-send, as systemd stops roundup-tick.service (shutdown, `systemctl stop`,
// TimeoutStartSec=) and docker stops a container: the message in flight is finished and recorded, nothing more
// is taken, the locks are let go, and the next tick sends the rest, each address once.
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { BIN, runCli } from '../helpers/cli.js';
import { SECRET, countBy, startSink, type Sink } from '../deliver/support.js';
import { tempDir, writeDigest } from '../deploy/install.js';

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

// SIGHUP too: a tick started by hand whose terminal closes (an ssh session dropped) must not die with messages on the wire
describe.each(['SIGTERM', 'SIGHUP'] as const)('digest tick on %s', (signal) => {
  it('finishes and records the message in flight, releases its locks, and the next tick sends the rest once', async () => {
    const dir = tempDir('tick-signal');
    const configFile = writeDigest(dir);
    appendFileSync(configFile, '  connections: 1\n'); // under delivery: one message at a time
    const readers = Array.from({ length: 6 }, (_, i) => `reader${i + 1}@example.net`);
    const store = openStore(path.join(dir, '.digest'));
    for (const email of readers) store.addSubscriber({ email });
    store.close();

    // the server holds the second message unanswered until the test has sent the signal
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let asked = 0;
    sink = await startSink({ holdUntil: () => (++asked === 2 ? released : null) });
    const env = { ...process.env, DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };
    const child = spawn(process.execPath, [BIN, 'tick', '--config', configFile], { cwd: dir, env, stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    await sink.waitFor(() => sink!.held === 1, 150_000).catch((err) => {
      throw new Error(`${err.message}; tick said: ${out}`);
    });
    child.kill(signal);
    // give the signal time to arrive before the held message is answered (not needed for the outcome, only
    // so the message is truly in flight when the tick is told to stop)
    await new Promise((r) => setTimeout(r, 500));
    release();
    expect(await exited, out).toBe(1);
    expect(out).toMatch(/sent 2, failed 0/);
    expect(out).toMatch(/stopped early: interrupted/);
    expect(sink.received).toHaveLength(2);

    // and the message that waited for a connection when the signal came went nowhere: its claim is undone
    const db = new Database(path.join(dir, '.digest', 'digest.db'), { readonly: true });
    const claimed = db.prepare("SELECT email FROM deliveries WHERE status = 'queued' AND attempts > 0").all();
    db.close();
    expect(claimed).toEqual([]);
    for (const lock of ['schedule.lock', 'send.lock']) expect(existsSync(path.join(dir, '.digest', lock)), lock).toBe(false);

    // the message the server accepted after the signal is in the ledger: the next tick does not send it again
    const again = await runCli(['tick', '--config', configFile], { cwd: dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, timeoutMs: 150_000 });
    expect(again.code, again.stderr).toBe(0);
    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect([...perAddress.keys()].sort()).toEqual([...readers].sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
  }, 300_000);
});
