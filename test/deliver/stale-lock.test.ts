// Several `digest send` started together after a send was killed (its send.lock names a process that is gone): one
// of them takes the lock over and sends, the others say another send is running, and every reader gets one copy.
// (Their start-up varies far more than the instant in which two takers collide, so this seldom caught the race
// that let two of them take the lock; test/deliver/lock.test.ts races takers to catch that.)
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { BIN } from '../helpers/cli.js';
import { UNSIGNED } from '../helpers/unsigned.js';
import { SECRET, countBy, makeEdition, makeWorkspace, startSink, writeEditionFile, type Sink } from './support.js';

const SENDS = 3;
let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

describe('digest send after a killed send left its lock', () => {
  it('three sends started at once: one takes the lock over, the others refuse, each reader gets one copy', async () => {
    const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 1\n');
    const edition = makeEdition();
    const id = edition.edition.id;
    writeEditionFile(ws.outDir, edition);
    const emails = Array.from({ length: 4 }, (_, i) => `reader${i + 1}@example.net`);
    const store = openStore(ws.stateDir);
    for (const email of emails) store.addSubscriber({ email });
    store.close();
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
    writeFileSync(path.join(ws.stateDir, 'send.lock'), String(dead));

    // the server answers nothing until both sends have decided: the one sending holds its lock meanwhile
    let go!: () => void;
    const released = new Promise<void>((resolve) => (go = resolve));
    sink = await startSink({ holdUntil: () => released });
    const env = { ...process.env, DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };
    const args = [BIN, 'send', '--config', ws.configFile, '--edition', id, '--out', ws.outDir];
    const sends = Array.from({ length: SENDS }, () => {
      const child = spawn(process.execPath, args, { cwd: ws.dir, env, stdio: 'pipe' });
      const run = { pid: child.pid!, out: '', err: '', code: undefined as number | null | undefined };
      child.stdout.on('data', (c) => (run.out += c));
      child.stderr.on('data', (c) => (run.err += c));
      const exited = new Promise<void>((resolve) => child.on('exit', (code) => resolve(void (run.code = code))));
      return { run, exited };
    });
    // all but one have given up, or (the fault) two are sending, each on its own connection
    await sink.waitFor(() => sends.filter((s) => s.run.code !== undefined).length === SENDS - 1 || sink!.held >= 2, 30_000);
    go();
    await Promise.all(sends.map((s) => s.exited));

    const runs = sends.map((s) => s.run);
    const sent = runs.find((r) => r.code === 0);
    expect(runs.map((r) => r.code).sort()).toEqual([0, ...Array(SENDS - 1).fill(1)]);
    expect(sent!.err).toBe(UNSIGNED);
    expect(sent!.out).toMatch(/^edition 2026-11-23: sent 4, skipped 0, failed 0 \(4 recipients; 0 done by earlier runs\)$/m);
    for (const refused of runs.filter((r) => r !== sent)) {
      expect(refused.err).toBe(
        `digest: another "digest send" is running (pid ${sent!.pid}); wait for it, or remove ${path.join(ws.stateDir, 'send.lock')} if that is wrong\n`,
      );
    }
    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect(Object.fromEntries(perAddress)).toEqual(Object.fromEntries(emails.map((e) => [e, 1])));
    expect(sink.errors).toEqual([]);
  }, 60_000);
});
