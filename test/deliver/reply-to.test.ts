// email.replyTo: every mail a subscriber gets (each copy of an edition, the confirmation, the welcome message)
// says where replies go, and a replyTo that is not one address stops the command with one line naming it. Addresses
// with a domain in another script (replyTo, the bounce mailbox) go out in ASCII, as punycode.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { webAppPerTest } from '../helpers/web-app.js';
import { SECRET, makeEdition, makeWorkspace, sendThroughSink, writeEditionFile, type Sink } from './support.js';

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
    const r = await sendThroughSink(ws, makeEdition(), [{ email: 'alice@example.net' }, { email: 'bob@example.net' }]);
    sink = r.sink;
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
    await fetch(`${app.base}${link}`, { method: 'POST' });
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

describe('addresses with a domain in another script', () => {
  it('go out in ASCII: Reply-To, the bounce envelope and the List-Unsubscribe mailto on the punycode domain', async () => {
    const ws = makeWorkspace('mailbox:\n  address: bounces@пример.укр\n', emailWith('Редакція <editors@пример.укр>'));
    const r = await sendThroughSink(ws, makeEdition(), [{ email: 'alice@example.net' }]);
    sink = r.sink;
    expect(r.code, r.stderr).toBe(0);
    const [received] = sink.received;
    expect(received.raw.every((byte) => byte < 0x80)).toBe(true);
    // the bounce envelope reaches the right domain (smtp-server reads it back in Unicode)
    expect(received.from).toMatch(/^bounces\+[0-9a-z.-]+@пример\.укр$/);
    const head = received.raw.toString('latin1').split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
    expect(head).toMatch(/^Reply-To: .* <editors@xn--e1afmkfd\.xn--j1amh>$/m);
    expect(head).toMatch(/^List-Unsubscribe: <https:\/\/digest\.example\.org\/u\/[^>]+>, <mailto:bounces\+u\.[0-9a-z.]+@xn--e1afmkfd\.xn--j1amh\?subject=unsubscribe>$/m);
  }, 30_000);

  it('but a mailbox name in another script is a config error naming its key', async () => {
    const ws = makeWorkspace('mailbox:\n  address: звороти@example.org\n');
    writeEditionFile(ws.outDir, makeEdition());
    const r = await runCli(['send', '--config', ws.configFile, '--edition', '2026-11-23', '--dry-run'], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'digest: digest.config.yaml: mailbox.address: "звороти@example.org": the part before the @ must be in ASCII letters; expected an email address such as bounces@example.org',
    ]);
  }, 30_000);
});
