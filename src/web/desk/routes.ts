// The desk on `digest serve`, for the editors listed in the config: /desk (the current draft with its
// actions), /desk/email.html and /desk/report.html (the draft as written), and the login by magic link.
// Every POST needs a CSRF token (bound to the session, or before login to a cookie set with the form)
// and is refused when the browser says it came from another site.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { DigestConfig } from '../../types.js';
import { UserError, oneLine } from '../../errors.js';
import type { Store } from '../../store/types.js';
import type { SqliteStore } from '../../store/sqlite.js';
import { EditionLifecycle } from '../../store/lifecycle.js';
import { SqliteDeskTokens } from '../../store/desk-tokens.js';
import type { MailSender } from '../../deliver/transport.js';
import { approveFromDisk, draftFingerprint, loadApproved } from '../../desk/approve.js';
import { configSections, makeCorrection, readDraftText, undoCorrection } from '../../desk/edit.js';
import { rebuildIfStale } from '../../desk/draft.js';
import { DESK_LOCK_WAIT_MS, withEditionLock } from '../../desk/edition-lock.js';
import { escapeHtml } from '../../text/escape.js';
import { buildSubject } from '../../render/subject.js';
import { readForm, sendHtml } from '../http.js';
import { RateLimiter } from '../ratelimit.js';
import { linkFrom } from '../links.js';
import type { RequestContext, Router } from '../router.js';
import { DESK_REFERRER_POLICY, DeskAuth, cookieName, crossOrigin, isHttps, newFormToken, readCookies, setCookie, type Session } from './auth.js';
import { DESK_FORM_BYTES, editRequestFromForm } from './form.js';
import { liveEditors } from './editors.js';
import { sendLoginLink } from './login-mail.js';
import { DESK_CSS, deskFragment, deskSkipLinks, type DeskMessage } from './page.js';

export interface DeskRouteOptions {
  /** DIGEST_SECRET: signs the login links and the session cookies */
  secret: string;
  /** login attempts per client address per 10 minutes (default 5) */
  loginLimit?: number;
  clock?: () => number;
}

interface Deps {
  config: DigestConfig;
  store: Store;
  mailer?: MailSender;
  trustProxy?: boolean;
  log?: (line: string) => void;
}

const SESSION = 'roundup_desk';
const PRE = 'roundup_desk_form';

export function deskRoutes(opts: DeskRouteOptions): (router: Router, deps: Deps) => void {
  return (router, deps) => addDeskRoutes(router, deps, opts);
}

export function addDeskRoutes(router: Router, d: Deps, opts: DeskRouteOptions): void {
  const auth = new DeskAuth(opts.secret, new SqliteDeskTokens(d.store as SqliteStore), opts.clock);
  const site = d.config.title;
  const log = d.log ?? (() => {});
  const editors = liveEditors(d.config, log);
  const perIp = new RateLimiter(opts.loginLimit ?? 5, 10 * 60_000);
  const perAddress = new RateLimiter(1, 60_000);
  /** one message for the next page a session sees */
  const flash = new Map<string, DeskMessage>();
  const store = d.store as SqliteStore;

  const html = (res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}) =>
    sendHtml(res, status, body, { 'Referrer-Policy': DESK_REFERRER_POLICY, ...extra });
  const secure = (ctx: RequestContext) => isHttps(ctx.req, d.trustProxy ?? false);
  const sessionOf = (ctx: RequestContext): Session | null => {
    const s = auth.session(readCookies(ctx.req).get(cookieName(SESSION, secure(ctx))));
    return s && editors().has(s.email) ? s : null;
  };
  const formToken = (ctx: RequestContext): { token: string; cookie: string } => {
    const token = newFormToken();
    return { token, cookie: setCookie(cookieName(PRE, secure(ctx)), token, { secure: secure(ctx), maxAgeSeconds: 30 * 60 }) };
  };
  const preTokenOk = (ctx: RequestContext, form: Map<string, string[]>) => {
    const cookie = readCookies(ctx.req).get(cookieName(PRE, secure(ctx)));
    const given = form.get('csrf')?.[0];
    return !!cookie && !!given && cookie === given;
  };
  /**
   * The desk's own links, form actions and redirects are relative to the page they are on (`desk/login` from /desk,
   * `../desk` from /desk/edit): they work under any path a proxy serves serve at, without a setting to match it.
   */
  const to = (ctx: RequestContext, p: string) => escapeHtml(linkFrom(ctx.url.pathname, p));
  const redirect = (ctx: RequestContext, p: string, extra: Record<string, string | string[]> = {}) =>
    void ctx.res.writeHead(303, { Location: linkFrom(ctx.url.pathname, p), 'Cache-Control': 'no-store', ...extra }).end();
  const refuse = (ctx: RequestContext, status: number, why: string) =>
    html(ctx.res, status, page(site, 'Not allowed', `<p>${escapeHtml(why)}</p><p><a href="${to(ctx, 'desk')}">Back to the desk</a></p>`));
  const badLink = (ctx: RequestContext) =>
    html(ctx.res, 400, page(site, 'This link does not work', `<p>Sign-in links work once, for 15 minutes. <a href="${to(ctx, 'desk/login')}">Ask for a new one</a>.</p>`));

  /** POSTs of a signed-in editor: same site, a session, its CSRF token. */
  const editorPost = (handler: (ctx: RequestContext, s: Session, form: Map<string, string[]>) => Promise<string | { text: string; story: string | null }>) => async (ctx: RequestContext) => {
    if (crossOrigin(ctx.req)) return refuse(ctx, 403, 'This form was sent from another site.');
    const form = await readForm(ctx.req, DESK_FORM_BYTES);
    const s = sessionOf(ctx);
    if (!s) return refuse(ctx, 403, 'You are not signed in (or no longer an editor). Sign in again.');
    if (!auth.checkCsrf(s, form.get('csrf')?.[0])) return refuse(ctx, 403, 'This form is out of date or was not sent from the desk. Reload the desk and try again.');
    try {
      const done = await handler(ctx, s, form);
      flash.set(s.nonce, { kind: 'done', ...(typeof done === 'string' ? { text: done } : done) });
    } catch (err) {
      if (!(err instanceof UserError)) log(`desk: ${oneLine(err)}`);
      flash.set(s.nonce, { kind: 'error', text: err instanceof UserError ? oneLine(err) : 'the desk could not do that (see the server log)' });
    }
    redirect(ctx, 'desk');
  };

  router.get('/desk', (ctx) => {
    const res = ctx.res;
    const s = sessionOf(ctx);
    if (!s) return redirect(ctx, 'desk/login');
    const book = new EditionLifecycle(store);
    const entry = book.current();
    const draft = readDraftText(entry);
    const edition = draft?.edition ?? null;
    const message = flash.get(s.nonce) ?? null;
    flash.delete(s.nonce);
    const signOut = `<form method="post" action="${to(ctx, 'desk/logout')}" class="inline"><input type="hidden" name="csrf" value="${escapeHtml(auth.csrfFor(s))}"><button type="submit">Sign out</button></form>`;
    if (!entry || !edition) {
      const msg = message ? `<p class="msg ${message.kind}">${escapeHtml(message.text)}</p>` : '';
      return html(res, 200, page(site, 'Desk', `${msg}<p>No draft is waiting for review. The schedule builds the next one; <code>digest build</code> makes one now.</p><div class="muted">Signed in as ${escapeHtml(s.email)} ${signOut}</div>`));
    }
    const pending = book.pendingCorrections().map((c) => c.id);
    const bound = entry.state === 'approved' ? (edition.corrections ?? []).map((c) => c.id) : [];
    const body = deskFragment({
      edition,
      state: entry.state,
      approvedBy: entry.approvedBy,
      sections: configSections(d.config),
      base: linkFrom(ctx.url.pathname, 'desk'), // escaped where the forms are written
      csrf: auth.csrfFor(s),
      canApprove: entry.state === 'draft' || entry.state === 'approved',
      // Approve approves this version only: a rebuild or another editor's correction since then is refused
      approveFields: { draft: draftFingerprint(draft!.text) },
      undoable: [...pending, ...bound],
      message,
      note: `signed in as ${s.email}`,
      // readers see it before anything else: an approved edition's as frozen, a draft's as it would be sent now
      // above the email's frame, whose links come first otherwise
      skipLinks: false,
      subject: (entry.state === 'approved' ? loadApproved(store, entry.id)?.rendered.subject : null) ?? buildSubject(edition, d.config),
    });
    const links = `${deskSkipLinks()}
<div class="links"><a href="${to(ctx, 'desk/email.html')}" target="_blank">The email as a reader gets it</a> · <a href="${to(ctx, 'desk/report.html')}" target="_blank">Report: every item and why</a> · ${signOut}</div>
<iframe src="${to(ctx, 'desk/email.html')}" title="The draft email" class="email"></iframe>`;
    html(res, 200, page(site, `Desk · ${edition.edition.id}`, `${links}\n${body}`), { 'Content-Security-Policy': DESK_CSP });
  });

  const draftFile = (name: string) => (ctx: RequestContext) => {
    if (!sessionOf(ctx)) return refuse(ctx, 403, 'Sign in to the desk first.');
    const entry = new EditionLifecycle(store).current();
    let body: string;
    try {
      body = readFileSync(path.join(entry?.dir ?? '', name), 'utf8');
    } catch {
      return html(ctx.res, 404, page(site, 'Not found', '<p>There is no draft on disk.</p>'));
    }
    // the email as written; the report keeps its small filter script; both may be framed by the desk only
    html(ctx.res, 200, body, {
      'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; img-src * data:; ${name === 'report.html' ? "script-src 'unsafe-inline'; " : ''}frame-ancestors 'self'; base-uri 'none'; form-action 'none'`,
    });
  };
  router.get('/desk/email.html', draftFile('digest.html'));
  router.get('/desk/report.html', draftFile('report.html'));

  router.post('/desk/edit', editorPost(async (_ctx, s, form) => {
    const r = await makeCorrection(d.config, editRequestFromForm(form), { by: s.email, lockWaitMs: DESK_LOCK_WAIT_MS });
    log(`desk: ${s.email} made correction #${r.correction.id} (${r.correction.kind})`);
    const how = r.applied?.status === 'vanished' ? `but it changes nothing: ${r.applied.note}` : 'applied';
    return { text: `${r.withdrew ? `Approval of edition ${r.withdrew} withdrawn. ` : ''}Correction #${r.correction.id} (${r.correction.kind}) ${how}.`, story: r.applied?.story ?? null };
  }));

  router.post('/desk/undo', editorPost(async (_ctx, s, form) => {
    const id = Number(form.get('id')?.[0]);
    if (!Number.isInteger(id) || id <= 0) throw new UserError('undo: which correction?');
    const r = await undoCorrection(d.config, id, { lockWaitMs: DESK_LOCK_WAIT_MS });
    log(`desk: ${s.email} took back correction #${id}`);
    return `${r.withdrew ? `Approval of edition ${r.withdrew} withdrawn. ` : ''}Correction #${id} taken back${r.was ? `: it was ${r.was}` : ''}.`;
  }));

  router.post('/desk/approve', editorPost(async (_ctx, s, form) => {
    const current = new EditionLifecycle(store).current();
    if (!current?.dir) throw new UserError('there is no draft to approve');
    const expect = form.get('draft')?.[0] ?? '';
    // not while a rebuild of it is being written: the version read (`expect`) is then checked against what it wrote
    const { entry: approved } = await withEditionLock(d.config.state, current.id, async () => {
      const entry = new EditionLifecycle(store).get(current.id);
      // a draft rendered by another config, templates or version of Roundup (one left waiting across an upgrade): the
      // editor cannot rebuild it from here, so the desk does, as a correction would, and shows it to be read again
      if (entry?.state === 'draft' && entry.dir && (await rebuildIfStale(d.config, entry)).rebuilt) {
        log(`desk: edition ${entry.id} rebuilt: its email no longer rendered as written`);
        throw new UserError(`the draft of edition ${entry.id} was written by another version of Roundup or with other templates or config; it has been built again as it would be sent now: read it again, then approve`);
      }
      return approveFromDisk(d.config, store, { dir: entry?.dir ?? current.dir!, id: current.id, by: s.email, expect });
    }, { waitMs: DESK_LOCK_WAIT_MS });
    log(`desk: ${s.email} approved edition ${approved.id}`);
    return `Edition ${approved.id} approved: exactly this copy is what will be sent.`;
  }));

  router.post('/desk/logout', editorPost(async (ctx, s) => {
    auth.endSession(s);
    ctx.res.setHeader('Set-Cookie', setCookie(cookieName(SESSION, secure(ctx)), '', { secure: secure(ctx), maxAgeSeconds: 0 }));
    return 'Signed out.';
  }));

  // ---------- login ----------

  router.get('/desk/login', (ctx) => {
    if (editors().size === 0) {
      return html(ctx.res, 200, page(site, 'Desk', '<p>No editors are configured: list their addresses under <code>editors:</code> in the config.</p>'));
    }
    const t = formToken(ctx);
    html(
      ctx.res,
      200,
      page(site, 'Sign in to the desk', `<p>We mail a sign-in link to your editor address.</p>
<form method="post" action="${to(ctx, 'desk/login')}"><input type="hidden" name="csrf" value="${t.token}">
<label>Email <input type="email" name="email" required autocomplete="email"></label> <button type="submit">Send the link</button></form>`),
      { 'Set-Cookie': t.cookie },
    );
  });

  router.post('/desk/login', async (ctx) => {
    if (crossOrigin(ctx.req)) return refuse(ctx, 403, 'This form was sent from another site.');
    if (!perIp.take(ctx.ip)) return html(ctx.res, 429, page(site, 'Too many attempts', '<p>Please wait a few minutes and try again.</p>'), { 'Retry-After': '600' });
    const form = await readForm(ctx.req);
    if (!preTokenOk(ctx, form)) return refuse(ctx, 403, 'This form is out of date. Reload the sign-in page and try again.');
    if (!d.mailer) return html(ctx.res, 503, page(site, 'Sign-in is unavailable', '<p>The server cannot send mail (DIGEST_SMTP_URL is not set).</p>'));
    const email = (form.get('email')?.[0] ?? '').trim().toLowerCase();
    // the same answer whether or not the address is an editor's
    html(ctx.res, 200, page(site, 'Check your inbox', '<p>If that address belongs to an editor, a sign-in link is on its way. It works once, for 15 minutes.</p>'));
    if (editors().has(email) && perAddress.take(email)) {
      const link = `${d.config.email.baseUrl.replace(/\/+$/, '')}/desk/auth/${auth.loginToken(email)}`;
      sendLoginLink(d.mailer, d.config, email, link).catch((err) => log(`desk: could not send a sign-in link: ${oneLine(err)}`));
    }
  });

  // GET only shows a button: mail scanners that follow links must not use the link up.
  router.get('/desk/auth/:token', (ctx) => {
    const ok = auth.checkLoginToken(ctx.params.token);
    if (!ok || !editors().has(ok.email)) return badLink(ctx);
    const t = formToken(ctx);
    html(
      ctx.res,
      200,
      page(site, 'Sign in to the desk', `<form method="post" action="${to(ctx, 'desk/auth')}"><input type="hidden" name="csrf" value="${t.token}">
<input type="hidden" name="token" value="${escapeHtml(ctx.params.token)}"><button type="submit">Sign in as ${escapeHtml(ok.email)}</button></form>`),
      { 'Set-Cookie': t.cookie },
    );
  });

  router.post('/desk/auth', async (ctx) => {
    if (crossOrigin(ctx.req)) return refuse(ctx, 403, 'This form was sent from another site.');
    const form = await readForm(ctx.req);
    if (!preTokenOk(ctx, form)) return refuse(ctx, 403, 'This form is out of date. Open the link from the mail again.');
    const email = auth.useLoginToken(form.get('token')?.[0] ?? '');
    if (!email || !editors().has(email)) return badLink(ctx);
    log(`desk: ${email} signed in`);
    redirect(ctx, 'desk', {
      'Set-Cookie': [
        setCookie(cookieName(SESSION, secure(ctx)), auth.startSession(email), { secure: secure(ctx), maxAgeSeconds: Math.floor(12 * 3600) }),
        setCookie(cookieName(PRE, secure(ctx)), '', { secure: secure(ctx), maxAgeSeconds: 0 }),
      ],
    });
  });
}

const DESK_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function page(site: string, heading: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>${escapeHtml(heading)} · ${escapeHtml(site)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1d1d1d;background:#f6f6f4}
h1{font-size:1.3rem}.muted{color:#666}label{margin-right:.3rem}input[type=email]{font:inherit;padding:.3rem;min-width:18rem}
button{font:inherit;cursor:pointer}iframe.email{width:100%;height:24rem;border:1px solid #ccc;background:#fff;margin-top:.5rem}.inline{display:inline}
${DESK_CSS}</style></head>
<body><p class="muted">${escapeHtml(site)} · editor's desk</p><h1>${escapeHtml(heading)}</h1>
${body}
</body></html>`;
}

