// The desk of `digest serve` behind a reverse proxy that serves it under a path (`/digest/` passed to serve's `/`,
// as nginx's `location /digest/ { proxy_pass http://127.0.0.1:8080/; }` does), with email.baseUrl naming the path.
// An editor goes from the "draft ready" mail to an approved edition through the proxy alone, and every link, form
// and redirect on the way stays under /digest/ and answers (no 404 at the proxy). Through a small proxy of the
// test's own, and through real nginx and Caddy (Debian's packages) configured with the lines docs/operations.md
// gives under "Under a path", so what the docs tell an operator to write is what is tested.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseHTML } from 'linkedom';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { CLI_TIMEOUT, NOW, SECRET, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

const PREFIX = '/digest/';
/** serve's public address as the mails name it; the test reaches it at the proxy */
const PUBLIC = 'https://desk.test';

let sink: Sink;

interface PathProxy {
  origin: string;
  /** every request the proxy got: method, path as the browser sent it, the answer's status */
  requests(): { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

/**
 * A reverse proxy of the test's own on 127.0.0.1: `/digest/x` goes to serve's `/x`, with the Host header kept and
 * X-Forwarded-For and X-Forwarded-Proto set, as the nginx and Caddy recipes do; anything else is a 404 here.
 */
async function startNodeProxy(target: string): Promise<PathProxy> {
  const log: ReturnType<PathProxy['requests']> = [];
  const server: Server = createServer((req, res) => {
    const entry = { method: req.method ?? 'GET', path: req.url ?? '', status: 0 };
    log.push(entry);
    const answer = (status: number, text: string) => {
      entry.status = status;
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(text);
    };
    // the path without its slash, as nginx's location and Caddy's redir answer it
    if (entry.path === PREFIX.slice(0, -1)) {
      entry.status = 301;
      return void res.writeHead(301, { Location: PREFIX }).end();
    }
    if (!entry.path.startsWith(PREFIX)) return answer(404, `not under ${PREFIX}\n`);
    const upstream = request(
      new URL(entry.path.slice(PREFIX.length - 1), target),
      {
        method: req.method,
        headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '', 'x-forwarded-proto': 'https' },
      },
      (up) => {
        entry.status = up.statusCode ?? 0;
        res.writeHead(entry.status, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (err) => answer(502, err.message));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const docs = () => readFileSync(path.join(ROOT, 'docs/operations.md'), 'utf8');
/** the fenced block of this language that docs/operations.md gives under "Under a path" */
function docsBlock(lang: string): string {
  const section = docs().slice(docs().indexOf('**Under a path.**'));
  const found = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
  expect(found, `no ${lang} block under "Under a path" in docs/operations.md`).not.toBeNull();
  return found![1];
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Until the proxy answers under the path, or its process ended. */
async function started(origin: string, child: ChildProcess, said: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    expect(child.exitCode, `the proxy stopped: ${said()}`).toBeNull();
    if (await fetch(`${origin}${PREFIX}healthz`, { redirect: 'manual' }).then(() => true, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the proxy did not answer: ${said()}`);
}

/** a proxy's process, the folder it works in, what it said, and the requests read from its access log */
async function startChild(origin: string, dir: string, cmd: string, args: string[], env: Record<string, string>, requests: () => ReturnType<PathProxy['requests']>): Promise<PathProxy> {
  const child = spawn(cmd, args, { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let said = '';
  child.stdout!.on('data', (c) => (said += c));
  child.stderr!.on('data', (c) => (said += c));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }).then(() => rmSync(dir, { recursive: true, force: true }));
  try {
    await started(origin, child, () => said);
  } catch (err) {
    await stop();
    throw err;
  }
  return { origin, requests, close: stop };
}

/**
 * nginx with the locations docs/operations.md gives, inside a server of the recipe's proxy headers
 * (deploy/nginx/roundup.conf), on plain HTTP: TLS ends there in the recipe, so the forwarded scheme is https.
 */
async function startNginx(target: string): Promise<PathProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-nginx-path-'));
  const port = await freePort();
  const headers = readFileSync(path.join(ROOT, 'deploy/nginx/roundup.conf'), 'utf8')
    .split('\n')
    .filter((l) => /^\s*proxy_set_header /.test(l))
    .map((l) => l.replace('$scheme', 'https'))
    .join('\n');
  const locations = docsBlock('nginx').replaceAll('http://127.0.0.1:8080', target.replace(/\/$/, ''));
  for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, t));
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `error_log ${dir}/error.log; pid ${dir}/nginx.pid; events {}
http {
  log_format line '$request_method $request_uri $status';
  access_log ${dir}/access.log line;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
${headers}
${locations}
  }
}
`,
  );
  execFileSync('nginx', ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'pipe' });
  const requests = () =>
    readFileSync(path.join(dir, 'access.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [method, p, status] = l.split(' ');
        return { method, path: p, status: Number(status) };
      });
  return startChild(`http://127.0.0.1:${port}`, dir, 'nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off; master_process off;'], {}, requests);
}

/** Caddy with the site block docs/operations.md gives, on plain HTTP (Caddy sets X-Forwarded-Proto from what it saw) */
async function startCaddy(target: string): Promise<PathProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundup-caddy-path-'));
  const port = await freePort();
  const block = docsBlock('caddyfile').replaceAll('127.0.0.1:8080', new URL(target).host);
  writeFileSync(
    path.join(dir, 'Caddyfile'),
    `{
	admin off
	auto_https off
}
http://127.0.0.1:${port} {
	log {
		output file ${dir}/access.log
		format json
	}
${block}
	respond 404
}
`,
  );
  const requests = () =>
    readFileSync(path.join(dir, 'access.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { request: { method: string; uri: string }; status: number })
      .map((e) => ({ method: e.request.method, path: e.request.uri, status: e.status }));
  const env = { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
  return startChild(`http://127.0.0.1:${port}`, dir, 'caddy', ['run', '--config', path.join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], env, requests);
}

interface Page {
  url: URL;
  status: number;
  html: string;
  document: Document;
}

/** An editor's browser, reduced to what the desk needs: cookies, redirects followed, forms posted, links resolved. */
class Editor {
  /** `origin`: what the browser sends as Origin with a form (at the proxy, or the public address a reader is at) */
  constructor(
    private readonly proxy: PathProxy,
    private readonly origin: string = proxy.origin,
  ) {}
  private readonly jar = new Map<string, string>();
  /** every redirect followed: where it was, where it led */
  readonly redirects: { from: string; location: string; to: URL }[] = [];
  private readonly checked = new Set<string>();

  /** A public address from a mail, at the proxy. */
  at(link: string): string {
    expect(link.startsWith(`${PUBLIC}${PREFIX}`), `${link} is not under ${PUBLIC}${PREFIX}`).toBe(true);
    return `${this.proxy.origin}${link.slice(PUBLIC.length)}`;
  }

  async open(url: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<Page> {
    let at = new URL(url);
    let res = await this.send(at, init);
    // a form's post redirected by anything but serve's 303 (a proxy's 301 to the path with a slash) would be asked
    // again by a browser as a GET: the correction, the approval or the sign-in never reaches serve
    if (init.method === 'POST' && res.status >= 300 && res.status < 400) expect(res.status, `POST ${at.pathname} redirected to ${res.headers.get('location')}`).toBe(303);
    for (let hops = 0; res.status >= 300 && res.status < 400; hops++) {
      expect(hops, `too many redirects from ${url}`).toBeLessThan(5);
      const location = res.headers.get('location') ?? '';
      const to = new URL(location, at);
      this.redirects.push({ from: at.pathname, location, to });
      expect(to.origin).toBe(this.proxy.origin);
      expect(to.pathname, `${at.pathname} redirected to ${location}`).toMatch(/^\/digest\//);
      at = to;
      res = await this.send(at, {});
    }
    const html = await res.text();
    return { url: at, status: res.status, html, document: parseHTML(html).document as unknown as Document };
  }

  /** Post a form of the page as its button would: its hidden fields, its textareas as written, and `fields`. */
  submit(page: Page, form: Element, fields: Record<string, string> = {}): Promise<Page> {
    const body = new URLSearchParams();
    for (const input of form.querySelectorAll('input[type=hidden]')) body.append(input.getAttribute('name')!, input.getAttribute('value') ?? '');
    for (const area of form.querySelectorAll('textarea')) if (!(area.getAttribute('name')! in fields)) body.append(area.getAttribute('name')!, area.textContent ?? '');
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    return this.open(new URL(form.getAttribute('action') ?? '', page.url).href, { method: 'POST', body });
  }

  /**
   * Every address on the page (links, frames, forms, stylesheets, images, scripts) resolved as a browser does: ours stay
   * under /digest/ (at the proxy, or at the public address in the email), and the links and frames of ours answer.
   */
  async checkLinks(page: Page): Promise<void> {
    const refs: { attr: string; value: string; get: boolean }[] = [];
    const take = (selector: string, attr: string, get: boolean) => {
      for (const el of page.document.querySelectorAll(selector)) refs.push({ attr: `${el.tagName.toLowerCase()} ${attr}`, value: el.getAttribute(attr) ?? '', get });
    };
    take('a[href]', 'href', true);
    take('iframe[src]', 'src', true);
    take('link[href]', 'href', true);
    take('img[src]', 'src', false);
    take('script[src]', 'src', false);
    take('form', 'action', false);
    for (const ref of refs) {
      if (/^(data:|mailto:|#)/i.test(ref.value)) continue;
      const to = new URL(ref.value, page.url);
      if (to.origin !== this.proxy.origin && to.origin !== PUBLIC) continue; // a story's own site
      expect(to.pathname, `${ref.attr}="${ref.value}" on ${page.url.pathname}`).toMatch(/^\/digest\//);
      if (!ref.get || to.origin !== this.proxy.origin) continue;
      const key = to.pathname + to.search;
      if (this.checked.has(key)) continue;
      this.checked.add(key);
      const r = await this.open(to.href);
      expect(r.status, `${ref.attr}="${ref.value}" on ${page.url.pathname} answered ${r.status}`).toBe(200);
    }
  }

  private async send(url: URL, init: { method?: string; body?: URLSearchParams }): Promise<Response> {
    const headers: Record<string, string> = { Cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    // what a browser sends along with a form of the page
    if (init.method === 'POST') Object.assign(headers, { Origin: this.origin, 'Sec-Fetch-Site': 'same-origin' });
    const res = await fetch(url, { method: init.method ?? 'GET', body: init.body, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';').map((s) => s.trim());
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      // a cookie for Path=/ is sent under /digest/ too (the __Host- prefix requires Path=/)
      expect(attrs.find((a) => /^path=/i.test(a))).toMatch(/^Path=\//);
      if (attrs.some((a) => /^max-age=0$/i.test(a))) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }
}

beforeAll(async () => {
  sink = await startSink();
}, CLI_TIMEOUT);
afterAll(async () => {
  await sink?.close();
});

const mailText = async (to: string, after: number): Promise<string> => {
  // the first mail to them after that many
  await sink.waitFor(() => sink.received.slice(after).some((m) => m.to.includes(to)), CLI_TIMEOUT);
  return (await simpleParser(sink.received.slice(after).find((m) => m.to.includes(to))!.raw)).text ?? '';
};
const linkIn = (text: string, pattern: RegExp) => {
  const found = text.split(/\s+/).find((w) => pattern.test(w));
  expect(found, `no link like ${pattern} in:\n${text}`).toBeDefined();
  return found!;
};

/** The editor's way from the "draft ready" mail to approval, on a workspace of its own, through the proxy `startProxy` starts. */
async function editorThrough(startProxy: (target: string) => Promise<PathProxy>): Promise<void> {
  const ws: DeskWorkspace = makeDeskWorkspace('schedule: "0 7 * * 1"\nreview: required\neditors: [ed@desk.test]\n', { baseUrl: `${PUBLIC}${PREFIX}` });
  const store = openStore(ws.stateDir);
  store.addSubscriber({ email: 'ann@reader.test' });
  store.close();
  const first = sink.received.length;
  let serve: Listening | undefined;
  let proxy: PathProxy | undefined;
  try {
      const r = await runCli(['tick', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, timeoutMs: CLI_TIMEOUT });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/draft built, editors told/);
      const deskLink = linkIn(await mailText('ed@desk.test', first), /^https:\/\//);
      expect(deskLink).toBe('https://desk.test/digest/desk');

      serve = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, { extraArgs: ['--trust-proxy'] });
      proxy = await startProxy(serve.url);
      const ed = new Editor(proxy);

      // the mail's link: not signed in yet, so the sign-in form
      const login = await ed.open(ed.at(deskLink));
      expect(login.status).toBe(200);
      expect(login.url.pathname).toBe('/digest/desk/login');
      await ed.checkLinks(login);
      const before = sink.received.length;
      const asked = await ed.submit(login, login.document.querySelector('form')!, { email: 'ed@desk.test' });
      expect(asked.status).toBe(200);
      expect(asked.html).toContain('a sign-in link is on its way');

      // the sign-in link as mailed carries the path; its button signs in and leads to the desk
      const signInLink = linkIn(await mailText('ed@desk.test', before), /\/desk\/auth\//);
      expect(signInLink.startsWith('https://desk.test/digest/desk/auth/')).toBe(true);
      const button = await ed.open(ed.at(signInLink));
      expect(button.status).toBe(200);
      await ed.checkLinks(button);
      let desk = await ed.submit(button, button.document.querySelector('form')!);
      expect(desk.status).toBe(200);
      expect(desk.url.pathname).toMatch(/^\/digest\/desk\/?$/);
      expect(desk.html).toContain('signed in as ed@desk.test');
      await ed.checkLinks(desk); // the email and the report, in the frame and as links

      // a correction, then approval: each form posts under the path and leads back to the desk
      const intro = desk.document.querySelector('form input[name=action][value=intro]')!.closest('form')!;
      desk = await ed.submit(desk, intro, { text: 'Written behind the proxy.' });
      expect(desk.url.pathname).toMatch(/^\/digest\/desk\/?$/);
      expect(desk.document.querySelector('#desk .msg')?.textContent).toMatch(/Correction #1 \(intro\) applied/);
      expect(desk.html).toContain('Written behind the proxy.');
      await ed.checkLinks(desk);
      desk = await ed.submit(desk, desk.document.querySelector('form.approve')!);
      expect(desk.url.pathname).toMatch(/^\/digest\/desk\/?$/);
      expect(desk.document.querySelector('#desk .msg')?.textContent).toMatch(/Edition 2026-11-23 approved/);
      expect(desk.document.querySelector('#desk-state')?.textContent).toBe('approved by ed@desk.test');
      await ed.checkLinks(desk);

      // the site's address as a reader types it, without the slash: the landing page, its links under the path
      const landing = await ed.open(`${proxy.origin}${PREFIX.slice(0, -1)}`);
      expect(landing.status).toBe(200);
      expect(landing.url.pathname).toBe(PREFIX);
      expect(landing.document.querySelector('form')?.getAttribute('action')).toBe('subscribe');
      await ed.checkLinks(landing);

      // the desk asked for with a trailing slash (nginx's `location /digest/desk/` redirects /digest/desk there): its
      // links and forms are resolved from there; signing out from it leads back to the sign-in form, under the path
      const slashed = await ed.open(`${proxy.origin}/digest/desk/`);
      expect(slashed.status).toBe(200);
      expect(slashed.html).toContain('signed in as ed@desk.test');
      await ed.checkLinks(slashed);
      const signOut = [...slashed.document.querySelectorAll('form')].find((f) => f.textContent?.includes('Sign out'))!;
      const out = await ed.submit(slashed, signOut);
      expect(out.url.pathname).toBe('/digest/desk/login');

      // the pages that refuse: a used sign-in link, the draft without a session; their links lead back under the path
      const used = await ed.open(ed.at(signInLink));
      expect(used.status).toBe(400);
      await ed.checkLinks(used);
      const refused = await ed.open(`${proxy.origin}/digest/desk/email.html`);
      expect(refused.status).toBe(403);
      await ed.checkLinks(refused);

      expect(ed.redirects.length).toBeGreaterThanOrEqual(5);
      // nothing was asked of the proxy outside the path but the path without its slash (redirected to it), and
      // nothing it passed on was missing
      expect(proxy.requests().filter((l) => !(l.path.startsWith(PREFIX) || (l.path === PREFIX.slice(0, -1) && [301, 302].includes(l.status))) || l.status === 404)).toEqual([]);
  } finally {
    await proxy?.close();
    await serve?.stop();
    ws.remove();
  }
}

/**
 * A reader's way under the path: the landing page's form, the confirmation link mailed, the preferences link mailed to
 * an address already subscribed, saving them, and unsubscribing from there, through the proxy `startProxy` starts.
 */
async function readerThrough(startProxy: (target: string) => Promise<PathProxy>): Promise<void> {
  const ws: DeskWorkspace = makeDeskWorkspace('', { baseUrl: `${PUBLIC}${PREFIX}` });
  // a welcome message once confirmed, with the reader's preferences and unsubscribe links
  writeFileSync(ws.configFile, readFileSync(ws.configFile, 'utf8').replace(/^( {2}address: .*\n)/m, '$1  welcome: true\n'));
  const env = { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url };
  let serve: Listening | undefined;
  let proxy: PathProxy | undefined;
  try {
    serve = await startServe(ws.configFile, ws.dir, env, { extraArgs: ['--trust-proxy'] });
    proxy = await startProxy(serve.url);
    // a browser at the public address sends its origin with a form
    const reader = new Editor(proxy, PUBLIC);
    const email = `reader-${Date.now()}@reader.test`;

    const landing = await reader.open(`${proxy.origin}${PREFIX}`);
    expect(landing.status).toBe(200);
    await reader.checkLinks(landing);
    let before = sink.received.length;
    const asked = await reader.submit(landing, landing.document.querySelector('form')!, { email });
    expect(asked.status, asked.html).toBe(200);
    expect(asked.url.pathname).toBe(`${PREFIX}subscribe`);
    await reader.checkLinks(asked);

    const confirmLink = linkIn(await mailText(email, before), /\/confirm\//);
    const question = await reader.open(reader.at(confirmLink));
    expect(question.status).toBe(200);
    await reader.checkLinks(question);
    before = sink.received.length;
    const confirmed = await reader.submit(question, question.document.querySelector('form')!);
    expect(confirmed.status).toBe(200);
    expect(confirmed.url.pathname).toBe(question.url.pathname);
    await reader.checkLinks(confirmed);

    // the welcome message's link to the reader's preferences
    const prefsLink = linkIn(await mailText(email, before), /\/preferences\//);
    const prefs = await reader.open(reader.at(prefsLink));
    expect(prefs.status).toBe(200);
    await reader.checkLinks(prefs);
    const form = [...prefs.document.querySelectorAll('form')].find((f) => f.querySelector('input[name=sections]'))!;
    const firstSection = form.querySelector('input[name=sections]')!.getAttribute('value')!;
    const saved = await reader.submit(prefs, form, { sections: firstSection });
    expect(saved.status).toBe(200);
    expect(saved.url.pathname).toBe(prefs.url.pathname);
    await reader.checkLinks(saved);

    // unsubscribing from there: the link's page asks, its button unsubscribes, its link offers the form again
    const unsubscribeHref = [...saved.document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).find((h) => /(^|\/)u\//.test(h))!;
    expect(unsubscribeHref, 'the preferences page links to unsubscribing').toBeDefined();
    const ask = await reader.open(new URL(unsubscribeHref, saved.url).href);
    expect(ask.status).toBe(200);
    expect(ask.url.pathname).toMatch(new RegExp(`^${PREFIX}u/`));
    const gone = await reader.submit(ask, ask.document.querySelector('form')!);
    expect(gone.status).toBe(200);
    await reader.checkLinks(gone);

    const listed = await runCli(['subscribers', 'list', '--json', '--config', ws.configFile], { cwd: ws.dir });
    const row = (JSON.parse(listed.stdout) as { email: string; status: string; sections: string[] | null }[]).find((r) => r.email === email);
    expect(row?.status).toBe('unsubscribed');
    expect(proxy.requests().filter((l) => !l.path.startsWith(PREFIX) || l.status === 404)).toEqual([]);
  } finally {
    await proxy?.close();
    await serve?.stop();
    ws.remove();
  }
}

describe('the desk of digest serve under a path, behind a reverse proxy', () => {
  it('an editor goes from the "draft ready" mail to approval through the proxy alone', () => editorThrough(startNodeProxy), CLI_TIMEOUT * 2);

  it.skipIf(!has('nginx'))(
    `the same through nginx, with the locations docs/operations.md gives${has('nginx') ? '' : ' (skipped: nginx is not installed)'}`,
    () => editorThrough(startNginx),
    CLI_TIMEOUT * 2,
  );

  it.skipIf(!has('caddy'))(
    `the same through Caddy, with the site block docs/operations.md gives${has('caddy') ? '' : ' (skipped: caddy is not installed)'}`,
    () => editorThrough(startCaddy),
    CLI_TIMEOUT * 2,
  );
});

describe('the reader pages of digest serve under a path, behind a reverse proxy', () => {
  it('a reader subscribes, confirms, saves preferences and unsubscribes through the proxy alone', () => readerThrough(startNodeProxy), CLI_TIMEOUT);
  it.skipIf(!has('nginx'))(`the same through nginx${has('nginx') ? '' : ' (skipped: nginx is not installed)'}`, () => readerThrough(startNginx), CLI_TIMEOUT);
  it.skipIf(!has('caddy'))(`the same through Caddy${has('caddy') ? '' : ' (skipped: caddy is not installed)'}`, () => readerThrough(startCaddy), CLI_TIMEOUT);
});
