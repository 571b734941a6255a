// `digest send` as users run it: refuses without secrets, names a missing edition, dry-runs to
// out/<edition>/outbox/, and signs with DKIM (List-Unsubscribe-Post among the signed headers).
import { UNSIGNED } from '../helpers/unsigned.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { verifyDkim } from './dkim-verify.js';
import { SECRET, makeEdition, makeWorkspace, startSink, writeEditionFile, type Sink } from './support.js';

// dkimpy (Debian's python3-dkim) as an independent DKIM verifier; `.ci/run` installs it
const PYTHON = '/usr/bin/python3';
const dkimpy = spawnSync(PYTHON, ['-c', 'import dkim'], { encoding: 'utf8' }).status === 0;
const DKIMPY_VERIFY = [
  'import sys, dkim',
  'record = sys.argv[1].encode()',
  'ok = dkim.verify(sys.stdin.buffer.read(), dnsfunc=lambda name, timeout=5: record)',
  'print("pass" if ok else "fail")',
].join('\n');
function dkimpyVerifies(raw: Buffer, record: string): boolean {
  const r = spawnSync(PYTHON, ['-c', DKIMPY_VERIFY, record], { input: raw, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dkimpy failed: ${r.stderr}`);
  return r.stdout.trim() === 'pass';
}

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

describe('digest send (command line)', () => {
  it('send and serve refuse to start without their secrets, with one clear line', async () => {
    const ws = makeWorkspace();
    const noSecret = await runCli(['send', '--config', ws.configFile, '--edition', '2026-11-23'], { cwd: ws.dir, env: { DIGEST_SECRET: '', DIGEST_SMTP_URL: 'smtp://127.0.0.1:1' } });
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toMatch(/^digest: DIGEST_SECRET is not set: digest send needs it/);
    expect(noSecret.stderr.trim().split('\n')).toHaveLength(1);
    const noSmtp = await runCli(['send', '--config', ws.configFile, '--edition', '2026-11-23'], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: '' } });
    expect(noSmtp.code).toBe(2);
    expect(noSmtp.stderr).toMatch(/^digest: DIGEST_SMTP_URL is not set/);
    const serve = await runCli(['serve', '--config', ws.configFile, '--port', '0'], { cwd: ws.dir, env: { DIGEST_SECRET: '' } });
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/^digest: DIGEST_SECRET is not set: digest serve needs it/);
  }, 30_000);

  it('names a missing edition, and --dry-run writes one .eml per recipient without sending', async () => {
    const ws = makeWorkspace();
    const env = { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: '' };
    const missing = await runCli(['send', '--config', ws.configFile, '--edition', '2026-11-23', '--dry-run'], { cwd: ws.dir, env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/out\/2026-11-23\/digest\.json: no such edition; run `digest build` first/);

    writeEditionFile(ws.outDir, makeEdition());
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'alice@example.net' });
    store.addSubscriber({ email: 'bob@example.net', sections: ['aid'] }); // nothing for him this week
    store.close();
    const dry = await runCli(['send', '--config', ws.configFile, '--edition', '2026-11-23', '--dry-run'], { cwd: ws.dir, env });
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^dry run: edition 2026-11-23: wrote 1, skipped 1, failed 0/);
    const outbox = path.join(ws.outDir, '2026-11-23', 'outbox');
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    expect(readFileSync(path.join(outbox, files[0]), 'utf8')).toMatch(/^To: alice@example\.net\r$/m);
    const after = openStore(ws.stateDir);
    expect(after.deliveries('2026-11-23')).toEqual([]);
    after.close();
  }, 30_000);

  it('signs with DKIM from the configured key file, covering List-Unsubscribe-Post', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ws = makeWorkspace(
      '',
      'email:\n  from: "Diplomacy Watch <digest@watch.example.org>"\n  baseUrl: https://digest.example.org\n  address: 1 Example Street\n  dkim:\n    domain: watch.example.org\n    selector: s2026\n    keyFile: dkim.pem\n',
    );
    writeFileSync(path.join(ws.dir, 'dkim.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(loadConfig(ws.configFile).email.dkim?.selector).toBe('s2026');
    writeEditionFile(ws.outDir, makeEdition());
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'alice@example.net' });
    store.close();
    sink = await startSink();
    const r = await runCli(['send', '--config', ws.configFile, '--edition', '2026-11-23'], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(sink.received).toHaveLength(1);
    const check = verifyDkim(sink.received[0].raw, publicKey);
    expect(check).toMatchObject({ ok: true, domain: 'watch.example.org', selector: 's2026' });
    expect(check.signedHeaders).toEqual(expect.arrayContaining(['from', 'to', 'subject', 'date', 'message-id', 'list-id', 'list-unsubscribe', 'list-unsubscribe-post']));
    // and tampering with the one-click header breaks it
    const tampered = Buffer.from(sink.received[0].raw.toString('latin1').replace('List-Unsubscribe=One-Click', 'List-Unsubscribe=Two-Click'), 'latin1');
    expect(verifyDkim(tampered, publicKey).ok).toBe(false);
    // oversigned: From, Subject and both List-Unsubscribe headers are listed once more than they occur, so a
    // second one added on the way breaks the signature
    for (const name of ['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post']) {
      expect(check.signedHeaders.filter((h) => h === name)).toHaveLength(2);
    }
    const added = Buffer.concat([Buffer.from('From: "Bank" <alerts@bank.example>\r\n', 'latin1'), sink.received[0].raw]);
    const raw = sink.received[0].raw;
    const rawWithExtra = Buffer.from(raw.toString('latin1').replace('\r\n\r\n', '\r\nSubject: Act now\r\n\r\n'), 'latin1');
    expect(verifyDkim(rawWithExtra, publicKey).ok).toBe(false);
    // an independent verifier (dkimpy, Debian's python3-dkim), with the key published as DNS would
    const dns = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    if (!dkimpy) console.warn(`dkimpy not installed (apt-get install python3-dkim): the independent DKIM check was skipped`);
    else {
      expect(dkimpyVerifies(raw, dns)).toBe(true);
      expect(dkimpyVerifies(rawWithExtra, dns)).toBe(false);
      expect(dkimpyVerifies(added, dns)).toBe(false);
    }
  }, 30_000);
});

describe('digest send --build', () => {
  it('builds the edition now, writes it to out/, sends it, and a re-run resumes that same edition', async () => {
    const ws = makeWorkspace();
    // a local feed with two fresh items (invented text); neither matches a theme, so both land in "other"
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toUTCString();
    writeFileSync(
      path.join(ws.dir, 'feeds/sample.xml'),
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Sample wire</title><link>https://wire.example.org/</link>
<item><title>Harbour cranes repaired after winter storm</title><link>https://wire.example.org/a</link><guid>wire-a</guid><pubDate>${day(1)}</pubDate>
<description>Port workers finished repairing two cranes that a storm had damaged, the harbour authority said on Tuesday.</description></item>
<item><title>Rail link to the western border reopens</title><link>https://wire.example.org/b</link><guid>wire-b</guid><pubDate>${day(2)}</pubDate>
<description>Passenger trains are running again on the line after engineers replaced a damaged bridge section.</description></item>
</channel></rss>`,
    );
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'alice@example.net' });
    store.close();
    sink = await startSink();
    const env = { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };
    // without --build there is nothing approved to send
    const none = await runCli(['send', '--config', ws.configFile, '--out', ws.outDir], { cwd: ws.dir, env });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^digest: no approved edition to send: approve the draft first \(`digest approve`\), or build and send at once with `digest send --build`\n$/);
    expect(sink.received).toHaveLength(0);

    const first = await runCli(['send', '--build', '--config', ws.configFile, '--out', ws.outDir], { cwd: ws.dir, env });
    expect(first.stderr).toBe(UNSIGNED);
    expect(first.code).toBe(0);
    const id = /edition (\S+): sent 1,/.exec(first.stdout)?.[1];
    expect(id, first.stdout).toBeDefined();
    expect(readdirSync(path.join(ws.outDir, id!))).toEqual(expect.arrayContaining(['digest.json', 'digest.html', 'digest.txt', 'digest.eml']));
    const [mail] = await sink.parsed();
    expect(mail.text).toContain('Harbour cranes repaired after winter storm');

    const again = await runCli(['send', '--build', '--config', ws.configFile, '--out', ws.outDir], { cwd: ws.dir, env });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`resuming edition ${id} as first sent`);
    expect(again.stdout).toMatch(/sent 0, skipped 0, failed 0 \(1 recipients; 1 done by earlier runs\)/);
    expect(sink.received).toHaveLength(1);

    // what went out is now remembered for build's already-sent
    const after = openStore(ws.stateDir);
    expect([...after.sentItemKeys()].sort()).toEqual(['local-sample:wire-a', 'local-sample:wire-b']);
    after.close();
  }, 60_000);
});
