// The `serve` web app: node:http + the small router. Routes come from modules that take the router
// (subscriber pages here; archive and feed can be added the same way with `extraRoutes`).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DigestConfig } from '../types.js';
import type { Store } from '../store/types.js';
import type { Tokens } from '../deliver/tokens.js';
import type { MailSender } from '../deliver/transport.js';
import { HttpError, REQUEST_TIMEOUTS, drainedBody, sendHtml, sendJson } from './http.js';
import { pagesFor } from './pages.js';
import { Router } from './router.js';
import { addSubscriberRoutes, type SubscriberRouteDeps } from './subscriber-routes.js';

export interface WebDeps {
  config: DigestConfig;
  store: Store;
  tokens: Tokens;
  mailer?: MailSender;
  /** take the client IP from X-Forwarded-For (only behind your own reverse proxy) */
  trustProxy?: boolean;
  subscribeLimit?: SubscriberRouteDeps['subscribeLimit'];
  noticeCooldownMs?: number;
  /** more routes (archive, /feed.xml …) */
  extraRoutes?: ((router: Router, deps: WebDeps) => void)[];
  log?: (line: string) => void;
  /** why no request can be served now (the database was replaced under serve), or null */
  outOfService?: () => string | null;
}

export function buildRouter(deps: WebDeps): Router {
  const router = new Router();
  router.get('/healthz', ({ res }) => sendJson(res, 200, { status: 'ok' }));
  addSubscriberRoutes(router, deps);
  for (const add of deps.extraRoutes ?? []) add(router, deps);
  return router;
}

export function createWebServer(deps: WebDeps): Server {
  const router = buildRouter(deps);
  const log = deps.log ?? (() => {});
  const site = deps.config.title;
  const pages = pagesFor(deps.config.locale);
  let saidDown = false;
  return createServer(REQUEST_TIMEOUTS, async (req, res) => {
    const url = requestUrl(req.url);
    // the provider webhooks are an API: their errors stay JSON; every other route is a page
    const api = url.pathname.startsWith('/webhooks/');
    const down = deps.outOfService?.() ?? null;
    if (down) {
      // every answer, /healthz's too, says so: a monitor sees it, and nothing is written where nobody reads it
      if (!saidDown) log(`error: ${down}`);
      saidDown = true;
      return api || url.pathname === '/healthz' ? sendJson(res, 503, { status: 'unavailable', error: down }) : sendHtml(res, 503, pages.serverError(site));
    }
    try {
      const found = router.match(req.method ?? 'GET', url.pathname);
      if (!found) {
        await drainedBody(req);
        return sendHtml(res, 404, pages.notFound(site));
      }
      if ('allowed' in found) {
        await drainedBody(req);
        const allow = found.allowed.includes('GET') ? [...found.allowed, 'HEAD'] : found.allowed;
        return sendHtml(res, 405, pages.methodNotAllowed(site), { Allow: allow.join(', ') });
      }
      await found.handler({ req, res, url, params: found.params, ip: clientIp(req, deps.trustProxy ?? false) });
    } catch (err) {
      if (res.headersSent) return void res.end();
      // the client went away mid-body: nobody to answer, nothing wrong with the server
      if (req.socket.destroyed) return;
      if (err instanceof HttpError) return api ? sendJson(res, err.status, { error: err.message }) : sendHtml(res, err.status, pages.badRequest(site, err.message));
      log(`error on ${req.method} ${req.url?.split('/').slice(0, 2).join('/')}: ${err instanceof Error ? err.message : String(err)}`);
      if (api) return sendJson(res, 500, { error: 'internal error' });
      sendHtml(res, 500, pages.serverError(site));
    }
  });
}

/**
 * The request target as a URL. `//host/x` is a path here, not a host (as `new URL(target, base)` would read it);
 * an absolute-form target (`http://host/x`, sent to proxies) keeps its path.
 */
export function requestUrl(target: string | undefined): URL {
  const t = target ?? '/';
  try {
    return t.startsWith('/') ? new URL(`http://localhost${t}`) : new URL(t, 'http://localhost/');
  } catch {
    return new URL('http://localhost/%00'); // matches no route: 404
  }
}

/**
 * The client's address. Behind your own proxy (--trust-proxy) it is the right-most X-Forwarded-For
 * hop: the one your proxy appended. Hops to its left come from the client and can be forged.
 */
export function clientIp(req: import('node:http').IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(fwd) ? fwd.join(',') : (fwd ?? '')).split(',').map((h) => h.trim()).filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** Listen and resolve with the bound address (port 0 picks a free one). */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
