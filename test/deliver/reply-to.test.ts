// email.replyTo: every mail a subscriber gets (each copy of an edition, the confirmation, the welcome message)
// says where replies go, and a replyTo that is not one address stops the command with one line naming it.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { webAppPerTest } from '../helpers/web-app.js';
import { SECRET, makeEdition, makeWorkspace, startSink, writeEditionFile, type Sink } from './support.js';

const emailWith = (replyTo: string, extra = '') => `email:
  from: "Diplomacy Watch <digest@watch.example.org>"
  replyTo: ${JSON.stringify(replyTo)}
  baseUrl: https://digest.example.org
  address: "1 Example Street, Kyiv"
${extra}`;

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const startApp = webAppPerTest();

describe('email.replyTo', () => {
  it('is the Reply-To of every copy digest send delivers', async () => {
    const ws = makeWorkspace('', emailWith('Desk: Editors <editors@watch.example.org>'));
    writeEditionFile(ws.outDir, makeEdition());
    const store = openStore(ws.stateDir);
    store.addSubscriber({ email: 'alice@example.net' });
    store.addSubscriber({ email: 'bob@example.net' });
    store.close();
    sink = await startSink();
    const r = await runCli(['send', '--config', ws.configFile, '--edition', '2026-11-23'], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url } });
    expect(r.code, r.stderr).toBe(0);
    const mails = await sink.parsed();
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.replyTo?.value).toEqual([{ address: 'editors@watch.example.org', name: 'Desk: Editors' }]);
      expect(mail.from?.value).toEqual([{ address: 'digest@watch.example.org', name: 'Diplomacy Watch' }]);
    }
  }, 30_000);

  it('is the Reply-To of the confirmation and the welcome message', async () => {
    const app = await startApp({ email: emailWith('editors@watch.example.org', '  welcome: true\n') });
    await fetch(`${app.base}/subscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=reader%40example.net' });
    await app.sink.waitFor(() => app.sink.received.length === 1);
    const [confirm] = await app.sink.parsed();
    expect(confirm.replyTo?.text).toBe('editors@watch.example.org');
    const link = /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec(confirm.text!)![1];
    await fetch(`${app.base}${link}`);
    await app.sink.waitFor(() => app.sink.received.length === 2);
    const welcome = (await app.sink.parsed())[1];
    expect(welcome.subject).toMatch(/^Welcome/);
    expect(welcome.replyTo?.text).toBe('editors@watch.example.org');
  }, 30_000);

  it.each([
    ['no @', 'editors at watch.example.org'],
    ['two addresses', 'a@watch.example.org, b@watch.example.org'],
  ])('that is not one address (%s) is a config error naming it', async (_name, replyTo) => {
    const ws = makeWorkspace('', emailWith(replyTo));
    writeEditionFile(ws.outDir, makeEdition());
    const r = await runCli(['send', '--config', ws.configFile, '--edition', '2026-11-23', '--dry-run'], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `digest: digest.config.yaml: email.replyTo: expected one address like "editor@example.org" or "Editors <editor@example.org>", got ${JSON.stringify(replyTo)}`,
    ]);
  }, 30_000);
});
