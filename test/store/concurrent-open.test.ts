// Processes that start at the same moment on one state folder (a cron tick, the web app restarted after an upgrade,
// an operator's command): on a fresh install none of them may take another's just-made database for a truncated
// one, and on an older database they must not each run the same migration. Real processes, started together.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../deliver/support.js';

const AT_ONCE = 4;
const ROUNDS = 3;

/** AT_ONCE `digest subscribers add` started together on one workspace; every one must succeed */
async function addTogether(ws: ReturnType<typeof makeWorkspace>, round: number, env: Record<string, string> = {}): Promise<string[]> {
  const addresses = Array.from({ length: AT_ONCE }, (_, i) => `r${round}-${i}@reader.example`);
  const runs = await Promise.all(addresses.map((a) => runCli(['subscribers', 'add', a, '--config', ws.configFile], { cwd: ws.dir, env, timeoutMs: 120_000 })));
  for (const r of runs) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  return addresses;
}

async function listed(ws: ReturnType<typeof makeWorkspace>): Promise<string[]> {
  const r = await runCli(['subscribers', 'list', '--json', '--config', ws.configFile], { cwd: ws.dir });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { email: string }[]).map((s) => s.email).sort();
}

/**
 * A file system without hard links (FAT, some network shares: link() fails with EPERM or EOPNOTSUPP), where a file
 * is slow to rename, as on a network share: loaded into each CLI process before the program.
 */
function noHardLinks(): Record<string, string> {
  const hook = path.join(mkdtempSync(path.join(tmpdir(), 'roundup-nolink-')), 'no-hard-links.mjs');
  writeFileSync(
    hook,
    `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const rename = fs.renameSync;
fs.linkSync = () => { throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' }); };
fs.renameSync = (from, to) => {
  if (String(to).endsWith('${DB_FILE}')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  return rename(from, to);
};
syncBuiltinESMExports();
`,
  );
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(hook).href}`.trim() };
}

describe('processes starting together on one state folder', () => {
  it('on a fresh install all make or open one database, none calls it truncated or fails in a migration', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const ws = makeWorkspace();
      const added = await addTogether(ws, round);
      expect(await listed(ws)).toEqual(added.sort());
    }
  }, 300_000);

  it('on a fresh install on a file system without hard links, every one of them works in the one database kept', async () => {
    const env = noHardLinks();
    for (let round = 0; round < ROUNDS; round++) {
      const ws = makeWorkspace();
      const added = await addTogether(ws, round, env);
      expect(await listed(ws)).toEqual(added.sort());
    }
  }, 300_000);

  it('on a database of an older version all migrate it once and go on', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const ws = makeWorkspace();
      mkdirSync(ws.stateDir, { recursive: true, mode: 0o700 });
      const old = new Database(path.join(ws.stateDir, DB_FILE));
      old.pragma('journal_mode = WAL');
      old.exec(MIGRATIONS[0]);
      old.pragma('user_version = 1');
      old.prepare(`INSERT INTO subscribers (email, email_key, status, created_at, updated_at) VALUES ('early@reader.example', 'early@reader.example', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).run();
      old.close();
      const added = await addTogether(ws, round);
      expect(await listed(ws)).toEqual(['early@reader.example', ...added].sort());
      const db = new Database(path.join(ws.stateDir, DB_FILE), { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      db.close();
    }
  }, 300_000);
});
