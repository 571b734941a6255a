// The desk of `digest serve` behind a reverse proxy that serves it under a path (`/digest/` passed to serve's `/`,
// as nginx's `location /digest/ { proxy_pass http://127.0.0.1:8080/; }` does), with email.baseUrl naming the path.
// An editor goes from the "draft ready" mail to an approved edition through the proxy alone, and every link, form
// and redirect on the way stays under /digest/ and answers (no 404 at the proxy).
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseHTML } from 'linkedom';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { startSink, type Sink } from '../deliver/support.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { CLI_TIMEOUT, NOW, SECRET, makeDeskWorkspace, type DeskWorkspace } from './workspace.js';

const PREFIX = '/digest/';
/** serve's public address as the mails name it; the test reaches it at the proxy */
const PUBLIC = 'https://desk.test';

let ws: DeskWorkspace;
let sink: Sink;
let serve: Listening;
let proxy: PathProxy;

interface PathProxy {
  origin: string;
  /** every request the proxy got: method, path as the browser sent it, the answer's status */
  log: { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

/**
 * A reverse proxy on 127.0.0.1: `/digest/x` goes to serve's `/x`, with the Host header kept and X-Forwarded-For and
 * X-Forwarded-Proto set, as the nginx and Caddy recipes do; anything else is a 404 here.
 */
async function startPathProxy(target: string): Promise<PathProxy> {
  const log: PathProxy['log'] = [];
  const server: Server = createServer((req, res) => {
    const entry = { method: req.method ?? 'GET', path: req.url ?? '', status: 0 };
    log.push(entry);
    const answer = (status: number, text: string) => {
      entry.status = status;
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(text);
    };
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
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Page {
  url: URL;
  status: number;
  html: string;
  document: Document;
}

/** An editor's browser, reduced to what the desk needs: cookies, redirects followed, forms posted, links resolved. */
class Editor {
  private readonly jar = new Map<string, string>();
  /** every redirect followed: where it was, where it led */
  readonly redirects: { from: string; location: string; to: URL }[] = [];
  private readonly checked = new Set<string>();

  /** A public address from a mail, at the proxy. */
  at(link: string): string {
    expect(link.startsWith(`${PUBLIC}${PREFIX}`), `${link} is not under ${PUBLIC}${PREFIX}`).toBe(true);
    return `${proxy.origin}${link.slice(PUBLIC.length)}`;
  }

  async open(url: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<Page> {
    let at = new URL(url);
    let res = await this.send(at, init);
    for (let hops = 0; res.status >= 300 && res.status < 400; hops++) {
      expect(hops, `too many redirects from ${url}`).toBeLessThan(5);
      const location = res.headers.get('location') ?? '';
      const to = new URL(location, at);
      this.redirects.push({ from: at.pathname, location, to });
      expect(to.origin).toBe(proxy.origin);
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
      if (to.origin !== proxy.origin && to.origin !== PUBLIC) continue; // a story's own site
      expect(to.pathname, `${ref.attr}="${ref.value}" on ${page.url.pathname}`).toMatch(/^\/digest\//);
      if (!ref.get || to.origin !== proxy.origin) continue;
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
    if (init.method === 'POST') Object.assign(headers, { Origin: proxy.origin, 'Sec-Fetch-Site': 'same-origin' });
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
  ws = makeDeskWorkspace('schedule: "0 7 * * 1"\nreview: required\neditors: [ed@desk.test]\n', { baseUrl: `${PUBLIC}${PREFIX}` });
  const store = openStore(ws.stateDir);
  store.addSubscriber({ email: 'ann@reader.test' });
  store.close();
}, CLI_TIMEOUT);
afterAll(async () => {
  await proxy?.close();
  await serve?.stop();
  await sink?.close();
  ws?.remove();
});

const mailText = async (to: string, after: number): Promise<string> => {
  await sink.waitFor(() => sink.received.slice(after).some((m) => m.to.includes(to)), CLI_TIMEOUT);
  return (await simpleParser(sink.received.slice(after).find((m) => m.to.includes(to))!.raw)).text ?? '';
};
const linkIn = (text: string, pattern: RegExp) => {
  const found = text.split(/\s+/).find((w) => pattern.test(w));
  expect(found, `no link like ${pattern} in:\n${text}`).toBeDefined();
  return found!;
};

describe('the desk of digest serve under a path, behind a reverse proxy', () => {
  it('an editor goes from the "draft ready" mail to approval through the proxy alone', async () => {
    const r = await runCli(['tick', '--config', ws.configFile, '--now', NOW], { cwd: ws.dir, env: { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, timeoutMs: CLI_TIMEOUT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/draft built, editors told/);
    const deskLink = linkIn(await mailText('ed@desk.test', 0), /^https:\/\//);
    expect(deskLink).toBe('https://desk.test/digest/desk');

    serve = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: SECRET, DIGEST_SMTP_URL: sink.url }, { extraArgs: ['--trust-proxy'] });
    proxy = await startPathProxy(serve.url);
    const ed = new Editor();

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
    expect(desk.url.pathname).toBe('/digest/desk');
    expect(desk.html).toContain('signed in as ed@desk.test');
    await ed.checkLinks(desk); // the email and the report, in the frame and as links

    // a correction, then approval: each form posts under the path and leads back to the desk
    const intro = desk.document.querySelector('form input[name=action][value=intro]')!.closest('form')!;
    desk = await ed.submit(desk, intro, { text: 'Written behind the proxy.' });
    expect(desk.url.pathname).toBe('/digest/desk');
    expect(desk.document.querySelector('#desk .msg')?.textContent).toMatch(/Correction #1 \(intro\) applied/);
    expect(desk.html).toContain('Written behind the proxy.');
    await ed.checkLinks(desk);
    desk = await ed.submit(desk, desk.document.querySelector('form.approve')!);
    expect(desk.url.pathname).toBe('/digest/desk');
    expect(desk.document.querySelector('#desk .msg')?.textContent).toMatch(/Edition 2026-11-23 approved/);
    expect(desk.document.querySelector('#desk-state')?.textContent).toBe('approved by ed@desk.test');
    await ed.checkLinks(desk);

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
    // nothing was asked of the proxy outside the path, and nothing it passed on was missing
    expect(proxy.log.filter((l) => !l.path.startsWith(PREFIX) || l.status === 404)).toEqual([]);
  }, CLI_TIMEOUT * 2);
});
