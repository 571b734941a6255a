// An upgrade as docs/operations.md tells it, from a real older release: Roundup 0.1.0 of 25 November 2026 (schema
// version 1, no desk, editions written to `out` in the folder the command ran in), taken from this checkout's history
// and run as it was. Its cron line ran from the service user's home, so its editions are there; its send of the first
// edition was cut short (one reader's server said "try later"). After the docs' steps (stop, back up, new code, `out:`
// naming where the editions are) the new release migrates the database, says where things stand, finishes that send
// without a second copy to anyone, serves the old editions in its archive and honours the unsubscribe links already
// mailed. Skipped where the checkout has no history (a shallow clone, a tarball).
import { execFile, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { startSink, type Sink } from '../deliver/support.js';
import { ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { startServe, type Listening } from '../helpers/serve.js';

/** Roundup 0.1.0: the last commit of 25 November 2026 */
const OLD_RELEASE = 'f0a550273fce56d7b0038a7d6b8f6d47efc21f70';
const history = spawnSync('git', ['-C', ROOT, 'cat-file', '-e', `${OLD_RELEASE}^{commit}`]).status === 0;
const SECRET = 'upgrade-test-secret-0123456789abcdef';

const dir = mkdtempSync(path.join(tmpdir(), 'roundup-upgrade-'));
/** the old release's checkout */
const oldCheckout = path.join(dir, 'old');
/** the digest: config and feeds, as /srv/roundup */
const site = path.join(dir, 'site');
/** the service user's home, where the old cron line ran `digest` */
const home = path.join(dir, 'home');
const configFile = path.join(site, 'digest.config.yaml');
let sink: Sink | undefined;
let serve: Listening | undefined;

afterAll(async () => {
  await serve?.stop();
  await sink?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** the old release's `digest ARGS…`, run from the home folder as its cron line did */
function oldDigest(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) =>
    execFile(process.execPath, [path.join(oldCheckout, 'bin/digest.js'), ...args, '--config', configFile], { cwd: home, env: { ...process.env, ...env }, timeout: 240_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    ),
  );
}
const newDigest = (args: string[], env: Record<string, string>) => runCli([...args, '--config', configFile], { cwd: home, env, timeoutMs: 240_000 });

describe.skipIf(!history)(`an upgrade from Roundup 0.1.0${history ? '' : ' (skipped: this checkout has no history to take the old release from)'}`, () => {
  it('keeps the list, finishes the send the old release began, serves its editions and honours its links', async () => {
    // the old release as it was checked out and installed (its CLI ran its TypeScript through tsx)
    mkdirSync(oldCheckout);
    const archive = spawnSync('git', ['-C', ROOT, 'archive', '--format=tar', OLD_RELEASE], { maxBuffer: 512 * 1024 * 1024 });
    expect(archive.status, String(archive.stderr)).toBe(0);
    expect(spawnSync('tar', ['-x', '-C', oldCheckout], { input: archive.stdout }).status).toBe(0);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(oldCheckout, 'node_modules'));
    // its sample digest, with its own state folder
    cpSync(path.join(oldCheckout, 'feeds'), site, { recursive: true });
    writeFileSync(configFile, readFileSync(path.join(site, 'example.config.yaml'), 'utf8').replace(/^state: .*$/m, 'state: .digest'));
    mkdirSync(home);

    sink = await startSink({ rejectRcpt: (a) => (a === 'bob@reader.example' ? { code: 450, text: '4.2.1 mailbox busy, try later' } : null) });
    const env = { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: SECRET };
    for (const a of ['ana@reader.example', 'bob@reader.example']) {
      const r = await oldDigest(['subscribers', 'add', a], env);
      expect(r.code, r.stderr).toBe(0);
    }
    const first = await oldDigest(['tick', '--now', '2026-11-23T07:05:00+02:00'], env);
    expect(first.stdout, first.stderr).toMatch(/^edition 2026-11-23 is due: sent 1, failed 1/);
    const oldMail = sink.received.find((m) => m.to.includes('ana@reader.example'))!.raw.toString('utf8');
    const unsubscribe = /^List-Unsubscribe: <(https:\/\/[^>]+)>/im.exec(oldMail)![1];

    // the docs' steps: the old release stopped (nothing runs), a backup, the new code; and, since the old cron line
    // ran from another folder, `out:` naming where its editions are
    const state = path.join(site, '.digest');
    copyFileSync(path.join(state, 'digest.db'), path.join(dir, 'backup.db'));
    appendFileSync(configFile, `\nout: ${path.relative(site, path.join(home, 'out'))}\n`);
    expect((await newDigest(['--version'], env)).code).toBe(0);

    const status = await newDigest(['status', '--now', '2026-11-23T09:00:00+02:00'], env);
    expect(status.code, status.stderr).toBe(0);
    const due = status.stdout.split('\n').find((l) => l.trimStart().startsWith('due '));
    expect(due).toMatch(/^ {2}due {9}edition 2026-11-23, since Mon 23 Nov 2026 07:00 \+02:00: 1 of its 2 recipients not reached yet; /);
    expect(status.stdout).toMatch(/subscribers 2 active/);

    sink.set({});
    const resumed = await newDigest(['tick', '--now', '2026-11-23T09:00:00+02:00'], env);
    expect(resumed.stdout, resumed.stderr).toMatch(/^edition 2026-11-23 is due: sent 1, failed 0 \(resumed the edition already built\)/);
    expect(sink.received.flatMap((m) => m.to).sort()).toEqual(['ana@reader.example', 'bob@reader.example']);
    const db = new Database(path.join(state, 'digest.db'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();

    // the web app on the upgraded state: the old release's edition in the archive, its unsubscribe link honoured
    serve = await startServe(configFile, site, env);
    const list = await fetch(`${serve.url}/archive`);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('archive/2026-11-23');
    expect((await fetch(`${serve.url}/archive/2026-11-23`)).status).toBe(200);
    const oneClick = await fetch(`${serve.url}${new URL(unsubscribe).pathname}`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);
    const listed = await newDigest(['subscribers', 'list', '--json'], env);
    expect((JSON.parse(listed.stdout) as { email: string; status: string }[]).map((s) => `${s.email} ${s.status}`).sort()).toEqual([
      'ana@reader.example unsubscribed',
      'bob@reader.example active',
    ]);
  }, 600_000);
});
