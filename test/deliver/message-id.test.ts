// A Message-ID names one message: mailbox providers drop a second message with the Message-ID of one they hold
// (Gmail does, silently). Two digests on one host, sending from one domain with one DIGEST_SECRET (as
// docs/operations.md allows), each send the same reader an edition of the same date: two messages, two Message-IDs.
// Through `digest send` against a real smtp-server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simpleParser } from 'mailparser';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { SECRET, makeEdition, makeWorkspace, startSink, writeEditionFile, type Sink } from './support.js';

vi.setConfig({ testTimeout: 120_000 });

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

describe('Message-ID', () => {
  it('differs between two digests that send the same reader an edition of the same date', async () => {
    sink = await startSink();
    const reader = 'ana@example.net';
    const digests = ['Diplomacy Watch', 'Aid Monitor'].map((title) => {
      const ws = makeWorkspace('delivery:\n  rate: 1000\n');
      const edition = makeEdition('2026-11-23');
      edition.edition.title = title;
      writeEditionFile(ws.outDir, edition);
      const store = openStore(ws.stateDir);
      store.addSubscriber({ email: reader });
      store.close();
      return ws;
    });
    for (const ws of digests) {
      const r = await runCli(['send', '--config', ws.configFile, '--edition', '2026-11-23', '--out', ws.outDir], {
        cwd: ws.dir,
        env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url },
      });
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
    expect(sink.received.map((m) => m.to.join(','))).toEqual([reader, reader]);
    const ids = await Promise.all(sink.received.map(async (m) => (await simpleParser(m.raw)).messageId));
    expect(ids[0]).toMatch(/^<digest\.2026-11-23\.[0-9a-f]+@watch\.example\.org>$/);
    expect(ids[1]).not.toBe(ids[0]);
    // each ledger holds the Message-ID its copy went out with (how a bounce quoting it is found)
    digests.forEach((ws, i) => {
      const store = openStore(ws.stateDir);
      try {
        expect(store.deliveries('2026-11-23')[0].messageId).toBe(ids[i]);
      } finally {
        store.close();
      }
    });
  });
});
