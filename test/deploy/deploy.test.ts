// The deployment recipes are run, not only read: the crontab line through `sh -c` with the secrets file
// and cron's bare environment; the systemd units through `systemd-analyze verify` and then their
// ExecStart= as systemd would start it (EnvironmentFile, WorkingDirectory, UMask, User, and the file-system
// sandbox of ProtectSystem=strict and ReadWritePaths=, in a mount namespace); the nginx site in
// front of `digest serve` with TLS; the Docker image's command as an unprivileged user on the image's
// layout (read-only /app, writable /data). Each recipe's paths are mapped onto temporary folders.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { simpleParser } from 'mailparser';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { Tokens, tokenScope } from '../../src/deliver/tokens.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { SECRET, startSink, type Sink } from '../deliver/support.js';
import { dockerIgnores, fillEnvFile, linkedCheckout, mapPaths, parseEnvFile, parseUnit, read, sandboxedCommand, tempDir, writeDigest } from './install.js';

// several CLI runs per test: allow for a busy two-core machine
vi.setConfig({ testTimeout: 180_000 });

let sink: Sink | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await sink?.close();
  sink = undefined;
});

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));
}

async function waitUntil(pred: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Requests over TLS to a proxy on 127.0.0.1:port, trusting the test certificate `ca`. */
function httpsClient(port: number, ca: Buffer) {
  return (p: string, o: { method?: string; body?: string; headers?: Record<string, string> } = {}) =>
    new Promise<{ status: number; body: string; encrypted: boolean; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = httpsRequest({ host: '127.0.0.1', port, path: p, method: o.method ?? 'GET', ca, headers: o.headers }, (res) => {
        let body = '';
        const encrypted = (res.socket as { encrypted?: boolean } | null)?.encrypted === true;
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, encrypted, headers: res.headers }));
      });
      req.on('error', reject);
      req.end(o.body);
    });
}

async function addReaders(configFile: string, emails: string[]) {
  for (const email of emails) {
    const r = await runCli(['subscribers', 'add', email, '--config', configFile]);
    expect(r.code, r.stderr).toBe(0);
  }
}

/** the command part of the only job line of a crontab, and its variables */
function cronJob(text: string): { vars: Record<string, string>; command: string; schedule: string[] } {
  const vars: Record<string, string> = {};
  const jobs: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const v = /^([A-Z_]+)=(.*)$/.exec(line);
    if (v) vars[v[1]] = v[2];
    else jobs.push(line);
  }
  expect(jobs).toHaveLength(1);
  const fields = jobs[0].trim().split(/\s+/);
  // as cron reads it: an unescaped % ends the command (the rest is its input), and \% is a %
  const line = jobs[0].trim().replace(/^(\S+\s+){5}/, '');
  const command = /^(?:[^%\\]|\\[^%]|\\%)*/.exec(line)![0].replace(/\\%/g, '%');
  expect(command, 'an unescaped % in the cron line: cron would cut the command there').toBe(line.replace(/\\%/g, '%'));
  return { vars, schedule: fields.slice(0, 5), command };
}

describe('crontab', () => {
  it('the cron line runs through sh with only cron’s environment, reads the secrets file, and sends the due edition', async () => {
    const { vars, schedule, command } = cronJob(read('deploy/crontab'));
    for (const f of schedule) expect(f).toMatch(/^[\d*/,-]+$/);
    const srv = linkedCheckout('cron-srv');
    const etc = tempDir('cron-etc');
    const log = tempDir('cron-log');
    const configFile = writeDigest(srv);
    await addReaders(configFile, ['ana@reader.example']);
    sink = await startSink();
    writeFileSync(path.join(etc, 'roundup.env'), fillEnvFile(read('deploy/roundup.env.example'), { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: SECRET }), { mode: 0o600 });

    const cmd = mapPaths(command, { '/srv/roundup': srv, '/etc/roundup': etc, '/var/log/roundup': log });
    expect(vars.SHELL).toBe('/bin/sh');
    // cron's environment: the crontab's variables and little else (no DIGEST_* from this process)
    const child = spawn(vars.SHELL, ['-c', cmd], { env: { ...vars, HOME: etc, LOGNAME: 'roundup' }, stdio: 'pipe' });
    children.push(child);
    expect(await exitOf(child)).toBe(0);
    const logged = readFileSync(path.join(log, 'tick.log'), 'utf8');
    expect(logged).toMatch(/edition \d{4}-\d{2}-\d{2} is due.*: sent 1, failed 0/);
    // read later, each line says when it was written
    for (const line of logged.trimEnd().split('\n')) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z \S/);
    expect(sink.received.map((m) => m.to[0])).toEqual(['ana@reader.example']);
    // umask 077 in the line: the new edition is private too
    const out = path.join(srv, 'out');
    const [edition] = readdirSync(out);
    expect(statSync(path.join(out, edition, 'digest.json')).mode & 0o077).toBe(0);
  });
  it('a secrets file saved with Windows line ends is refused by name, not used with a carriage return in the secret', async () => {
    // sh keeps the \r that systemd's EnvironmentFile= drops: a tick from cron would sign links the web app cannot verify
    const { vars, command } = cronJob(read('deploy/crontab'));
    const srv = linkedCheckout('cron-crlf-srv');
    const etc = tempDir('cron-crlf-etc');
    const log = tempDir('cron-crlf-log');
    const configFile = writeDigest(srv);
    await addReaders(configFile, ['ana@reader.example']);
    sink = await startSink();
    const env = fillEnvFile(read('deploy/roundup.env.example'), { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: SECRET });
    writeFileSync(path.join(etc, 'roundup.env'), env.replace(/\n/g, '\r\n'), { mode: 0o600 });
    const cmd = mapPaths(command, { '/srv/roundup': srv, '/etc/roundup': etc, '/var/log/roundup': log });
    const child = spawn(vars.SHELL, ['-c', cmd], { env: { ...vars, HOME: etc, LOGNAME: 'roundup' }, stdio: 'pipe' });
    children.push(child);
    expect(await exitOf(child)).toBe(2);
    expect(readFileSync(path.join(log, 'tick.log'), 'utf8')).toMatch(/^\S+Z digest: DIGEST_SECRET has a line end/m);
    expect(sink.received).toEqual([]);
  });

  it('a missing secrets file is said in the tick log, where the operator looks, with a failing exit', async () => {
    const { vars, command } = cronJob(read('deploy/crontab'));
    const srv = linkedCheckout('cron-noenv-srv');
    const etc = tempDir('cron-noenv-etc'); // no roundup.env in it
    const log = tempDir('cron-noenv-log');
    writeDigest(srv);
    const cmd = mapPaths(command, { '/srv/roundup': srv, '/etc/roundup': etc, '/var/log/roundup': log });
    const child = spawn(vars.SHELL, ['-c', cmd], { env: { ...vars, HOME: etc, LOGNAME: 'roundup' }, stdio: 'pipe' });
    children.push(child);
    let mailed = '';
    child.stdout!.on('data', (c) => (mailed += c));
    child.stderr!.on('data', (c) => (mailed += c));
    expect(await exitOf(child)).not.toBe(0);
    // cron would mail what the line printed outside the log to a mailbox nobody may read
    expect(mailed).toBe('');
    // with the time, as digest's own lines have it: the log says when the ticks began failing
    expect(readFileSync(path.join(log, 'tick.log'), 'utf8')).toMatch(
      new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z digest tick did not start: cannot read the secrets file ${path.join(etc, 'roundup.env')}\n$`),
    );
  });

  it('a missing checkout is said in the tick log with the time, as digest says its own errors', async () => {
    const { vars, command } = cronJob(read('deploy/crontab'));
    const srv = path.join(tempDir('cron-nosrv'), 'roundup');
    const etc = tempDir('cron-nosrv-etc');
    const log = tempDir('cron-nosrv-log');
    writeFileSync(path.join(etc, 'roundup.env'), fillEnvFile(read('deploy/roundup.env.example'), { DIGEST_SMTP_URL: 'smtp://127.0.0.1:9', DIGEST_SECRET: SECRET }), { mode: 0o600 });
    const cmd = mapPaths(command, { '/srv/roundup': srv, '/etc/roundup': etc, '/var/log/roundup': log });
    const child = spawn(vars.SHELL, ['-c', cmd], { env: { ...vars, HOME: etc, LOGNAME: 'roundup' }, stdio: 'pipe' });
    children.push(child);
    expect(await exitOf(child)).not.toBe(0);
    expect(readFileSync(path.join(log, 'tick.log'), 'utf8')).toMatch(
      new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z digest tick did not start: no checkout at ${srv}\n$`),
    );
  });
});

describe('the secrets file example', () => {
  it('used as it is, with no secret of your own, is refused by name instead of signing links with a public value', async () => {
    const dir = tempDir('env-example');
    const configFile = writeDigest(dir);
    const env = parseEnvFile(read('deploy/roundup.env.example'));
    const r = await runCli(['tick', '--config', configFile], { cwd: dir, env: { DIGEST_SECRET: undefined, DIGEST_SMTP_URL: undefined, ...env } });
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^digest: DIGEST_SECRET is not set/);
  });
});

describe.skipIf(!has('systemd-analyze'))('systemd units (systemd-analyze is missing)', () => {
  const units = ['roundup-tick.service', 'roundup-tick.timer', 'roundup.service', 'roundup-web.service'];

  it('systemd-analyze verify accepts every unit without a warning', () => {
    const dir = tempDir('units');
    for (const u of units) {
      let text = read(`deploy/systemd/${u}`);
      // the units name /usr/bin/node; where node lives elsewhere, verify the same unit with that path
      if (!existsSync('/usr/bin/node')) text = text.split('/usr/bin/node').join(process.execPath);
      writeFileSync(path.join(dir, u), text);
    }
    const r = execFileSync('systemd-analyze', ['verify', '--man=no', ...units.map((u) => path.join(dir, u))], {
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, SYSTEMD_LOG_LEVEL: 'warning' },
    });
    expect(r).toBe('');
  });

  it('every folder a unit names in ReadWritePaths=/ReadOnlyPaths= is made by the install step of docs/operations.md', () => {
    // systemd does not start a unit whose sandbox names a missing path (226/NAMESPACE), and with
    // ProtectSystem=strict the program could not make it under /srv either
    const install = /^install -d -o roundup -g roundup -m 0700 (.+)$/m.exec(read('docs/operations.md'));
    expect(install, 'docs/operations.md: an `install -d` line for the folders').not.toBeNull();
    const made = install![1].split(/\s+/);
    for (const u of units.filter((x) => x.endsWith('.service'))) {
      const svc = parseUnit(read(`deploy/systemd/${u}`)).get('Service')!;
      const paths = [...(svc.get('ReadWritePaths') ?? []), ...(svc.get('ReadOnlyPaths') ?? [])].flatMap((v) => v.split(/\s+/)).filter((p) => !p.startsWith('-'));
      for (const p of paths) expect(made, `${u}: ${p}`).toContain(p);
    }
  });

  it('every service keeps its files private (UMask=0077) and runs as the roundup user', () => {
    for (const u of units.filter((x) => x.endsWith('.service'))) {
      const svc = parseUnit(read(`deploy/systemd/${u}`)).get('Service')!;
      expect(svc.get('UMask'), u).toEqual(['0077']);
      expect(svc.get('User'), u).toEqual(['roundup']);
    }
  });
});

const canSandbox = (() => {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('unshare', ['-m', 'true'], { stdio: 'pipe' });
    return has('setpriv');
  } catch {
    return false;
  }
})();

describe.skipIf(!canSandbox)('the services in the sandbox their units ask for (needs root and unshare)', () => {
  // User=roundup: uid 65534 here, owning the folders the install step of docs/operations.md makes for it
  const uid = 65534;

  /** A checkout at /srv/roundup with its state and out folders made for the service user, and the secrets file. */
  async function install(label: string, extraConfig = '') {
    const srv = linkedCheckout(label);
    chmodSync(srv, 0o755);
    const etc = tempDir(`${label}-etc`);
    const configFile = writeDigest(srv);
    if (extraConfig) writeFileSync(configFile, readFileSync(configFile, 'utf8') + extraConfig);
    sink = await startSink();
    writeFileSync(path.join(etc, 'roundup.env'), fillEnvFile(read('deploy/roundup.env.example'), { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: SECRET }), { mode: 0o600 });
    const install = /^install -d -o roundup -g roundup -m (0\d+) (.+)$/m.exec(read('docs/operations.md'))!;
    const map = { '/srv/roundup': srv, '/etc/roundup': etc, ...(existsSync('/usr/bin/node') ? {} : { '/usr/bin/node': process.execPath }) };
    for (const dir of mapPaths(install[2], map).split(/\s+/)) {
      mkdirSync(dir, { mode: parseInt(install[1], 8) });
      chownSync(dir, uid, uid);
    }
    return { srv, etc, configFile, map };
  }

  function start(unit: string, map: Record<string, string>, replace: Record<string, string> = {}) {
    const svc = parseUnit(read(`deploy/systemd/${unit}`)).get('Service')!;
    for (const [from, to] of Object.entries(replace)) svc.set('ExecStart', [svc.get('ExecStart')![0].replace(from, to)]);
    const { cmd, args } = sandboxedCommand(svc, map, uid);
    const env = { PATH: '/usr/bin:/bin', ...parseEnvFile(readFileSync(mapPaths(svc.get('EnvironmentFile')![0], map), 'utf8')) };
    const child = spawn(cmd, args, { env, stdio: 'pipe' });
    children.push(child);
    let said = '';
    child.stdout!.on('data', (c) => (said += c));
    child.stderr!.on('data', (c) => (said += c));
    return { child, said: () => said };
  }

  it('roundup-tick.service writes the state and the edition where its sandbox lets it', async () => {
    const { srv, configFile, map } = await install('sandbox-tick');
    await addReaders(configFile, ['ana@reader.example']);
    execFileSync('chown', ['-R', `${uid}:${uid}`, path.join(srv, '.digest')]);
    const tick = start('roundup-tick.service', map);
    expect(await exitOf(tick.child), tick.said()).toBe(0);
    expect(tick.said()).toMatch(/edition \d{4}-\d{2}-\d{2} is due.*: sent 1, failed 0/);
    expect(sink!.received.map((m) => m.to[0])).toEqual(['ana@reader.example']);
  });

  it('roundup.service writes the state and the edition where its sandbox lets it, and stops on SIGTERM', async () => {
    const { srv, configFile, map } = await install('sandbox-run');
    await addReaders(configFile, ['bo@reader.example']);
    execFileSync('chown', ['-R', `${uid}:${uid}`, path.join(srv, '.digest')]);
    const run = start('roundup.service', map);
    await waitUntil(() => run.said().includes('"edition-sent"') || run.child.exitCode !== null, 'roundup.service to send', 150_000);
    run.child.kill('SIGTERM');
    expect(await exitOf(run.child), run.said()).toBe(0);
    expect(run.said()).not.toMatch(/"level":"error"|EROFS|EACCES/);
    expect(sink!.received.map((m) => m.to[0])).toEqual(['bo@reader.example']);
  });

  it('roundup-web.service: an editor’s correction on /desk rebuilds the draft in out/', async () => {
    const { srv, configFile, map } = await install('sandbox-web', 'editors: [ed@deploy.example]\n');
    // the draft the scheduler builds for review, in the out folder
    const built = await runCli(['build', '--config', configFile], { cwd: srv });
    expect(built.code, built.stderr).toBe(0);
    execFileSync('chown', ['-R', `${uid}:${uid}`, path.join(srv, '.digest'), path.join(srv, 'out')]);
    const port = await freePort();
    const web = start('roundup-web.service', map, { '--port 8080': `--port ${port}` });
    await waitUntil(() => web.said().includes('serving ') || web.child.exitCode !== null, 'serve to listen', 90_000);
    const base = `http://127.0.0.1:${port}`;

    // sign in with the link the desk mails
    const csrfOf = (html: string) => /name="csrf" value="([\w-]+)"/.exec(html)![1];
    const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith(`${name}=`))!;
    const post = (p: string, body: Record<string, string>, cookie: string) =>
      fetch(`${base}${p}`, { method: 'POST', body: new URLSearchParams(body), headers: { Cookie: cookie }, redirect: 'manual' });
    const form = await fetch(`${base}/desk/login`);
    expect((await post('/desk/login', { csrf: csrfOf(await form.text()), email: 'ed@deploy.example' }, cookieOf(form, 'roundup_desk_form'))).status).toBe(200);
    await sink!.waitFor(() => sink!.received.length > 0, 60_000);
    const mail = await simpleParser(sink!.received[0].raw);
    const link = /https:\/\/digest\.example\.org(\/desk\/auth\/\S+)/.exec(mail.text ?? '')![1];
    const button = await fetch(`${base}${link}`);
    const signedIn = await post('/desk/auth', { csrf: csrfOf(await button.text()), token: decodeURIComponent(link.split('/').pop()!) }, cookieOf(button, 'roundup_desk_form'));
    expect(signedIn.status).toBe(303);
    const session = cookieOf(signedIn, 'roundup_desk');

    const desk = await (await fetch(`${base}/desk`, { headers: { Cookie: session } })).text();
    const edit = await post('/desk/edit', { csrf: csrfOf(desk), action: 'intro', text: 'Written in the sandbox.' }, session);
    expect(edit.status, `${web.said()}\n${edit.status === 303 ? '' : await edit.text()}`).toBe(303);
    const after = await (await fetch(`${base}/desk`, { headers: { Cookie: session } })).text();
    expect(/<p class="msg (\w+)"[^>]*>([^<]*)/.exec(after)?.slice(1), web.said()).toEqual(['done', expect.any(String)]);
    const [id] = readdirSync(path.join(srv, 'out'));
    expect(JSON.parse(readFileSync(path.join(srv, 'out', id, 'digest.json'), 'utf8')).intro).toBe('Written in the sandbox.');
    web.child.kill('SIGTERM');
    expect(await exitOf(web.child)).toBe(0);
  });
});

/**
 * A provider's webhook post bigger than a form (an SES notification carrying the message's headers, a SendGrid
 * batch of events, up to 768 KB) reaches serve through the proxy: serve, not the proxy's body limit, answers it
 * (404 here, as the test digest configures no webhooks).
 */
async function expectWebhookBodiesPass(https: ReturnType<typeof httpsClient>) {
  const events = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ event: 'bounce', email: `reader${i}@example.net`, reason: '550 5.1.1 no such user '.repeat(4) })));
  expect(events.length).toBeGreaterThan(700 * 1024);
  expect(events.length).toBeLessThan(768 * 1024);
  const hook = await https('/webhooks/sendgrid', { method: 'POST', body: events, headers: { 'content-type': 'application/json' } });
  expect(hook.status).toBe(404);
  expect(hook.body).toContain('<html');
}

/**
 * An editor's desk form bigger than a subscriber's (an introduction of 2000 Chinese characters is 18 KB once
 * encoded) reaches serve through the proxy: serve answers it (403 here: nobody is signed in), not the proxy's 413.
 */
async function expectDeskBodiesPass(https: ReturnType<typeof httpsClient>) {
  const body = new URLSearchParams({ action: 'intro', text: '乌克兰'.repeat(667) }).toString();
  expect(body.length).toBeGreaterThan(18_000);
  const desk = await https('/desk/edit', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(desk.status).toBe(403);
  expect(desk.body).toContain('You are not signed in');
}

describe('the web app behind nginx with TLS', () => {
  let serve: ChildProcess | undefined;
  let servePort = 0;
  let srv = '';
  afterAll(() => serve?.kill('SIGTERM'));

  it('roundup-web.service’s ExecStart serves the landing page and /healthz, as systemd starts it', async () => {
    const svc = parseUnit(read('deploy/systemd/roundup-web.service')).get('Service')!;
    srv = linkedCheckout('web-srv');
    const etc = tempDir('web-etc');
    const configFile = writeDigest(srv);
    await addReaders(configFile, ['ana@reader.example']);
    sink = await startSink();
    writeFileSync(path.join(etc, 'roundup.env'), fillEnvFile(read('deploy/roundup.env.example'), { DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: SECRET }));
    servePort = await freePort();
    const map = { '/srv/roundup': srv, '/etc/roundup': etc };
    const envFile = mapPaths(svc.get('EnvironmentFile')![0], map);
    const argv = mapPaths(svc.get('ExecStart')![0], map).replace('--port 8080', `--port ${servePort}`).split(/\s+/);
    if (!existsSync(argv[0])) argv[0] = process.execPath;
    const umask = svc.get('UMask')![0];
    serve = spawn('/bin/sh', ['-c', `umask ${umask} && exec "$@"`, 'sh', ...argv], {
      cwd: mapPaths(svc.get('WorkingDirectory')![0], map),
      env: { PATH: '/usr/bin:/bin', ...parseEnvFile(readFileSync(envFile, 'utf8')) },
      stdio: 'pipe',
    });
    let said = '';
    serve.stdout!.on('data', (c) => (said += c));
    serve.stderr!.on('data', (c) => (said += c));
    await waitUntil(() => said.includes('serving ') || serve!.exitCode !== null, 'serve to listen', 90_000);
    expect(said, said).toContain(`on http://127.0.0.1:${servePort}`);
    const home = await fetch(`http://127.0.0.1:${servePort}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<form method="post" action="subscribe">/);
    expect((await fetch(`http://127.0.0.1:${servePort}/healthz`)).status).toBe(200);
  });

  it.skipIf(!has('nginx'))('deploy/nginx/roundup.conf: HTTPS in front, HTTP redirects, one-click unsubscribe and the per-IP limit work through it', async () => {
    expect(servePort, 'the previous test started serve').toBeGreaterThan(0);
    const dir = tempDir('nginx');
    const tlsPort = await freePort();
    const plainPort = await freePort();
    const cert = path.join(ROOT, 'test/fetch/fixtures/test-cert.pem');
    const key = path.join(ROOT, 'test/fetch/fixtures/test-key.pem');
    const site = mapPaths(read('deploy/nginx/roundup.conf'), {
      '/etc/letsencrypt/live/digest.example.org/fullchain.pem': cert,
      '/etc/letsencrypt/live/digest.example.org/privkey.pem': key,
      '/var/www/letsencrypt': dir,
      'http://127.0.0.1:8080': `http://127.0.0.1:${servePort}`,
      'listen 443 ': `listen 127.0.0.1:${tlsPort} `,
      'listen 80;': `listen 127.0.0.1:${plainPort};`,
    })
      .split('\n')
      .filter((l) => !/listen \[::\]/.test(l)) // no IPv6 in every sandbox
      .join('\n');
    writeFileSync(path.join(dir, 'site.conf'), site);
    for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, t));
    writeFileSync(
      path.join(dir, 'nginx.conf'),
      `error_log ${dir}/error.log; pid ${dir}/nginx.pid; events {}
http { access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi; include ${dir}/site.conf; }
`,
    );
    execFileSync('nginx', ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'pipe' });
    const nginx = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off; master_process off;'], { stdio: 'pipe' });
    children.push(nginx);
    const https = httpsClient(tlsPort, readFileSync(cert));
    await waitUntil(async () => (await https('/healthz').catch(() => ({ status: 0 }))).status === 200, 'nginx', 60_000);

    const home = await https('/');
    expect(home).toMatchObject({ status: 200, encrypted: true });
    expect(home.body).toContain('action="subscribe"');

    const redirect = await new Promise<{ status: number; location?: string }>((resolve, reject) =>
      httpRequest({ host: '127.0.0.1', port: plainPort, path: '/archive', headers: { host: 'digest.example.org' } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      })
        .on('error', reject)
        .end(),
    );
    expect(redirect).toEqual({ status: 301, location: 'https://digest.example.org/archive' });

    // RFC 8058 one-click, as a mail provider sends it, through the proxy
    const store = openStore(path.join(srv, '.digest'));
    const ana = store.findSubscriber('ana@reader.example')!;
    const token = new Tokens(SECRET, tokenScope(store)).sign(ana.id, 'unsubscribe');
    const oneClick = await https(`/u/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(oneClick.status).toBe(200);
    expect(store.getSubscriber(ana.id)!.status).toBe('unsubscribed');
    store.close();
    await expectWebhookBodiesPass(https);
    await expectDeskBodiesPass(https);

    // a client forging X-Forwarded-For still counts as the address nginx saw
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const r = await https('/subscribe', {
        method: 'POST',
        body: `email=forged${i}%40reader.example`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.${i}` },
      });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it.skipIf(!has('caddy'))('deploy/caddy/Caddyfile: HTTPS in front, HTTP redirects, one-click unsubscribe works and a forged X-Forwarded-For gets no fresh limit', async () => {
    expect(servePort, 'the first test started serve').toBeGreaterThan(0);
    const dir = tempDir('caddy');
    const tlsPort = await freePort();
    const plainPort = await freePort();
    const cert = path.join(ROOT, 'test/fetch/fixtures/test-cert.pem');
    const key = path.join(ROOT, 'test/fetch/fixtures/test-key.pem');
    // the recipe as written, on this machine's ports, with the test certificate instead of ACME
    const site = mapPaths(read('deploy/caddy/Caddyfile'), {
      'digest.example.org {': `127.0.0.1 {\n\ttls ${cert} ${key}`,
      'reverse_proxy 127.0.0.1:8080': `reverse_proxy 127.0.0.1:${servePort}`,
    });
    expect(site).toContain(`reverse_proxy 127.0.0.1:${servePort}`);
    writeFileSync(path.join(dir, 'Caddyfile'), `{\n\tadmin off\n\thttp_port ${plainPort}\n\thttps_port ${tlsPort}\n\tdefault_bind 127.0.0.1\n}\n\n${site}`);
    const env = { PATH: '/usr/bin:/bin', HOME: dir, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CONFIG_HOME: path.join(dir, 'config') };
    execFileSync('caddy', ['validate', '--adapter', 'caddyfile', '--config', path.join(dir, 'Caddyfile')], { stdio: 'pipe', env });
    const caddy = spawn('caddy', ['run', '--adapter', 'caddyfile', '--config', path.join(dir, 'Caddyfile')], { stdio: 'pipe', env });
    children.push(caddy);
    const https = httpsClient(tlsPort, readFileSync(cert));
    await waitUntil(async () => (await https('/healthz').catch(() => ({ status: 0 }))).status === 200, 'caddy', 60_000);

    const home = await https('/');
    expect(home).toMatchObject({ status: 200, encrypted: true });
    expect(home.body).toContain('action="subscribe"');
    expect(home.headers['strict-transport-security']).toBe('max-age=31536000');

    const redirect = await new Promise<{ status: number; location?: string }>((resolve, reject) =>
      httpRequest({ host: '127.0.0.1', port: plainPort, path: '/archive' }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      })
        .on('error', reject)
        .end(),
    );
    // (Caddy redirects to the site's name on the standard port: https://digest.example.org/archive in production)
    expect(redirect).toEqual({ status: 308, location: 'https://127.0.0.1/archive' });

    // RFC 8058 one-click, as a mail provider sends it, through the proxy
    await addReaders(path.join(srv, 'digest.config.yaml'), ['caddy@reader.example']);
    const store = openStore(path.join(srv, '.digest'));
    const reader = store.findSubscriber('caddy@reader.example')!;
    const token = new Tokens(SECRET, tokenScope(store)).sign(reader.id, 'unsubscribe');
    const oneClick = await https(`/u/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(oneClick.status).toBe(200);
    expect(store.getSubscriber(reader.id)!.status).toBe('unsubscribed');
    store.close();
    await expectWebhookBodiesPass(https);
    await expectDeskBodiesPass(https);

    // every forged X-Forwarded-For counts as the address Caddy saw: one limit of 5 (which the nginx test may have used up)
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await https('/subscribe', {
        method: 'POST',
        body: `email=caddy-forged${i}%40reader.example`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `198.51.100.${i}` },
      });
      statuses.push(r.status);
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
    expect(statuses.at(-1)).toBe(429);
    // a body over the recipe's 16 KB is cut off by Caddy (2.6 answers 502 as it stops the body mid-proxy, later versions 413).
    // Sent to the one-click route, which reads the whole body before it answers (200 without the limit): /subscribe,
    // its limit used up above, could answer 429 before Caddy reached 16 KB.
    const big = await https(`/u/${token}`, { method: 'POST', body: `List-Unsubscribe=One-Click&pad=${'a'.repeat(20_000)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([413, 502]).toContain(big.status);
  });
});

describe.skipIf(!has('sqlite3'))('backups (the sqlite3 tool is missing)', () => {
  it('the backup commands of docs/operations.md copy a live database, serve running on it, into files only their owner may read', async () => {
    const docs = read('docs/operations.md');
    const block = /### Backups[\s\S]*?```sh\n([\s\S]*?)```/.exec(docs);
    expect(block, 'docs/operations.md: the Backups commands').not.toBeNull();
    const srv = linkedCheckout('backup-srv');
    const backups = path.join(tempDir('backup-root'), 'backups'); // made by the commands, as /backups is
    const configFile = writeDigest(srv);
    await addReaders(configFile, ['ana@reader.example', 'bo@reader.example']);
    const serve = spawn(process.execPath, [path.join(ROOT, 'bin/digest.js'), 'serve', '--config', configFile, '--port', String(await freePort())], {
      cwd: srv,
      env: { ...process.env, DIGEST_SECRET: SECRET },
      stdio: 'pipe',
    });
    children.push(serve);
    let said = '';
    serve.stdout!.on('data', (c) => (said += c));
    await waitUntil(() => said.includes('serving ') || serve.exitCode !== null, 'serve to listen', 90_000);

    // as root's shell has it: files it makes are world-readable unless the commands say otherwise
    const script = mapPaths(block![1], { '/srv/roundup': srv, '/backups': backups });
    execFileSync('sh', ['-c', `umask 022\nset -e\n${script}`], { cwd: srv, stdio: 'pipe' });
    const copies = readdirSync(backups);
    expect(copies.sort()).toEqual([`roundup-${new Date().toISOString().slice(0, 10)}.db`, 'roundup.db'].sort());
    expect(statSync(backups).mode & 0o077).toBe(0);
    for (const copy of copies) {
      expect(statSync(path.join(backups, copy)).mode & 0o077, copy).toBe(0);
      const rows = execFileSync('sqlite3', [path.join(backups, copy), 'SELECT email FROM subscribers ORDER BY email'], { encoding: 'utf8' });
      expect(rows.trim().split('\n'), copy).toEqual(['ana@reader.example', 'bo@reader.example']);
    }
  });
});

/** The final stage's WORKDIR, USER, VOLUME and CMD. */
function finalStage(dockerfile: string) {
  const stage = dockerfile.split(/^FROM\s+/m).at(-1)!;
  const last = (key: string) => [...stage.matchAll(new RegExp(`^${key}\\s+(.+)$`, 'gm'))].at(-1)?.[1].trim();
  const health = last('HEALTHCHECK');
  return {
    workdir: last('WORKDIR')!,
    user: last('USER')!,
    volume: JSON.parse(last('VOLUME')!) as string[],
    cmd: JSON.parse(last('CMD')!) as string[],
    healthCmd: health ? (JSON.parse(/\bCMD\s+(\[.*\])$/.exec(health)![1]) as string[]) : null,
  };
}

const canSwitchUser = process.getuid?.() === 0;

describe.skipIf(!canSwitchUser)('Docker layout (needs root to run the command as an unprivileged user)', () => {
  it('the image’s command runs as an unprivileged user with /app read-only and writes only under /data', async () => {
    const df = read('Dockerfile');
    const froms = [...df.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(froms.every((f) => f.startsWith('node:20-slim'))).toBe(true);
    const { workdir, user, volume, cmd, healthCmd } = finalStage(df);
    expect(user).not.toMatch(/^(root|0)$/);
    expect(volume).toEqual(['/data']);
    expect(workdir).toBe('/data');

    // /data: the host folder the Dockerfile's header makes, by its own commands (run as root, as it says), then
    // the local feed the config names copied in; the image's `node` user is uid 1000 in node images
    expect(user).toBe('node');
    const uid = 1000;
    const host = tempDir('docker-host');
    chmodSync(host, 0o755); // an ordinary folder on the host (mkdtemp makes it 0700)
    writeDigest(host);
    const setup = /^#\s+(mkdir data\b.*?)(?:\s+#.*)?$/m.exec(df);
    expect(setup, 'the Dockerfile header: how to make the data folder').not.toBeNull();
    execFileSync('sh', ['-c', setup![1]], { cwd: host, stdio: 'pipe' });
    const data = path.join(host, 'data');
    execFileSync('cp', [path.join(host, 'feed.xml'), data]);
    sink = await startSink();
    const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: data, NODE_ENV: 'production', DIGEST_SMTP_URL: sink.url, DIGEST_SECRET: SECRET };
    // the reader is added as the image's user too, as `docker exec` would
    const argvOf = (args: string[]) => args.map((a) => (a.startsWith('/app/') ? path.join(ROOT, a.slice(5)) : a.startsWith('/data') ? data + a.slice(5) : a));
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, argvOf(['/app/bin/digest.js', 'subscribers', 'add', 'ana@reader.example', '--config', '/data/digest.config.yaml']), { cwd: data, env, uid, gid: uid }, (err, _o, e) =>
        err ? reject(new Error(e || err.message)) : resolve(),
      ),
    );

    const argv = argvOf(cmd);
    expect(argv[0]).toBe('node');
    const child = spawn(process.execPath, argv.slice(1), { cwd: data, env, uid, gid: uid, stdio: 'pipe' });
    children.push(child);
    let said = '';
    child.stdout!.on('data', (c) => (said += c));
    child.stderr!.on('data', (c) => (said += c));
    await waitUntil(() => sink!.received.length === 1 || child.exitCode !== null, 'the first edition', 150_000).catch((err) => {
      throw new Error(`${err.message}: ${said}`);
    });
    await waitUntil(() => said.includes('"edition-sent"') || child.exitCode !== null, 'the scheduler to log the send');
    // the image's HEALTHCHECK, run inside the container as docker does (same user, same /data): healthy while the
    // scheduler runs, unhealthy once it has stopped
    expect(healthCmd, 'the Dockerfile has a HEALTHCHECK').not.toBeNull();
    const healthcheck = () =>
      new Promise<{ code: number; said: string }>((resolve) =>
        execFile(process.execPath, argvOf(healthCmd!).slice(1), { cwd: data, env, uid, gid: uid }, (err, o, e) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, said: o + e }),
        ),
      );
    expect(argvOf(healthCmd!)[0]).toBe('node');
    const healthy = await healthcheck();
    expect(healthy.code, healthy.said).toBe(0);
    child.kill('SIGTERM');
    expect(await exitOf(child), said).toBe(0);
    const stopped = await healthcheck();
    expect(stopped.code, stopped.said).toBe(1);
    expect(stopped.said).toContain('digest run is not running');
    expect(said).not.toMatch(/"level":"error"|EACCES|EROFS|internal error/);
    expect(sink.received.map((m) => m.to[0])).toEqual(['ana@reader.example']);

    // everything written is under /data and belongs to the unprivileged user
    const [edition] = readdirSync(path.join(data, 'out'));
    for (const f of [path.join(data, '.digest'), path.join(data, '.digest/digest.db'), path.join(data, 'out', edition, 'digest.json')]) {
      expect(statSync(f).uid, f).toBe(uid);
    }
    expect(statSync(path.join(data, '.digest')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(data, '.digest/digest.db')).mode & 0o777).toBe(0o600);
  }, 240_000);
});

describe('the Dockerfile header', () => {
  it('starts the scheduler and the web app with a restart policy, so both come back after a reboot or a crash', () => {
    const runs = [...read('Dockerfile').matchAll(/^#\s+(docker run .*)$/gm)].map((m) => m[1]);
    expect(runs.length).toBe(2);
    for (const run of runs) expect(run, run).toMatch(/--restart (unless-stopped|always)\b/);
  });
});

describe('the Docker build context', () => {
  it('.dockerignore keeps what an operator keeps beside the checkout out of the image, and lets in what the build needs', () => {
    const ignore = read('.dockerignore');
    // the Dockerfile header's data folder (subscribers, send ledger), secrets files, a DKIM key, the config
    const operators = ['data/digest.config.yaml', 'data/.digest/digest.db', 'roundup.env', 'prod.env', 'dkim.pem', 'digest.config.yaml', '.digest/digest.db', 'out/2026-11-23/digest.json'];
    for (const f of operators) expect(dockerIgnores(ignore, f), f).toBe(true);
    const df = read('Dockerfile');
    for (const m of df.matchAll(/--env-file\s+(\S+)/g)) {
      if (!m[1].startsWith('/')) expect(dockerIgnores(ignore, m[1]), `the header's ${m[1]}`).toBe(true);
    }
    for (const f of ['package.json', 'package-lock.json', 'src/cli/index.ts', 'bin/digest.js', 'tools/build.mjs', 'tools/build-word-vectors.mjs', 'templates/digest.mjml', 'tsconfig.build.json']) {
      expect(dockerIgnores(ignore, f), f).toBe(false);
    }
  });
});
