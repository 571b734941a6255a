// SMTP failures that are no subscriber's fault (login, sender, TLS, refused messages) stop the run with
// exit 1 and never count against an address; only a recipient-level 5xx does. Through `digest send`
// against a real smtp-server.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { SECRET, countBy, makeEdition, makeWorkspace, startSink, writeEditionFile, READERS, workspaceWithReaders, runSend, type Sink, type Workspace } from './support.js';

// several CLI runs per test: allow for a busy two-core machine
vi.setConfig({ testTimeout: 180_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});




/** Every reader still active, with no hard failure, and every ledger row retryable. */
function expectNobodyBlamed(ws: Workspace, id: string) {
  const store = openStore(ws.stateDir);
  try {
    for (const s of store.listSubscribers()) expect(s, s.email).toMatchObject({ status: 'active', hardFailures: 0 });
    const rows = store.deliveries(id);
    expect(rows.every((d) => d.status === 'queued' || (d.status === 'failed' && !d.permanent)), JSON.stringify(rows)).toBe(true);
    expect(store.deliveryCounts(id).sent).toBe(0);
  } finally {
    store.close();
  }
}

/** A refused session: nobody failed, one line says what to fix, and every row is still queued as planned. */
function expectSessionStop(ws: Workspace, id: string, r: { code: number; stdout: string; stderr: string }, line: RegExp) {
  expect(r.code, r.stdout + r.stderr).toBe(1);
  expect(r.stdout).toMatch(/sent 0, skipped 0, failed 0 \(5 recipients; 0 done by earlier runs\)\n/);
  expect(r.stdout).not.toMatch(/^ {2}failed |\(permanent\)|bounced|resent/m);
  const stops = r.stdout.split('\n').filter((l) => l.includes('stopped early'));
  expect(stops).toHaveLength(1);
  expect(stops[0]).toMatch(line);
  expect(r.stdout).toMatch(/5 message\(s\) undelivered/);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  const store = openStore(ws.stateDir);
  try {
    expect(store.deliveries(id).map((d) => [d.status, d.attempts, d.lastError])).toEqual(READERS.map(() => ['queued', 0, null]));
  } finally {
    store.close();
  }
}

describe('SMTP session failures', () => {
  it('a login refused with 535 stops the run, exit 1, three times over, and nobody is bounced; fixed credentials deliver each once', async () => {
    const { ws, id } = workspaceWithReaders(2);
    sink = await startSink({ auth: { user: 'digest', pass: 'right' } });
    const wrong = `smtp://digest:wrong@127.0.0.1:${sink.port}`;
    for (let run = 1; run <= 3; run++) {
      const r = await runSend(ws, id, wrong);
      expectSessionStop(ws, id, r, /stopped early: the SMTP server refused the login \(535 .*\): check the user and password in DIGEST_SMTP_URL; .*nobody is counted as failed/);
      expectNobodyBlamed(ws, id);
    }
    expect(sink.received).toHaveLength(0);

    const right = await runSend(ws, id, `smtp://digest:right@127.0.0.1:${sink.port}`);
    expect(right.code, right.stdout + right.stderr).toBe(0);
    expect(right.stdout).toMatch(/sent 5, skipped 0, failed 0 \(5 recipients; 0 done by earlier runs\)\n/);
    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect([...perAddress.keys()].sort()).toEqual([...READERS].sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
  }, 240_000);

  it('a login required but not given (530) is a session failure too', async () => {
    const { ws, id } = workspaceWithReaders(2);
    sink = await startSink({ auth: { user: 'digest', pass: 'right' } });
    const r = await runSend(ws, id, sink.url);
    expectSessionStop(ws, id, r, /stopped early: the SMTP server refused the login \(530 .*\): check the user and password in DIGEST_SMTP_URL/);
    expectNobodyBlamed(ws, id);
  });

  it('a refused sender (MAIL FROM 550) stops the run and blames no recipient; a sender it accepts then delivers each once', async () => {
    const { ws, id } = workspaceWithReaders(2);
    sink = await startSink({ rejectMailFrom: () => ({ code: 550, text: 'Sender address rejected: not owned by user' }) });
    const r = await runSend(ws, id, sink.url);
    expectSessionStop(ws, id, r, /stopped early: the SMTP server refused the sender digest@watch\.example\.org \(550 .*\(at MAIL FROM\)\): set email\.from to an address the server lets you send from; /);
    expect(sink.rcptAttempts.size).toBe(0);
    expectNobodyBlamed(ws, id);

    sink.set({});
    const again = await runSend(ws, id, sink.url);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/sent 5, skipped 0, failed 0 \(5 recipients; 0 done by earlier runs\)\n/);
    expect(sink.received.map((m) => m.to.join(',')).sort()).toEqual([...READERS].sort());
  });

  it('a sending limit answered to MAIL FROM (550 5.4.5) is said as such, not as a sender to change', async () => {
    const { ws, id } = workspaceWithReaders(2);
    sink = await startSink({ rejectMailFrom: () => ({ code: 550, text: '5.4.5 Daily user sending limit exceeded' }) });
    const r = await runSend(ws, id, sink.url);
    expect(r.stdout).not.toMatch(/set email\.from|refused the sender/);
    expectSessionStop(ws, id, r, /stopped early: the SMTP server takes no more mail from this account for now \(550 5\.4\.5 Daily user sending limit exceeded \(at MAIL FROM\)\): the account's or the provider's sending limit is reached; /);
    expectNobodyBlamed(ws, id);
  });

  it('a TLS failure (smtps:// to a plain server) stops the run and blames nobody', async () => {
    const { ws, id } = workspaceWithReaders(2);
    sink = await startSink();
    const r = await runSend(ws, id, `smtps://127.0.0.1:${sink.port}`);
    expect(r.code).toBe(1);
    // one line that says what happened and what to check, not OpenSSL's text; no retries
    expect(r.stdout).toMatch(
      /stopped early: TLS with the SMTP server failed \(the server answered in plain text, not TLS\): smtps:\/\/ speaks TLS from the start \(port 465\), smtp:\/\/ upgrades with STARTTLS/,
    );
    expect(r.stdout + r.stderr).not.toMatch(/SSL routines|ESOCKET/);
    expect(r.stdout).toMatch(/sent 0, skipped 0, failed 0/);
    expectNobodyBlamed(ws, id);
  });

  it('a server that cannot be reached blames nobody, and the next run counts no message as resent', async () => {
    const { ws, id } = workspaceWithReaders(2);
    sink = await startSink();
    const port = sink.port;
    await sink.close(); // nothing listens there now: every connection is refused
    sink = undefined;
    const refused = await runSend(ws, id, `smtp://127.0.0.1:${port}`);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/stopped early: the SMTP server could not be reached/);
    expectNobodyBlamed(ws, id);
    sink = await startSink();
    const again = await runSend(ws, id, sink.url);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/sent 5, skipped 0, failed 0 \(5 recipients; 0 done by earlier runs\)\n/);
    expect(sink.received.map((m) => m.to.join(',')).sort()).toEqual([...READERS].sort());
  });

  it('messages refused at DATA are nobody’s hard failure; three in a row stop the run', async () => {
    const { ws, id } = workspaceWithReaders(2);
    sink = await startSink({ rejectData: () => ({ code: 554, text: 'Message rejected: sending quota exceeded' }) });
    const r = await runSend(ws, id, sink.url);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stopped early: the SMTP server refused 3 messages in a row/);
    expectNobodyBlamed(ws, id);
  });

  it('only a recipient-level 5xx counts against that address, and the others still go out', async () => {
    const { ws, id } = workspaceWithReaders(2);
    sink = await startSink({ rejectRcpt: (a) => (a === 'cleo@example.net' ? { code: 550, text: 'No such user' } : null) });
    const r = await runSend(ws, id, sink.url);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sent 4, skipped 0, failed 1/);
    expect(r.stdout).toMatch(/failed cleo@example\.net: 550 .*\(permanent\)/);
    const store = openStore(ws.stateDir);
    expect(store.findSubscriber('cleo@example.net')).toMatchObject({ status: 'active', hardFailures: 1 });
    expect(store.findSubscriber('ana@example.net')).toMatchObject({ hardFailures: 0 });
    store.close();
  });
});

describe('nobody to send to', () => {
  it('does not consume the edition: exit 1 with the reason, and it goes out once someone subscribes', async () => {
    const ws = makeWorkspace('delivery:\n  rate: 1000\n');
    const edition = makeEdition();
    writeEditionFile(ws.outDir, edition);
    sink = await startSink();
    const first = await runSend(ws, edition.edition.id, sink.url);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/not sent: no active subscribers/);
    const store = openStore(ws.stateDir);
    // not consumed: nothing planned, nothing sent (the edition stays approved, issue 17)
    expect(store.deliveries(edition.edition.id)).toEqual([]);
    expect(store.getEdition(edition.edition.id)?.sentAt ?? null).toBeNull();
    store.addSubscriber({ email: 'late@example.net' });
    store.close();
    const second = await runSend(ws, edition.edition.id, sink.url);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/sent 1, /);
    expect(sink.received.map((m) => m.to[0])).toEqual(['late@example.net']);
  });

  it('a due tick with nobody subscribed builds nothing, records nothing, exits 1 and says why', async () => {
    const ws = makeWorkspace();
    const r = await runCli(['tick', '--config', ws.configFile, '--now', '2026-11-23T07:00:00+02:00', '--out', ws.outDir], {
      cwd: ws.dir,
      env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: 'smtp://127.0.0.1:9' },
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/edition 2026-11-23 is due but there are no active subscribers: nothing built or sent; it stays due/);
    expect(r.stderr).toMatch(/^digest: no active subscribers/m);
    expect(existsSync(ws.outDir)).toBe(false);
    const store = openStore(ws.stateDir);
    expect(store.getEdition('2026-11-23')).toBeNull();
    store.close();
  });
});
