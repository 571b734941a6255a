// Two digests on one host sharing DIGEST_SECRET (one env file, as docs/operations.md's systemd units have it) each
// have a reader 1. The links one digest mails (unsubscribe, confirm, preferences) must act on its own reader only:
// the same path on the other digest's site is a changed link, not the other reader's unsubscribe, and not a
// confirmation of a sign-up someone else typed in there. Links mailed before the tokens named the digest keep
// working for the readers who may hold them.
import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { openStore } from '../../src/store/index.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { SECRET, makeEdition, makeWorkspace, sendThroughSink, startSink, type Sink } from '../deliver/support.js';

const started: { stop(): Promise<void> | void }[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const s of started.splice(0).reverse()) await s.stop();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace() {
  const ws = makeWorkspace();
  folders.push(ws.dir);
  return ws;
}

async function serve(configFile: string, dir: string, sink: Sink): Promise<Listening> {
  const served = await startServe(configFile, dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url });
  started.push(served);
  return served;
}

const post = (url: string, body = '') => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
const statusIn = (stateDir: string, email: string) => {
  const store = openStore(stateDir);
  try {
    return store.findSubscriber(email)?.status;
  } finally {
    store.close();
  }
};

describe('two digests sharing DIGEST_SECRET', () => {
  it("a link one digest mailed does nothing to the other's reader of the same number", async () => {
    // digest A sends its edition to its reader 1; digest B has a reader 1 of its own
    const a = workspace();
    const b = workspace();
    const sent = await sendThroughSink(a, makeEdition(), [{ email: 'ana@example.net' }]);
    started.push({ stop: () => sent.sink.close() });
    expect(sent.code).toBe(0);
    const bStore = openStore(b.stateDir);
    expect(bStore.addSubscriber({ email: 'ben@example.net' }).id).toBe(1);
    bStore.close();

    const [mail] = await sent.sink.parsed();
    const unsubscribe = /^List-Unsubscribe: <https:\/\/digest\.example\.org(\/u\/[^>]+)>/m.exec(sent.sink.received[0].raw.toString('latin1'))![1];
    const preferences = /https:\/\/digest\.example\.org(\/preferences\/\S+)/.exec(mail.text ?? '')![1];

    const sink = await startSink();
    started.push({ stop: () => sink.close() });
    const bWeb = await serve(b.configFile, b.dir, sink);
    // RFC 8058 one-click of A's message, sent to B's site: a changed link, and B's reader 1 stays
    const oneClick = await post(`${bWeb.url}${unsubscribe}`, 'List-Unsubscribe=One-Click');
    expect(oneClick.status).toBe(400);
    expect((await fetch(`${bWeb.url}${preferences}`)).status).toBe(400);
    expect((await post(`${bWeb.url}${preferences}`, 'sections=aid')).status).toBe(400);
    expect(statusIn(b.stateDir, 'ben@example.net')).toBe('active');

    // on A's own site the same link works
    const aWeb = await serve(a.configFile, a.dir, sink);
    expect((await post(`${aWeb.url}${unsubscribe}`, 'List-Unsubscribe=One-Click')).status).toBe(200);
    expect(statusIn(a.stateDir, 'ana@example.net')).toBe('unsubscribed');
  }, 90_000);

  it("a confirmation link of one digest does not confirm a sign-up someone typed into the other's form", async () => {
    const a = workspace();
    const b = workspace();
    const sink = await startSink();
    started.push({ stop: () => sink.close() });
    const aWeb = await serve(a.configFile, a.dir, sink);
    const bWeb = await serve(b.configFile, b.dir, sink);
    // someone signs up to A with their own address, and types a stranger's into B's form: both are pending reader 1
    expect((await post(`${aWeb.url}/subscribe`, 'email=mallory%40example.net')).status).toBe(200);
    expect((await post(`${bWeb.url}/subscribe`, 'email=victim%40example.net')).status).toBe(200);
    await sink.waitFor(() => sink.received.length === 2);
    const own = (await sink.parsed()).find((m) => m.to && JSON.stringify(m.to).includes('mallory@example.net'))!;
    const confirm = /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec(own.text ?? '')![1];

    // their own confirmation link, used on B's site, confirms nothing there
    expect((await fetch(`${bWeb.url}${confirm}`)).status).toBe(400);
    expect((await post(`${bWeb.url}${confirm}`)).status).toBe(400);
    expect(statusIn(b.stateDir, 'victim@example.net')).toBe('pending');
    // and on A's it confirms their own
    expect((await post(`${aWeb.url}${confirm}`)).status).toBe(200);
    expect(statusIn(a.stateDir, 'mallory@example.net')).toBe('active');
  }, 90_000);

  it('an unsubscribe link mailed before the links named the digest still works for its reader, and for no reader who came later', async () => {
    const ws = workspace();
    const store = openStore(ws.stateDir);
    const early = store.addSubscriber({ email: 'early@example.net' });
    store.close();
    // the database as the version before left it: no record of the readers whose links name no digest
    const db = new Database(path.join(ws.stateDir, 'digest.db'));
    const version = db.pragma('user_version', { simple: true }) as number;
    db.prepare("DELETE FROM meta WHERE key = 'unscoped_links_up_to'").run();
    db.pragma(`user_version = ${version - 1}`);
    db.close();
    // the link that version mailed: its MAC over purpose and id alone
    const legacy = (id: number) => `${id.toString(36)}.${createHmac('sha256', SECRET).update(`roundup/unsubscribe/${id}`).digest('base64url')}`;

    const sink = await startSink();
    started.push({ stop: () => sink.close() });
    const web = await serve(ws.configFile, ws.dir, sink);
    const later = (() => {
      const s = openStore(ws.stateDir);
      try {
        return s.addSubscriber({ email: 'later@example.net' });
      } finally {
        s.close();
      }
    })();
    expect((await post(`${web.url}/u/${legacy(later.id)}`, 'List-Unsubscribe=One-Click')).status).toBe(400);
    expect(statusIn(ws.stateDir, 'later@example.net')).toBe('active');
    expect((await post(`${web.url}/u/${legacy(early.id)}`, 'List-Unsubscribe=One-Click')).status).toBe(200);
    expect(statusIn(ws.stateDir, 'early@example.net')).toBe('unsubscribed');
  }, 60_000);
});
