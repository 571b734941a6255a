// `digest check`, as `nginx -t` or `postfix check` before a reload: what send, tick, run and serve would refuse when
// they start (mail settings, the secrets in the environment, the DKIM key, the templates, a folder it cannot write, a
// feed file that is not there) is named one line each, exit 1; a setup that is ready says so, exit 0; and `--connect`
// logs in to a real SMTP server (smtp-server) without sending. Nothing is created.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startSink, type Sink } from '../deliver/support.js';
import { runCli } from '../helpers/cli.js';

vi.setConfig({ testTimeout: 120_000 });

const SECRET = 'check-test-secret-0123456789abcdef';
const EMAIL = `email:
  from: "Check Watch <digest@check.example>"
  baseUrl: https://check.example
  address: "1 Example Street, Kyiv"
`;
const FEEDS = `feeds:
  - name: Wire
    path: wire.xml
themes:
  - id: arms
    title: Arms
`;

let sink: Sink | undefined;
afterAll(async () => sink?.close());

function workspace(config: string, withFeed = true): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-check-'));
  const file = path.join(dir, 'digest.config.yaml');
  writeFileSync(file, config);
  if (withFeed) writeFileSync(path.join(dir, 'wire.xml'), '<rss version="2.0"><channel><title>w</title></channel></rss>');
  return { dir, file };
}

const check = (ws: { dir: string }, env: Record<string, string | undefined>, ...more: string[]) =>
  runCli(['check', ...more], { cwd: ws.dir, env: { DIGEST_SECRET: undefined, DIGEST_SMTP_URL: undefined, DIGEST_IMAP_URL: undefined, ...env } });

const READY = { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: 'smtp://127.0.0.1:2525' };

describe('digest check', () => {
  it('a setup ready to run: one line saying so, exit 0, nothing created', async () => {
    const ws = workspace(`title: Check Watch\n${EMAIL}${FEEDS}`);
    const r = await check(ws, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('digest.config.yaml: ok (1 feed, schedule "0 7 * * 1" in UTC)\n');
    expect(readdirSync(ws.dir).sort()).toEqual(['digest.config.yaml', 'wire.xml']);
  });

  it('names each thing a real run would refuse, one line each, exit 1', async () => {
    const ws = workspace(
      `title: Check Watch\nfeeds:\n  - name: Wire\n    path: wire.xml\n  - name: Gone\n    path: gone.xml\nthemes:\n  - id: arms\n    title: Arms\n` +
        `email:\n  dkim:\n    domain: check.example\n    selector: s1\n    keyFile: dkim.pem\ntemplates: mine\n`,
    );
    mkdirSync(path.join(ws.dir, 'mine/partials'), { recursive: true });
    writeFileSync(path.join(ws.dir, 'mine/partials/section.mjml'), '<mj-section>{{#stories}}<mj-text>{{title}</mj-text>{{/stories}}</mj-section>\n');
    const r = await check(ws, { DIGEST_SMTP_URL: 'smtp//mail.example' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'digest: digest.config.yaml: digest send, tick, run and serve need email.from (e.g. "Diplomacy Watch <digest@example.org>"), email.baseUrl (the public https:// address of `digest serve`), email.address (your postal address, shown in every footer)',
      'digest: DIGEST_SECRET is not set: digest send, tick, run or serve needs it to sign unsubscribe links (e.g. export DIGEST_SECRET=$(openssl rand -hex 32))',
      'digest: DIGEST_SMTP_URL is not a URL: expected e.g. smtps://user:password@smtp.example.org:465',
      expect.stringMatching(/^digest: email\.dkim\.keyFile: the key file .*dkim\.pem /),
      'digest: mine/partials/section.mjml line 1: "{{" without its other half (write tags as {{name}} on one line)',
      `digest: feeds[1] (Gone): path: ${path.join(ws.dir, 'gone.xml')} does not exist; expected a feed file`,
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(ws.dir, 'out'))).toBe(false);
  });

  it('a state folder to be made where this user may not write: named with the folder, exit 1, nothing made', async () => {
    const ws = workspace(`title: Check Watch\n${EMAIL}${FEEDS}state: locked/state\n`);
    mkdirSync(path.join(ws.dir, 'locked'));
    // readable by the user the check runs as (nobody, when the tests run as root); locked/ writable by none
    for (const [f, mode] of [['', 0o777], ['digest.config.yaml', 0o644], ['wire.xml', 0o644], ['locked', 0o555]] as const) chmodSync(path.join(ws.dir, f), mode);
    const r = await runCli(['check'], { cwd: ws.dir, env: READY, asNobody: true });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^digest: state: ${path.join(ws.dir, 'locked/state')}: the folder ${path.join(ws.dir, 'locked')} it would be made in cannot be written by this user \\(.*\\); change its owner or choose another \`state:\` in the config\n$`),
    );
    expect(existsSync(path.join(ws.dir, 'locked/state'))).toBe(false);
  });

  it('an invalid config is a problem found: its line, exit 1', async () => {
    const ws = workspace(`title: Check Watch\ntimezone: Europe/Kyev\n${EMAIL}${FEEDS}`);
    const r = await check(ws, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('digest: digest.config.yaml: timezone: "Europe/Kyev" is not an IANA time zone\n');
  });

  it('--connect logs in to the SMTP server and sends nothing; a login it refuses is named', async () => {
    sink = await startSink({ auth: { user: 'roundup', pass: 'right' } });
    const port = new URL(sink.url).port;
    const ws = workspace(`title: Check Watch\n${EMAIL}${FEEDS}`);
    const ok = await check(ws, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: `smtp://roundup:right@127.0.0.1:${port}` }, '--connect');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('digest.config.yaml: ok (1 feed, schedule "0 7 * * 1" in UTC; the SMTP server took the login)\n');
    const wrong = await check(ws, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: `smtp://roundup:wrong@127.0.0.1:${port}` }, '--connect');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(new RegExp(`^digest: DIGEST_SMTP_URL: the SMTP server 127\\.0\\.0\\.1:${port} refused the login: .*535`));
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(sink.received).toHaveLength(0);
  });
});
