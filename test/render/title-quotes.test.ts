// A digest whose title holds quotes of its own (Огляд «Дипломатія»), in a language whose sentences put the title in
// quotes («{title}», „{title}“): the reader sees the title's quotes as the inner kind, «Огляд „Дипломатія“», never
// the same marks nested («Огляд «Дипломатія»»), and a title quoted whole is not quoted twice. In what `digest build`
// writes (the email's HTML and plain text) and in the welcome mail `digest serve` sends to a real SMTP server.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { startServe } from '../helpers/serve.js';
import { SECRET, makeWorkspace, startSink } from '../deliver/support.js';

/** `digest build` of the bundled sample titled `title`, in `locale`: its email's HTML and plain text. */
async function sampleTitled(title: string, locale: string): Promise<{ html: string; text: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-title-quotes-'));
  cpSync(path.join(ROOT, 'feeds'), dir, { recursive: true });
  const config = path.join(dir, 'example.config.yaml');
  writeFileSync(
    config,
    readFileSync(config, 'utf8')
      .replace(/^title: .*$/m, `title: ${JSON.stringify(title)}\nlocale: ${locale}`)
      .replace(/^state: .*$/m, 'state: .digest'),
  );
  const out = path.join(dir, 'out');
  const r = await runCli(['build', '--config', config, '--now', '2026-11-23T07:00:00+02:00', '--out', out, '--offline'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const read = (name: string) => readFileSync(path.join(out, '2026-11-23', name), 'utf8');
  return { html: read('digest.html'), text: read('digest.txt') };
}

describe('a title with quotes of its own, quoted by the sentences around it', () => {
  it('in Ukrainian takes „…“ inside «…»', async () => {
    const { html, text } = await sampleTitled('Огляд «Дипломатія»', 'uk');
    for (const part of [html, text]) {
      expect(part).not.toContain('«Огляд «Дипломатія»»');
      expect(part).toContain('«Огляд „Дипломатія“»');
    }
    expect(text).toContain('Відписатися від «Огляд „Дипломатія“»:');
  });

  it('in German takes ‚…‘ inside „…“', async () => {
    const { html, text } = await sampleTitled('Wochenblick „Kiew“', 'de');
    for (const part of [html, text]) {
      expect(part).not.toContain('„Wochenblick „Kiew““');
      expect(part).toContain('„Wochenblick ‚Kiew‘“');
    }
  });

  it('quoted whole, is not quoted again', async () => {
    const { text } = await sampleTitled('«Дипломатія»', 'uk');
    expect(text).not.toContain('««');
    expect(text).toContain('Відписатися від «Дипломатія»:');
  });

  it('in the confirmation and welcome mails digest serve sends', async () => {
    const ws = makeWorkspace(
      'locale: uk\n',
      `email:\n  from: "Digest <digest@watch.example.org>"\n  baseUrl: https://digest.example.org\n  address: "1 Example Street, Kyiv"\n  welcome: true\n`,
    );
    writeFileSync(ws.configFile, readFileSync(ws.configFile, 'utf8').replace(/^title: .*$/m, 'title: "Огляд «Дипломатія»"'));
    const sink = await startSink();
    const served = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, { bin: BIN });
    try {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      expect((await fetch(`${served.url}/subscribe`, { method: 'POST', headers: form, body: 'email=reader%40example.net' })).status).toBe(200);
      await sink.waitFor(() => sink.received.length === 1);
      const [confirm] = await sink.parsed();
      expect(confirm.subject).toBe('Підтвердьте підписку на «Огляд „Дипломатія“»');
      const link = /https:\/\/digest\.example\.org(\/confirm\/\S+)/.exec(confirm.text ?? '')![1];
      expect((await fetch(`${served.url}${link}`, { method: 'POST', headers: form, body: '' })).status).toBe(200);
      await sink.waitFor(() => sink.received.length === 2);
      const [, welcome] = await sink.parsed();
      expect(welcome.subject).toBe('Ласкаво просимо до «Огляд „Дипломатія“»');
      expect(welcome.text).toContain('отримує «Огляд „Дипломатія“»');
      expect(welcome.text).not.toContain('«Огляд «Дипломатія»»');
    } finally {
      await served.stop();
      await sink.close();
    }
  }, 60_000);
});
