// Editors' addresses with a domain in another script: the draft notice goes out in ASCII (the domain as punycode), not
// as mangled bytes in To and the envelope; an editor address whose mailbox name is not ASCII is a config error naming it.
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { SECRET, makeDeskWorkspace, type DeskWorkspace, CLI_TIMEOUT } from './workspace.js';

let sink: Sink | undefined;
let ws: DeskWorkspace | undefined;
afterEach(async () => {
  await sink?.close();
  ws?.remove();
  sink = undefined;
  ws = undefined;
});

describe('editors: addresses in other scripts', () => {
  it('a domain in another script: the draft notice is mailed to its punycode form, in ASCII', async () => {
    sink = await startSink();
    ws = makeDeskWorkspace('schedule: "0 7 * * 1"\nreview: required\neditors: [ed@пример.укр]\n');
    const r = await runCli(['tick', '--now', '2026-11-23T07:05:00+02:00', '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, timeoutMs: CLI_TIMEOUT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(ed@xn--e1afmkfd.xn--j1amh)');
    expect(sink.received).toHaveLength(1);
    const raw = sink.received[0].raw;
    expect(raw.every((byte) => byte < 0x80)).toBe(true);
    expect(raw.toString('latin1')).toMatch(/^To: ed@xn--e1afmkfd\.xn--j1amh\r$/m);
    const mail = await simpleParser(raw);
    expect(mail.subject).toMatch(/^Draft ready for review/);
  }, CLI_TIMEOUT);

  it('a mailbox name in another script is a config error naming the editor', async () => {
    ws = makeDeskWorkspace('review: required\neditors: [ed@desk.test, редактор@desk.test]\n');
    const r = await runCli(['tick', '--dry-run', '--now', '2026-11-23T07:05:00+02:00', '--config', ws.configFile], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET }, timeoutMs: CLI_TIMEOUT });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `digest: ${ws.configFile.split('/').pop()}: editors[1]: "редактор@desk.test": the part before the @ must be in ASCII letters; expected an email address such as editor@example.org`,
    ]);
  }, CLI_TIMEOUT);
});
