// A rollback after an upgrade (docs/operations.md, "Upgrades and migrations"): an older Roundup opening a database a
// newer one migrated refuses it, naming the file and the way out, as an operator's error and not an "internal error".
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openStore } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeWorkspace } from '../deliver/support.js';

describe('a database from a newer Roundup', () => {
  it('is refused by every command in one line naming the file and the way out, and left as it was', async () => {
    const ws = makeWorkspace();
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'ana@reader.example' });
    store.close();
    const file = path.join(ws.stateDir, DB_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();

    for (const args of [['subscribers', 'list'], ['tick']]) {
      const r = await runCli([...args, '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: 'smtp://127.0.0.1:9' } });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('digest: ') && !l.includes('DKIM')), args.join(' ')).toEqual([
        `digest: ${file}: database schema version ${MIGRATIONS.length + 1} is newer than this program knows (${MIGRATIONS.length}): ` +
          'a newer Roundup wrote it; run that version again, or restore a backup taken before the upgrade',
      ]);
    }
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(after.prepare('SELECT email FROM subscribers').all()).toEqual([{ email: 'ana@reader.example' }]);
    after.close();
  });
});
