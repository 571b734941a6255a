// A file-size limit on the process (`ulimit -f`, systemd's LimitFSIZE=) while the disk has room: the ledger, the
// database or the send's reserve cannot grow. The error is one line naming the file and the limit (not a full disk to
// free, not a broken disk to restore), nothing is left half-written, and no reader gets a second copy.
// Through `digest send` under bash's ulimit, against a real smtp-server.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { SECRET, countBy, makeEdition, makeWorkspace, startSink, workspaceWithReaders, writeEditionFile, type Sink } from './support.js';

vi.setConfig({ testTimeout: 240_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |internal error/);

describe('digest send under a file-size limit', () => {
  it('a limit below the 4 MB reserve: one line naming the reserve file and the limit, nothing sent, nothing left behind', async () => {
    const { ws, id } = workspaceWithReaders(1);
    sink = await startSink();
    const args = ['send', '--config', ws.configFile, '--edition', id, '--out', ws.outDir];
    const env = { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };
    const r = await runCli(args, { cwd: ws.dir, env, fileLimitKiB: 1024 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('digest: ') && !l.startsWith('digest: warning:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/send\.reserve: .*file-size limit \(1 MB; ulimit -f; .*\), not a full disk: raise or remove the limit .*; nothing was sent$/);
    expect(r.stderr).not.toMatch(/free some space/);
    noStack(r.stderr);
    expect(sink.received).toHaveLength(0);
    expect(readdirSync(ws.stateDir).filter((f) => f.endsWith('.lock') || f === 'send.reserve')).toEqual([]);
    // without the limit the same command sends
    const again = await runCli(args, { cwd: ws.dir, env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(sink.received).toHaveLength(5);
    expect(existsSync(path.join(ws.stateDir, 'send.reserve'))).toBe(false);
  });

  it('the ledger reaching the limit mid-send: what the server accepted meanwhile is kept aside, and the re-run sends nobody a second copy', async () => {
    // past the 4 MB reserve; the database outgrows it after a few thousand messages, with messages on both connections
    const LIMIT_KIB = 4200;
    const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 2\n');
    const edition = makeEdition();
    const id = edition.edition.id;
    writeEditionFile(ws.outDir, edition);
    const emails = Array.from({ length: 6000 }, (_, i) => `reader${i}@example.net`);
    const store = openStore(ws.stateDir);
    store.transaction(() => emails.forEach((email) => store.addSubscriber({ email })));
    store.close();
    sink = await startSink();
    const env = { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };
    const args = ['send', '--config', ws.configFile, '--edition', id, '--out', ws.outDir];
    const first = await runCli(args, { cwd: ws.dir, env, fileLimitKiB: LIMIT_KIB, timeoutMs: 180_000 });
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toMatch(/stopped early: .*digest\.db: cannot write the send ledger .*file-size limit \(4\.1 MB; ulimit -f; .*nothing more was sent/);
    // a message the server accepted after the ledger stopped taking writes is written down, not left to be sent again
    expect(first.stdout).not.toMatch(/a re-run would send it again/);
    noStack(first.stderr);
    const firstRun = sink.received.length;
    expect(firstRun).toBeGreaterThan(1000);
    expect(firstRun).toBeLessThan(emails.length);

    // the limit lifted: each reader exactly once
    // rows claimed for messages still waiting for a connection when the run stopped (their claims could not be undone) are
    // sent now, once: they never reached the server
    const again = await runCli(args, { cwd: ws.dir, env, timeoutMs: 180_000 });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`sent ${emails.length - firstRun}, skipped 0, failed 0 \\(6000 recipients; ${firstRun} done by earlier runs(; \\d+ resent after an interrupted run)?\\)`));
    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect([...perAddress.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(perAddress.size).toBe(emails.length);
    expect(existsSync(path.join(ws.stateDir, 'send.accepted'))).toBe(false);
  });
});
