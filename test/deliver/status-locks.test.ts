// An operator who finds a send (or a scheduler step) running, or a lock a killed one left, asks `digest status`:
// it names who holds each lock (pid, host, since when), and says in one line when its holder is gone and the next
// command takes the lock over. A real `digest send`, held by the SMTP server in the middle of its message.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { BIN, runCli } from '../helpers/cli.js';
import { SECRET, makeEdition, makeWorkspace, startSink, writeEditionFile, type Sink } from './support.js';

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

interface LockJson {
  name: string;
  pid: number | null;
  host: string;
  since: string | null;
  state: string;
}

describe('digest status and the lock files', () => {
  it('names the pid, host and start of a send that is running', async () => {
    const ws = makeWorkspace();
    const edition = makeEdition();
    writeEditionFile(ws.outDir, edition);
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'ana@example.net' });
    store.close();

    let go!: () => void;
    const released = new Promise<void>((resolve) => (go = resolve));
    sink = await startSink({ holdUntil: () => released });
    const before = Date.now();
    const args = [BIN, 'send', '--config', ws.configFile, '--edition', edition.edition.id, '--out', ws.outDir];
    const child = spawn(process.execPath, args, { cwd: ws.dir, env: { ...process.env, DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await sink.waitFor(() => sink!.held === 1, 60_000);
      const text = await runCli(['status', '--config', ws.configFile], { cwd: ws.dir });
      expect(text.code, text.stderr).toBe(0);
      const json = await runCli(['status', '--json', '--config', ws.configFile], { cwd: ws.dir });
      const locks = (JSON.parse(json.stdout) as { locks: LockJson[] }).locks;
      expect(locks).toMatchObject([{ name: 'send.lock', pid: child.pid, host: hostname(), state: 'held' }]);
      const since = Date.parse(locks[0].since!);
      expect(since).toBeGreaterThanOrEqual(before - 1000);
      expect(since).toBeLessThanOrEqual(Date.now());
      expect(text.stdout).toMatch(new RegExp(`^  running     a send: pid ${child.pid} on ${hostname()} since \\w{3} \\d+ \\w{3} \\d{4} \\d\\d:\\d\\d [+-]\\d\\d:\\d\\d \\(send\\.lock\\)$`, 'm'));
    } finally {
      go();
    }
    expect(await exited).toBe(0);
    const after = await runCli(['status', '--config', ws.configFile], { cwd: ws.dir });
    expect(after.stdout).not.toMatch(/^  (running|stale lock) /m);
  }, 120_000);

  it('says in one line that a lock whose process is gone is stale and taken over by the next command that needs it', async () => {
    const ws = makeWorkspace();
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
    const store = openStore(ws.stateDir);
    store.close();
    // as a killed send of this version leaves it: pid, host, since when
    writeFileSync(path.join(ws.stateDir, 'send.lock'), `${dead} ${hostname()} 2026-11-23T05:00:02.000Z`);
    const r = await runCli(['status', '--config', ws.configFile], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /send\.lock/.test(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      new RegExp(
        `^  stale lock  send\\.lock: left by pid ${dead} on ${hostname()} since Mon 23 Nov 2026 07:00 \\+02:00, last touched .+; ` +
          'that process is gone: the next command that needs it takes it over$',
      ),
    );
  }, 60_000);
});
