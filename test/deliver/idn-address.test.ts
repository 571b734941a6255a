// A reader who subscribed as leser@bücher.de is mailed at the ASCII form of the domain (xn--bcher-kva.de: no relay
// is assumed to take SMTPUTF8), and is told in words the address they wrote, not that form, which they would not
// recognise as theirs: in the edition's footer and in the welcome message.
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import { SECRET, makeEdition, makeWorkspace, sendThroughSink, type Sink } from './support.js';
import { startWebApp, type WebApp } from '../helpers/web-app.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('an address with a domain in another script', () => {
  it('gets the edition at its ASCII form, and its footer names the address as the reader wrote it', async () => {
    const ws = makeWorkspace();
    cleanup.push(() => rmSync(ws.dir, { recursive: true, force: true }));
    const { sink, code, stderr } = await sendThroughSink(ws, makeEdition(), [{ email: 'leser@Bücher.de' }]);
    cleanup.push(() => (sink as Sink).close());
    expect(code, stderr).toBe(0);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0].raw.toString('latin1')).toMatch(/^To: leser@xn--bcher-kva\.de\r$/m);
    const [mail] = await sink.parsed();
    expect(mail.text).toContain('leser@bücher.de');
    expect(mail.text).not.toContain('xn--');
    expect(String(mail.html)).toContain('leser@bücher.de');
  }, 60_000);

  it('the welcome message names the address as the reader wrote it', async () => {
    const app: WebApp = await startWebApp({
      email: 'email:\n  from: "Diplomacy Watch <digest@watch.example.org>"\n  baseUrl: https://digest.example.org\n  address: "1 Example Street, Kyiv"\n  welcome: true\n',
    });
    cleanup.push(() => app.stop());
    const s = app.store.addSubscriber({ email: 'leser@bücher.de', status: 'pending' });
    const confirm = `${app.base}/confirm/${new Tokens(SECRET, tokenScope(app.store)).sign(s.id, 'confirm')}`;
    expect((await fetch(confirm, { method: 'POST' })).status).toBe(200);
    await app.sink.waitFor(() => app.sink.received.length === 1);
    expect(app.sink.received[0].raw.toString('latin1')).toMatch(/^To: leser@xn--bcher-kva\.de\r$/m);
    const [welcome] = await app.sink.parsed();
    expect(welcome.text).toContain('leser@bücher.de now receives Diplomacy Watch');
  }, 60_000);
});
