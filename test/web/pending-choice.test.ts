// Double opt-in decides on the owner's choice: a sign-up not yet confirmed cannot have its sections changed by
// someone else sending the form again with the same address. Each confirmation mail's link names the sections
// of the sign-up that sent it, and confirming applies those (as listmonk and Mailchimp do: the link decides).
// Through `digest serve` (a child process) and a real SMTP sink; the second part in-process, with no cool-down
// between notices, so that a second confirmation mail goes out at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { BIN } from '../helpers/cli.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { webAppPerTest } from '../helpers/web-app.js';
import { SECRET, makeWorkspace, startSink, type Sink, type Workspace } from '../deliver/support.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** the confirmation links mailed to `to`, in the order the mails arrived, as paths on the server */
async function confirmLinks(sink: Sink, to: string): Promise<string[]> {
  const mails = (await sink.parsed()).filter((m) => m.to && 'text' in m.to && m.to.text.includes(to) && (m.text ?? '').includes('/confirm/'));
  return mails.map((m) => /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec(m.text ?? '')![1]);
}

describe('a pending sign-up under digest serve', () => {
  let ws: Workspace;
  let sink: Sink;
  let served: Listening;
  let store: SqliteStore;

  beforeAll(async () => {
    ws = makeWorkspace();
    sink = await startSink();
    store = openStore(ws.stateDir);
    served = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, { bin: BIN });
  }, 30_000);

  afterAll(async () => {
    await served?.stop();
    store?.close();
    await sink?.close();
  });

  it('a stranger sending the form again with other sections does not change what the owner confirms', async () => {
    const base = served.url;
    const post = (body: string) => fetch(`${base}/subscribe`, { method: 'POST', headers: form, body });
    expect((await post('email=owner%40example.net&sections=arms')).status).toBe(200);
    await sink.waitFor(() => sink.received.some((m) => m.to.includes('owner@example.net')));
    const [link] = await confirmLinks(sink, 'owner@example.net');

    // before the owner clicks, someone else signs the same address up for another section
    expect((await post('email=owner%40example.net&sections=aid')).status).toBe(200);
    expect(store.findSubscriber('owner@example.net')!.sections).toEqual(['arms']);

    // the page the link opens says what it confirms, and the button confirms just that
    const page = await (await fetch(`${base}${link}`)).text();
    expect(page).toContain('Weapons &amp; strikes');
    expect(page).not.toContain('Aid &amp; reconstruction');
    const confirmed = await fetch(`${base}${link}`, { method: 'POST', headers: form, body: '' });
    expect(confirmed.status).toBe(200);
    const owner = store.findSubscriber('owner@example.net')!;
    expect(owner.status).toBe('active');
    expect(owner.sections).toEqual(['arms']);
  });

  it('a confirmation link whose sections were changed confirms nothing', async () => {
    const base = served.url;
    await fetch(`${base}/subscribe`, { method: 'POST', headers: form, body: 'email=careful%40example.net&sections=diplomacy' });
    await sink.waitFor(() => sink.received.some((m) => m.to.includes('careful@example.net')));
    const [link] = await confirmLinks(sink, 'careful@example.net');
    expect(link).toMatch(/\?sections=diplomacy$/);
    for (const forged of [link.replace(/diplomacy$/, 'aid'), link.replace(/\?.*$/, '')]) {
      const res = await fetch(`${base}${forged}`, { method: 'POST', headers: form, body: '' });
      expect(res.status, forged).toBe(400);
    }
    expect(store.findSubscriber('careful@example.net')!.status).toBe('pending');
  });
});

describe('confirmation mails of one pending address', () => {
  const startApp = webAppPerTest();

  it('each link confirms the sections of the sign-up that sent it; every section when none was ticked', async () => {
    const app = await startApp({ deps: { noticeCooldownMs: 0 } });
    const post = (body: string) => fetch(`${app.base}/subscribe`, { method: 'POST', headers: form, body });
    await post('email=twice%40example.net&sections=arms&sections=aid');
    await app.sink.waitFor(() => app.sink.received.length === 1);
    await post('email=twice%40example.net');
    await app.sink.waitFor(() => app.sink.received.length === 2);
    const [first, second] = await confirmLinks(app.sink, 'twice@example.net');
    expect(app.store.findSubscriber('twice@example.net')!.sections).toEqual(['arms', 'aid']);

    // the owner clicks the second mail: every section (none ticked), whatever the first sign-up stored
    expect((await fetch(`${app.base}${second}`, { method: 'POST', headers: form, body: '' })).status).toBe(200);
    expect(app.store.findSubscriber('twice@example.net')!).toMatchObject({ status: 'active', sections: null });
    // the first link, pressed later, finds the subscription confirmed and changes nothing
    expect((await fetch(`${app.base}${first}`, { method: 'POST', headers: form, body: '' })).status).toBe(200);
    expect(app.store.findSubscriber('twice@example.net')!.sections).toBeNull();
  });
});
