// A recipient refused for policy (RFC 3463 5.7.x, such as a relay that will not relay without a login, or a block
// list; or a relay saying so in words only) is not the address's fault: no hard failure, and three in a row stop the
// run with every row retryable. A full mailbox (5.2.2) is the address's and still counts. Through `digest send`
// against a real smtp-server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { countBy, makeEdition, makeWorkspace, startSink, writeEditionFile, READERS, runSend, type Sink } from './support.js';

// several CLI runs per test: allow for a busy two-core machine
vi.setConfig({ testTimeout: 240_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});



describe('recipients refused for a reason that is not the address', () => {
  it('a relay that refuses to relay (554 5.7.1) for three editions drops nobody, says so, exits 1, and delivers each once when fixed', async () => {
    const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 1\n');
    const store = openStore(ws.stateDir);
    for (const email of READERS) store.addSubscriber({ email });
    store.close();
    sink = await startSink({ rejectRcpt: (a) => ({ code: 554, text: `5.7.1 <${a}>: Relay access denied` }) });
    const ids = ['2026-11-09', '2026-11-16', '2026-11-23'];
    for (const id of ids) {
      writeEditionFile(ws.outDir, makeEdition(id));
      const r = await runSend(ws, id, sink.url);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).not.toMatch(/\(permanent\)|bounced/);
      expect(r.stdout).toMatch(/stopped early: the SMTP server refused 3 messages in a row \(last: 554 5\.7\.1 .*Relay access denied/);
      expect(r.stdout).toMatch(/message\(s\) undelivered/);
    }
    const check = openStore(ws.stateDir);
    try {
      for (const s of check.listSubscribers()) expect(s, s.email).toMatchObject({ status: 'active', hardFailures: 0 });
      for (const id of ids) expect(check.deliveries(id).some((d) => d.permanent), id).toBe(false);
    } finally {
      check.close();
    }
    expect(sink.received).toHaveLength(0);

    sink.set({});
    const again = await runSend(ws, ids[2], sink.url);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/sent 5, skipped 0, failed 0 \(5 recipients; 0 done by earlier runs\)\n/);
    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect([...perAddress.keys()].sort()).toEqual([...READERS].sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
  });

  it('a relay that says so without an enhanced status (Exim: 550 relay not permitted) is refusing the message too, not the reader', async () => {
    const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 1\n');
    const edition = makeEdition();
    const id = edition.edition.id;
    writeEditionFile(ws.outDir, edition);
    const store = openStore(ws.stateDir);
    for (const email of READERS) store.addSubscriber({ email });
    store.close();
    sink = await startSink({ rejectRcpt: () => ({ code: 550, text: 'relay not permitted' }) });
    const r = await runSend(ws, id, sink.url);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).not.toMatch(/\(permanent\)/);
    expect(r.stdout).toMatch(/stopped early: the SMTP server refused 3 messages in a row \(last: 550 relay not permitted\)/);
    const check = openStore(ws.stateDir);
    try {
      for (const s of check.listSubscribers()) expect(s, s.email).toMatchObject({ status: 'active', hardFailures: 0 });
    } finally {
      check.close();
    }
  });

  it('a full mailbox (552 5.2.2) belongs to the address: counted against it as before; the others go out', async () => {
    const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 1\n');
    const edition = makeEdition();
    writeEditionFile(ws.outDir, edition);
    const store = openStore(ws.stateDir);
    for (const email of READERS) store.addSubscriber({ email });
    store.close();
    sink = await startSink({ rejectRcpt: (a) => (a === 'cleo@example.net' ? { code: 552, text: '5.2.2 Mailbox full' } : null) });
    const r = await runSend(ws, edition.edition.id, sink.url);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sent 4, skipped 0, failed 1/);
    expect(r.stdout).toMatch(/failed cleo@example\.net: 552 5\.2\.2 Mailbox full \(permanent\)/);
    const check = openStore(ws.stateDir);
    try {
      expect(check.findSubscriber('cleo@example.net')).toMatchObject({ status: 'active', hardFailures: 1 });
    } finally {
      check.close();
    }
  });
  it("one domain's filter refusing its readers for policy stops nobody else's copy, run after run", async () => {
    // three colleagues who subscribed together sit side by side in the list; their company refuses our mail
    const ws = makeWorkspace('delivery:\n  rate: 1000\n  connections: 1\n');
    const edition = makeEdition();
    const id = edition.edition.id;
    writeEditionFile(ws.outDir, edition);
    const colleagues = ['ann@corp.example', 'bob@corp.example', 'cat@corp.example', 'dee@corp.example'];
    const store = openStore(ws.stateDir);
    for (const email of [...colleagues, ...READERS]) store.addSubscriber({ email });
    store.close();
    sink = await startSink({ rejectRcpt: (a) => (a.endsWith('@corp.example') ? { code: 554, text: `5.7.1 <${a}>: Recipient address rejected: Access denied` } : null) });
    for (let run = 0; run < 2; run++) {
      const r = await runSend(ws, id, sink.url);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).not.toMatch(/stopped early/);
    }
    const perAddress = countBy(sink.received, (m) => m.to.join(','));
    expect([...perAddress.keys()].sort()).toEqual([...READERS].sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    const check = openStore(ws.stateDir);
    try {
      for (const email of colleagues) expect(check.findSubscriber(email), email).toMatchObject({ status: 'active', hardFailures: 0 });
      expect(check.deliveries(id).filter((d) => d.status === 'failed' && !d.permanent).map((d) => d.email).sort()).toEqual(colleagues);
    } finally {
      check.close();
    }
  });
});
