// Two `digest mail` runs at once (cron and a hand, or `digest run`'s mail step and a hand), a real IMAP server
// (dovecot) and a real SMTP sink: an "unsubscribe" nothing vouches for gets its reader one link to confirm, not one
// per run. The race is made certain: the sink holds the first link mail unanswered, so the first run is still
// sending it (the request not yet recorded, the message not yet moved) while the other run reads the mailbox.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { BIN } from '../helpers/cli.js';
import { SECRET, makeWorkspace, startSink, type Sink, type Workspace } from '../deliver/support.js';
import { dovecotMissing, startDovecot, type Dovecot } from './dovecot.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const missing = dovecotMissing();
if (missing) console.warn(`skipping the IMAP tests: ${missing}`);
const READER = 'reader@example.net';
const WAITING = 'note: the bounce mailbox is being read by another process';

describe.skipIf(missing !== null)('two digest mail runs at once (real IMAP and SMTP servers)', () => {
  let ws: Workspace;
  let sink: Sink;
  let imap: Dovecot;
  let release!: () => void;

  beforeAll(async () => {
    ws = makeWorkspace('mailbox:\n  address: bounces@watch.example.org\n');
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: READER });
    store.close();
    const released = new Promise<void>((r) => (release = r));
    let first = true;
    sink = await startSink({
      holdUntil: () => {
        if (!first) return null;
        first = false;
        return released;
      },
    });
    imap = await startDovecot();
  }, 120_000);

  afterAll(async () => {
    release?.();
    await sink?.close();
    await imap?.stop();
  });

  const mail = () => {
    const child = spawn(process.execPath, [BIN, 'mail', '--config', ws.configFile], {
      cwd: ws.dir,
      env: { ...process.env, DIGEST_SECRET: SECRET, DIGEST_IMAP_URL: imap.url, DIGEST_SMTP_URL: sink.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run = { stdout: '', stderr: '', code: undefined as number | null | undefined };
    child.stdout.on('data', (c) => (run.stdout += c));
    child.stderr.on('data', (c) => (run.stderr += c));
    const exited = new Promise<void>((resolve) => child.once('exit', (code) => ((run.code = code), resolve())));
    return { run, exited };
  };
  const until = async (what: string, pred: () => boolean) => {
    const end = Date.now() + 180_000;
    while (!pred()) {
      if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('an "unsubscribe" nothing vouches for gets its reader one link to confirm, however many runs read it', async () => {
    await imap.append(
      readFileSync(path.join(FIXTURES, 'unsubscribe-plain.eml'), 'utf8').replace(/\{\{FROM\}\}/g, READER).replace('{{UNIQUE}}', 'twice-1').replace('{{SENDER_HEADERS}}', ''),
    );
    const a = mail();
    const b = mail();
    try {
      // one run is sending the link, held by the server; the other now either sends one too or waits for it
      await until('a link mail is on the wire', () => sink.held === 1);
      await until(
        'the other run sends a link too or waits for the first',
        () => sink.received.length > 0 || [a, b].some((x) => x.run.stderr.includes(WAITING) || x.run.code !== undefined),
      );
    } finally {
      release();
    }
    await Promise.all([a.exited, b.exited]);
    for (const x of [a, b]) expect(x.run.code, x.run.stderr).toBe(0);
    expect(sink.received.map((m) => m.to)).toEqual([[READER]]);
    // the second run waited for the first, then found the request answered and moved
    const second = [a, b].find((x) => x.run.stderr.includes(WAITING))!;
    expect(second.run.stderr).toMatch(/^note: the bounce mailbox is being read by another process \(pid \d+\); waiting for it \(up to 60 s\)\n$/);
    expect(second.run.stdout).toBe('INBOX: 0 messages; 0 handled (moved to Processed); 0 left in INBOX\n');
    expect(await imap.subjects('INBOX')).toEqual([]);
  }, 240_000);
});
