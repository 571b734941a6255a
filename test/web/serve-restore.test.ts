// A backup restored under a running `digest serve` (docs/operations.md, "Backups"): serve must not go on writing
// into the database it opened, which is no longer the file at its path, so an unsubscribe answered 200 there would
// be lost and the reader mailed again. It answers 503 (and /healthz says so) until restarted on the restored file.
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import { SECRET, makeWorkspace } from '../deliver/support.js';
import { startServe, type Listening } from '../helpers/serve.js';

let serve: Listening | undefined;
afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

const oneClick = (base: string, token: string) =>
  fetch(`${base}/u/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('digest serve and a database restored under it', () => {
  it('refuses requests with 503 instead of writing into the replaced file, and serves the restored one after a restart', async () => {
    const ws = makeWorkspace();
    const store = openStore(ws.stateDir);
    const ana = store.addSubscriber({ email: 'ana@reader.example' });
    const scope = tokenScope(store);
    store.close();
    const env = { DIGEST_SECRET: SECRET };
    serve = await startServe(ws.configFile, ws.dir, env);
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);

    // the backup and restore of the docs: SQLite's online backup, then the file put back (stale -wal/-shm deleted)
    const db = path.join(ws.stateDir, 'digest.db');
    const backup = path.join(ws.dir, 'backup.db');
    const source = new Database(db);
    await source.backup(backup);
    source.close();
    for (const stale of ['-wal', '-shm']) rmSync(db + stale, { force: true });
    renameSync(backup, db);

    const token = new Tokens(SECRET, scope).sign(ana.id, 'unsubscribe');
    const refused = await oneClick(serve.url, token);
    expect(refused.status).toBe(503);
    const health = await fetch(`${serve.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', error: expect.stringContaining('restart digest serve') });
    expect(serve.stderr()).toContain(`${db} was replaced or removed while digest serve was running`);

    await serve.stop();
    serve = await startServe(ws.configFile, ws.dir, env);
    expect((await oneClick(serve.url, token)).status).toBe(200);
    const after = openStore(ws.stateDir);
    expect(after.findSubscriber('ana@reader.example')!.status).toBe('unsubscribed');
    after.close();
  }, 120_000);
});
