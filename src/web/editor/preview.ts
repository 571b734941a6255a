// `digest preview`'s server: builds the edition `build` would make now, serves it for editors, and
// rebuilds + pushes a reload (Server-Sent Events) when the config, the templates or a local feed file change.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { UserError, oneLine } from '../../errors.js';
import { localEditor } from '../../desk/approve.js';
import { makeCorrection, undoCorrection } from '../../desk/edit.js';
import { HttpError, REQUEST_TIMEOUTS, readForm } from '../http.js';
import { requestUrl } from '../server.js';
import type { RequestContext } from '../router.js';
import { crossOrigin } from '../desk/auth.js';
import { DESK_FORM_BYTES, editRequestFromForm } from '../desk/form.js';
import type { DeskMessage } from '../desk/page.js';
import { BUILT_IN_TEMPLATES } from '../../render/template.js';
import { Router } from '../router.js';
import { forceColorScheme } from './color-scheme.js';
import { previewPage, type PageState } from './preview-page.js';
import { buildSnapshot, type PreviewSnapshot, type SnapshotOptions } from './snapshot.js';
import { watchSources, type Watcher } from './watch.js';

export interface PreviewOptions extends SnapshotOptions {
  /** path of the config file */
  configFile: string;
  host?: string;
  /** 0 picks a free port */
  port?: number;
  /** rebuild on changes (default true) */
  watch?: boolean;
  /** where an edition approved on the desk is written (default: where its draft was, else `out`) */
  outDir?: string;
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  /** the last good build (null until one succeeds) */
  readonly snapshot: PreviewSnapshot | null;
  /** the last build's error, or null */
  readonly error: string | null;
  /** rebuild now and push a reload; resolves when the build is done */
  rebuild(reason?: string): Promise<void>;
  close(): Promise<void>;
}

// Own headers: the page runs its small inline script and frames its own routes, nothing else.
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  // forms send their origin (checked by the desk's actions); other sites get no referrer
  'Referrer-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src * data:; frame-ancestors 'self'; base-uri 'none'; form-action 'self'",
};

export async function startPreview(opts: PreviewOptions): Promise<PreviewServer> {
  const log = opts.log ?? (() => {});
  const state: PageState = { snapshot: null, error: null, version: 0, builtAt: null, deskToken: randomBytes(18).toString('base64url'), deskMessage: null };
  const clients = new Set<ServerResponse>();
  const push = (event: string, data: string) => {
    for (const c of clients) c.write(`event: ${event}\ndata: ${data}\n\n`);
  };

  // One build at a time; changes during a build ask for exactly one more.
  let running: Promise<void> | null = null;
  let again = false;
  let watcher: Watcher | null = null;
  const build = async (reason: string) => {
    push('building', reason);
    try {
      state.snapshot = await buildSnapshot(opts.configFile, opts);
      state.error = null;
      log(`built edition ${state.snapshot.edition.edition.id} in ${state.snapshot.ms} ms (${reason})`);
    } catch (err) {
      state.error = oneLine(err);
      log(`build failed (${reason}): ${state.error}`);
    }
    state.version++;
    state.builtAt = new Date().toISOString();
    watcher?.set({
      configFile: path.resolve(opts.configFile),
      templatesDir: state.snapshot?.config.templates ?? BUILT_IN_TEMPLATES,
      feedFiles: (state.snapshot?.config.feeds ?? []).flatMap((f) => (f.path ? [f.path] : [])),
    });
    push('version', String(state.version));
  };
  const rebuild = (reason = 'requested'): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await build(reason);
      } while (again);
      running = null;
    })();
    return running;
  };

  const router = previewRouter(state, clients);
  addDeskActions(router, state, (reason) => rebuild(reason), opts.outDir);
  const server = createServer(REQUEST_TIMEOUTS, (req, res) => handle(router, req, res));
  const addr = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
  if (opts.watch !== false) watcher = watchSources((file) => void rebuild(`changed ${path.basename(file)}`));
  await rebuild('start');
  const host = addr.address.includes(':') ? `[${addr.address}]` : addr.address;

  return {
    url: `http://${host}:${addr.port}/`,
    get snapshot() {
      return state.snapshot;
    },
    get error() {
      return state.error;
    },
    rebuild,
    close: () => close(server, clients, watcher),
  };
}

function previewRouter(state: PageState, clients: Set<ServerResponse>): Router {
  const router = new Router();
  const needSnapshot = (res: ServerResponse): PreviewSnapshot | null => {
    if (state.snapshot) return state.snapshot;
    send(res, 503, 'text/plain; charset=utf-8', `no successful build yet: ${state.error ?? 'building'}\n`);
    return null;
  };
  router.get('/', ({ res }) => send(res, 200, 'text/html; charset=utf-8', previewPage(state)));
  router.get('/email.html', ({ res, url }) => {
    const snap = needSnapshot(res);
    if (!snap) return;
    const scheme = url.searchParams.get('scheme') === 'dark' ? 'dark' : 'light';
    // links open outside the frame, as they would from a mail client
    const html = forceColorScheme(snap.html, scheme).replace(/<head([^>]*)>/i, '<head$1><base target="_blank">');
    send(res, 200, 'text/html; charset=utf-8', html);
  });
  router.get('/digest.txt', ({ res }) => {
    const snap = needSnapshot(res);
    if (snap) send(res, 200, 'text/plain; charset=utf-8', snap.text);
  });
  router.get('/digest.json', ({ res }) => {
    const snap = needSnapshot(res);
    if (snap) send(res, 200, 'application/json; charset=utf-8', JSON.stringify(snap.edition, null, 2) + '\n');
  });
  router.get('/report.html', ({ res }) => {
    const snap = needSnapshot(res);
    if (snap) send(res, 200, 'text/html; charset=utf-8', snap.report);
  });
  router.get('/status.json', ({ res }) =>
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ version: state.version, error: state.error, builtAt: state.builtAt, edition: state.snapshot?.edition.edition.id ?? null })),
  );
  router.get('/events', ({ req, res }) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // the current version at once, so a page that missed a rebuild while loading catches up
    res.write(`retry: 1000\nevent: version\ndata: ${state.version}\n\n`);
    clients.add(res);
    req.on('close', () => clients.delete(res));
  });
  return router;
}

/**
 * The desk's actions on the preview (no login on the editor's own machine): a correction against the
 * edition shown, then a rebuild. Forms must carry the page's token and come from the preview itself.
 */
function addDeskActions(router: Router, state: PageState, rebuild: (reason: string) => Promise<void>, outDir?: string): void {
  const act = (what: (form: Map<string, string[]>, snap: PreviewSnapshot) => Promise<string | { text: string; story: string | null }>) => async ({ req, res }: RequestContext) => {
    const form = await readForm(req, DESK_FORM_BYTES);
    if (!localHost(req.headers.host) || crossOrigin(req) || form.get('csrf')?.[0] !== state.deskToken) {
      return send(res, 403, 'text/plain; charset=utf-8', 'refused: this form did not come from the preview page\n');
    }
    const snap = state.snapshot;
    if (!snap) return send(res, 503, 'text/plain; charset=utf-8', `no successful build yet: ${state.error ?? 'building'}\n`);
    let message: DeskMessage;
    try {
      const done = await what(form, snap);
      message = { kind: 'done', ...(typeof done === 'string' ? { text: done } : done) };
    } catch (err) {
      message = { kind: 'error', text: oneLine(err) };
    }
    await rebuild('desk');
    // shown with the build it led to (the page may reload itself for it before the redirect lands)
    state.deskMessage = { ...message, version: state.version };
    res.writeHead(303, { Location: '/#desk', 'Cache-Control': 'no-store' }).end();
  };
  router.post('/edit', act(async (form, snap) => {
    const r = await makeCorrection(snap.config, editRequestFromForm(form), { by: localEditor(undefined, 'preview'), against: snap.edition });
    // as the desk of serve says it: one the rebuilt draft finds nothing to apply to is not reported as done
    const nothing = r.applied?.status === 'vanished' ? `, but it changes nothing: ${r.applied.note ?? 'its items are gone'}` : '';
    const text = `${r.withdrew ? `Approval of edition ${r.withdrew} withdrawn. ` : ''}Correction #${r.correction.id} (${r.correction.kind}) saved${r.draft ? `; draft ${r.draft.edition.edition.id} rebuilt too` : ''}${nothing}.`;
    // the story as the preview's next build has it: the same corrections on the same items give the same id
    return { text, story: r.applied?.story ?? null };
  }));
  // Approve exactly the build the editor read: the form names its version, and a rebuild since then refuses.
  router.post('/approve', act(async (form, snap) => {
    if (form.get('version')?.[0] !== String(state.version)) {
      throw new UserError('the preview was rebuilt since this page was loaded; read the new build, then approve it');
    }
    const { approvePreviewed } = await import('./approve-preview.js');
    const a = await approvePreviewed(snap.config, snap, { outDir, by: localEditor(undefined, 'preview') });
    return `Edition ${a.id} approved (${a.stories} ${a.stories === 1 ? 'story' : 'stories'}, written to ${a.dir}): exactly this copy is what \`digest send\` delivers.`;
  }));
  router.post('/undo', act(async (form, snap) => {
    const id = Number(form.get('id')?.[0]);
    if (!Number.isInteger(id) || id <= 0) throw new UserError('undo: which correction?');
    const r = await undoCorrection(snap.config, id);
    return `Correction #${id} taken back${r.was ? `: it was ${r.was}` : ''}.`;
  }));
}

/** A name a DNS-rebinding page cannot use: an IP address or localhost. */
function localHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || isIP(name) !== 0;
}

async function handle(router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = requestUrl(req.url);
    const found = router.match(req.method ?? 'GET', url.pathname);
    if (!found) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    if ('allowed' in found) {
      const allow = found.allowed.includes('GET') ? [...found.allowed, 'HEAD'] : found.allowed;
      return send(res, 405, 'text/plain; charset=utf-8', `method not allowed: expected ${allow.join(' or ')}\n`, { Allow: allow.join(', ') });
    }
    await found.handler({ req, res, url, params: found.params, ip: req.socket.remoteAddress ?? '' });
  } catch (err) {
    if (res.headersSent) return void res.end();
    if (req.socket.destroyed) return;
    // the request's fault (too large, not a form): its own status, not the preview's 500
    if (err instanceof HttpError) return send(res, err.status, 'text/plain; charset=utf-8', `${err.message}\n`);
    send(res, 500, 'text/plain; charset=utf-8', `preview error: ${oneLine(err)}\n`);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...PAGE_HEADERS, 'Content-Type': type, 'Content-Length': String(buf.length), ...extra });
  res.end(res.req?.method === 'HEAD' ? undefined : buf);
}

function close(server: Server, clients: Set<ServerResponse>, watcher: Watcher | null): Promise<void> {
  watcher?.close();
  for (const c of clients) c.end();
  clients.clear();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
