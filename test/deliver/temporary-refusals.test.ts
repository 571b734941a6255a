// A 4xx is the server saying "not now": a rate limit at MAIL FROM, a full connection table greeted with 421.
// Neither is a wrong setting nor anyone's failure: the run backs off and goes on, it does not stop with advice
// to change email.from or DIGEST_SMTP_URL. Through `digest send` against a real smtp-server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countBy, startSink, READERS, workspaceWithReaders, runSend, type Sink } from './support.js';

// retries back off for seconds: allow for a busy two-core machine
vi.setConfig({ testTimeout: 180_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});




function expectEachOnce(s: Sink) {
  const perAddress = countBy(s.received, (m) => m.to.join(','));
  expect([...perAddress.keys()].sort()).toEqual([...READERS].sort());
  expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
}

describe('temporary refusals of the session', () => {
  it('a rate limit answered at MAIL FROM (451) is waited out, not taken for a refused sender', async () => {
    const { ws, id } = workspaceWithReaders(1);
    let mailFroms = 0;
    sink = await startSink({
      rejectMailFrom: () => (++mailFroms <= 2 ? { code: 451, text: '4.7.1 Rate limit exceeded, try again later' } : null),
    });
    const r = await runSend(ws, id, sink.url);
    expect(r.stdout + r.stderr).not.toMatch(/refused the sender|set email\.from/);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sent 5, skipped 0, failed 0 \(5 recipients; 0 done by earlier runs\)\n/);
    expectEachOnce(sink);
  });

  it('a connection greeted with 421 (the server takes fewer connections than delivery.connections) is retried, not a stop', async () => {
    const { ws, id } = workspaceWithReaders(3);
    sink = await startSink({ maxClients: 1 });
    const r = await runSend(ws, id, sink.url);
    expect(r.stdout + r.stderr).not.toMatch(/refused the session|check DIGEST_SMTP_URL/);
    // which message finds the one connection free is a matter of timing: one may use up its tries this run
    if (r.code !== 0) {
      expect(r.stdout).toMatch(/^ {2}\d message\(s\) undelivered/m);
      const again = await runSend(ws, id, sink.url);
      expect(again.code, again.stdout + again.stderr).toBe(0);
    } else {
      expect(r.stdout).toMatch(/sent 5, skipped 0, failed 0 \(5 recipients; 0 done by earlier runs\)\n/);
    }
    expectEachOnce(sink);
  });
});

describe('a message deferred at DATA', () => {
  it('(451 at the end of the message, a throttle) is retried with backoff like any deferral, not counted as refused', async () => {
    const { ws, id } = workspaceWithReaders(1);
    let answers = 0;
    sink = await startSink({ rejectData: () => (++answers <= 3 ? { code: 451, text: '4.7.1 Sending rate exceeded, try again later' } : null) });
    const r = await runSend(ws, id, sink.url);
    expect(r.stdout).not.toMatch(/refused \d+ messages in a row/);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sent 5, skipped 0, failed 0 \(5 recipients; 0 done by earlier runs\)\n/);
    expectEachOnce(sink);
  });
});
