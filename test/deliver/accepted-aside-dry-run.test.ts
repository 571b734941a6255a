// Messages the server accepted after the ledger stopped taking writes are written down in send.accepted (a file-size
// limit, a disk full past the reserve), and the next send records them as sent. What reads the ledger to say what is
// left (`send --dry-run`, `tick --dry-run`, `status`) must read them so too, not list those readers as still to send.
// Through the CLI, against a real smtp-server.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { putAside, ASIDE_FILE } from '../../src/deliver/accepted-aside.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { countBy, READERS, runSend, SECRET, startSink, workspaceWithReaders, type Sink } from './support.js';

// retries back off for seconds, and several CLI runs: allow for a busy two-core machine
vi.setConfig({ testTimeout: 240_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

// the edition of the support files fires Monday 23 Nov 2026 07:00 in Kyiv; an hour later it is still due
const NOW = '2026-11-23T06:00:00Z';

describe('messages kept aside in send.accepted', () => {
  it('send --dry-run, tick --dry-run and status count them as sent, and the real send sends them to nobody again', async () => {
    const { ws, id } = workspaceWithReaders(1);
    const deferred = READERS.slice(0, 2);
    // the first run: two readers' servers defer; their rows stay to be tried again
    sink = await startSink({ rejectRcpt: (a) => (deferred.includes(a) ? { code: 451, text: '4.3.0 try again later' } : null) });
    const first = await runSend(ws, id, sink.url);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toMatch(/sent 3, skipped 0, failed 2/);
    // a later run had both accepted while its ledger could not grow: written down beside it, as the ledger does
    const store = openStore(ws.stateDir);
    const rows = store.deliveries(id).filter((d) => deferred.includes(d.email));
    store.close();
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(putAside(path.join(ws.stateDir, ASIDE_FILE), rows.map((r) => ({ editionId: id, email: r.email, messageId: r.messageId! })))).toBe(true);
    sink.set({});
    const env = { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };

    const dry = await runCli(['send', '--config', ws.configFile, '--edition', id, '--out', ws.outDir, '--dry-run'], { cwd: ws.dir, env });
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/dry run: edition 2026-11-23: wrote 0, skipped 0, failed 0 \(5 recipients; 5 done by earlier runs\)/);
    const outbox = path.join(ws.outDir, id, 'outbox');
    expect(existsSync(outbox) ? readdirSync(outbox) : []).toEqual([]);

    const tick = await runCli(['tick', '--config', ws.configFile, '--out', ws.outDir, '--now', NOW, '--dry-run'], { cwd: ws.dir, env });
    expect(tick.code, tick.stdout + tick.stderr).toBe(0);
    expect(tick.stdout).toMatch(/0 recipient\(s\) left of the 5 planned/);

    const status = await runCli(['status', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, env });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/last sent +edition 2026-11-23 at .*: 5 sent, 0 failed, 0 skipped/);
    expect(status.stdout).toMatch(/due +edition 2026-11-23, .*: all its 5 recipients reached/);
    expect(status.stdout).not.toMatch(/not reached yet/);

    // the real send records them as sent and sends nobody a second copy
    const again = await runSend(ws, id, sink.url);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/sent 0, skipped 0, failed 0 \(5 recipients; 5 done by earlier runs\)/);
    expect([...countBy(sink.received, (m) => m.to.join(',')).keys()].sort()).toEqual(READERS.filter((r) => !deferred.includes(r)).sort());
    expect(existsSync(path.join(ws.stateDir, ASIDE_FILE))).toBe(false);
  });
});
