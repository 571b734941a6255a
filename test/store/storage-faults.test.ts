// Storage faults through the CLI: a zero-byte or damaged database, a read-only state folder, a full disk
// (also in the middle of a send). Each names the path and the fix in one line, loses nothing, and a
// re-run after the fix sends every address exactly once.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { BIN, runCli } from '../helpers/cli.js';
import { cannotMount, mountReadOnly, mountTmpfs, type Mounted } from '../helpers/mounts.js';
import { SECRET, countBy, makeEdition, makeWorkspace, startSink, writeEditionFile, type Sink } from '../deliver/support.js';

// several CLI runs per test: allow for a busy two-core machine
vi.setConfig({ testTimeout: 180_000 });

let mounted: Mounted[] = [];
let sink: Sink | undefined;
afterEach(async () => {
  for (const m of mounted.reverse()) m.unmount();
  mounted = [];
  await sink?.close();
  sink = undefined;
});

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |internal error/);

/** Write zeros until the file system says it is full. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
}

describe('a damaged database is named, never re-created', () => {
  it('refuses a zero-byte digest.db, says how to recover, and leaves the file alone', async () => {
    const ws = makeWorkspace();
    mkdirSync(ws.stateDir);
    const db = path.join(ws.stateDir, 'digest.db');
    writeFileSync(db, '');
    for (const args of [['subscribers', 'list'], ['subscribers', 'add', 'x@example.net']]) {
      const r = await runCli([...args, '--config', ws.configFile], { cwd: ws.dir });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(db);
      expect(r.stderr).toMatch(/empty \(0 bytes\).*backup/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(statSync(db).size).toBe(0);
  });

  it('names a file that is not a database and the way out', async () => {
    const ws = makeWorkspace();
    mkdirSync(ws.stateDir);
    const db = path.join(ws.stateDir, 'digest.db');
    writeFileSync(db, 'not a database, only some text\n'.repeat(300));
    const r = await runCli(['subscribers', 'list', '--config', ws.configFile], { cwd: ws.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(db);
    expect(r.stderr).toMatch(/damaged: restore it from a backup/);
    noStack(r.stderr);
  });

  it('creates the state folder 0700 and the database 0600', async () => {
    const ws = makeWorkspace();
    const r = await runCli(['subscribers', 'add', 'x@example.net', '--config', ws.configFile], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(ws.stateDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(ws.stateDir, 'digest.db')).mode & 0o777).toBe(0o600);
  });
});

describe.skipIf(cannotMount)(`read-only and full disks (${cannotMount ?? 'tmpfs and bind mounts'})`, () => {
  it('a read-only state folder: one line naming it, exit 1', async () => {
    const ws = makeWorkspace();
    expect((await runCli(['subscribers', 'add', 'a@example.net', '--config', ws.configFile], { cwd: ws.dir })).code).toBe(0);
    mounted.push(mountReadOnly(ws.stateDir));
    const r = await runCli(['subscribers', 'add', 'b@example.net', '--config', ws.configFile], { cwd: ws.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(ws.stateDir);
    expect(r.stderr).toMatch(/read-only/);
    noStack(r.stderr);
  });

  it('a full disk: one line naming the folder, exit 1, and the list is intact afterwards', async () => {
    const ws = makeWorkspace();
    mkdirSync(ws.stateDir);
    mounted.push(mountTmpfs(ws.stateDir, '4m'));
    expect((await runCli(['subscribers', 'add', 'a@example.net', '--config', ws.configFile], { cwd: ws.dir })).code).toBe(0);
    const filler = path.join(ws.stateDir, 'filler');
    fillDisk(filler);
    const r = await runCli(['subscribers', 'add', 'b@example.net', '--config', ws.configFile], { cwd: ws.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/disk is full: free some space/);
    noStack(r.stderr);
    rmSync(filler);
    const list = await runCli(['subscribers', 'list', '--config', ws.configFile], { cwd: ws.dir });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('a@example.net');
  });

  it('a full disk leaves no lock behind: the next send after freeing space is not blocked', async () => {
    const ws = makeWorkspace();
    const edition = makeEdition();
    writeEditionFile(ws.outDir, edition);
    mkdirSync(ws.stateDir);
    mounted.push(mountTmpfs(ws.stateDir, '16m'));
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'reader@example.net' });
    store.close();
    sink = await startSink();
    const env = { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };
    const args = ['send', '--config', ws.configFile, '--edition', edition.edition.id, '--out', ws.outDir];
    const filler = path.join(ws.stateDir, 'filler');
    fillDisk(filler);
    const full = await runCli(args, { cwd: ws.dir, env });
    expect(full.code, full.stdout + full.stderr).toBe(1);
    expect(full.stderr).toMatch(/disk is full|not enough free space/);
    noStack(full.stderr);
    expect(readdirSync(ws.stateDir).filter((f) => f.endsWith('.lock'))).toEqual([]);
    rmSync(filler);
    const again = await runCli(args, { cwd: ws.dir, env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(sink.received.map((m) => m.to.join(','))).toEqual(['reader@example.net']);
  });

  it('the disk fills up mid-send: the run stops, every accepted message is recorded, and the re-run sends no duplicate', async () => {
    const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 1\n');
    const edition = makeEdition();
    writeEditionFile(ws.outDir, edition);
    mkdirSync(ws.stateDir);
    mounted.push(mountTmpfs(ws.stateDir, '16m'));
    const emails = Array.from({ length: 20 }, (_, i) => `reader${i + 1}@example.net`);
    const store = openStore(ws.stateDir);
    for (const email of emails) store.addSubscriber({ email });
    store.close();

    // slow answers: 20 messages take seconds, so the disk fills up while most are still to go
    sink = await startSink({ delayMs: 400 });
    const env = { ...process.env, DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };
    const args = ['send', '--config', ws.configFile, '--edition', edition.edition.id, '--out', ws.outDir];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ws.dir, env, stdio: 'pipe' });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await sink.waitFor(() => sink!.received.length >= 3, 90_000);
    const filler = path.join(ws.stateDir, 'filler');
    fillDisk(filler);
    expect(await exited, out + err).toBe(1);
    expect(out).toMatch(/stopped early: .*digest\.db: cannot write the send ledger .*disk is full.*nothing more was sent/);
    noStack(err);
    const firstRun = sink.received.length;
    expect(firstRun).toBeLessThan(emails.length);

    // every message the server accepted is recorded as sent
    rmSync(filler);
    const mid = openStore(ws.stateDir);
    expect(mid.deliveryCounts(edition.edition.id).sent).toBe(firstRun);
    mid.close();

    const again = await runCli(args, { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect([...perAddress.keys()].sort()).toEqual([...emails].sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    expect(readFileSync(path.join(ws.outDir, edition.edition.id, 'digest.json'), 'utf8')).toContain(edition.edition.id);
  }, 240_000);
});
