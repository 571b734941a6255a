// A process killed (kill -9, an OOM kill, a power cut) while it made a new database leaves the file it made under its
// own name, `digest.db.new-<pid>…`, with its -wal and -shm. The next command that opens the state folder removes
// those whose process is gone, and never the one a live process is making at that moment.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../deliver/support.js';

/** a pid that was a process a moment ago and is none now */
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
/** a live process, as one making its database right now is */
const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600_000)'], { stdio: 'ignore' });
afterAll(() => live.kill());

/** what a process killed while making the database leaves: the half-made file and its -wal and -shm */
function leaveCreation(stateDir: string, pid: number): void {
  const tmp = path.join(stateDir, `${DB_FILE}.new-${pid}`);
  const db = new Database(tmp);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE half (x)');
  writeFileSync(`${tmp}-wal`, 'wal');
  writeFileSync(`${tmp}-shm`, 'shm');
  db.close();
  writeFileSync(`${tmp}-wal`, 'wal');
  writeFileSync(`${tmp}-shm`, 'shm');
}

const leftovers = (stateDir: string) => readdirSync(stateDir).filter((f) => f.startsWith(`${DB_FILE}.new-`)).sort();

describe('a database creation cut short by a kill', () => {
  it('leaves nothing behind after the next command, on a fresh install and on one with a database, but a live creation', async () => {
    const ws = makeWorkspace();
    mkdirSync(ws.stateDir, { recursive: true, mode: 0o700 });
    const first = deadPid();
    leaveCreation(ws.stateDir, first);
    leaveCreation(ws.stateDir, live.pid!);
    const add = await runCli(['subscribers', 'add', 'first@reader.example', '--config', ws.configFile], { cwd: ws.dir });
    expect({ code: add.code, stderr: add.stderr }).toEqual({ code: 0, stderr: '' });
    expect(leftovers(ws.stateDir)).toEqual([`${DB_FILE}.new-${live.pid}`, `${DB_FILE}.new-${live.pid}-shm`, `${DB_FILE}.new-${live.pid}-wal`]);

    // a later kill, while another command made a database the first one then found (it is not the one in place)
    leaveCreation(ws.stateDir, deadPid());
    const second = await runCli(['subscribers', 'add', 'second@reader.example', '--config', ws.configFile], { cwd: ws.dir });
    expect(second.code, second.stderr).toBe(0);
    expect(leftovers(ws.stateDir)).toEqual([`${DB_FILE}.new-${live.pid}`, `${DB_FILE}.new-${live.pid}-shm`, `${DB_FILE}.new-${live.pid}-wal`]);
    const r = await runCli(['subscribers', 'list', '--json', '--config', ws.configFile], { cwd: ws.dir });
    expect((JSON.parse(r.stdout) as { email: string }[]).map((s) => s.email).sort()).toEqual(['first@reader.example', 'second@reader.example']);
  }, 120_000);
});
