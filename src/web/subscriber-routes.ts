// Subscriber endpoints: one-click unsubscribe (RFC 8058), double opt-in, section preferences.
// Every answer to POST /subscribe looks the same whatever the address's state, and mail goes out
// after the answer, so neither the page nor its timing tells whether an address is on the list.
// The confirmation decides, as in listmonk and Mailchimp: each confirmation link names (and its token signs) the
// sections of the sign-up that mailed it, so sending the form again for an address not yet confirmed changes
// nothing its owner would confirm, and the owner confirms exactly what the link they click names.
import type { DigestConfig } from '../types.js';
import { DEFAULT_SIGNUPS } from '../config/schema.js';
import type { Store, Subscriber } from '../store/types.js';
import { checkEmail } from '../store/email.js';
import { parseSectionList } from '../store/import.js';
import type { Tokens } from '../deliver/tokens.js';
import type { MailSender } from '../deliver/transport.js';
import { sendNotice } from '../deliver/notices.js';
import { confirmChoice, confirmUrl, preferencesUrl, unsubscribeUrl } from '../deliver/headers.js';
import { sendWelcome } from '../deliver/welcome.js';
import { readBody, readForm, sendHtml } from './http.js';
import { linkFrom } from './links.js';
import { NOT_CONFIRMED } from './pending.js';
import { pagesFor, type SectionChoice } from './pages.js';
import { RateLimiter } from './ratelimit.js';
import type { Router } from './router.js';

export interface SubscriberRouteDeps {
  config: DigestConfig;
  store: Store;
  tokens: Tokens;
  /** sends confirmation mail; without it POST /subscribe answers 503 */
  mailer?: MailSender;
  /**
   * sign-ups per IP per window (default 5 per 10 minutes), and `refused`: attempts with an address that is not one
   * (default 4 × count), which mail nobody and so do not use up the sign-ups of a reader who mistyped theirs
   */
  subscribeLimit?: { count: number; windowMs: number; refused?: number };
  /** subscriptions per window from everyone together, and per address domain (default: the config's `signups` per 10 minutes) */
  burstLimit?: { total: number; perDomain: number; windowMs: number };
  /** at most one notice per address per this many ms (default 10 minutes) */
  noticeCooldownMs?: number;
  log?: (line: string) => void;
}

export function addSubscriberRoutes(router: Router, d: SubscriberRouteDeps): void {
  const site = d.config.title;
  const pages = pagesFor(d.config.locale);
  const log = d.log ?? (() => {});
  const sections = sectionChoices(d.config);
  const limit = d.subscribeLimit ?? { count: 5, windowMs: 10 * 60_000 };
  const perIp = new RateLimiter(limit.count, limit.windowMs);
  const refusedPerIp = new RateLimiter(limit.refused ?? limit.count * 4, limit.windowMs);
  const perAddress = new RateLimiter(1, d.noticeCooldownMs ?? 10 * 60_000);
  const burst = d.burstLimit ?? { ...(d.config.signups ?? DEFAULT_SIGNUPS), windowMs: 10 * 60_000 };
  const overall = new RateLimiter(burst.total, burst.windowMs);
  const perDomain = new RateLimiter(burst.perDomain, burst.windowMs);
  const ownOrigin = originOf(d.config.email.baseUrl);
  const busy = () => ({ 'Retry-After': String(Math.ceil(burst.windowMs / 1000)) });

  // The pages with the subscribe form let the browser send their origin with it: under the usual no-referrer a
  // browser's form POST says `Origin: null`, which the check below takes for another site's. They hold no token.
  const formPage = { 'Referrer-Policy': 'same-origin' };

  // the landing page: what this digest is, the subscribe form, the archive
  router.get('/', ({ res }) => sendHtml(res, 200, pages.landing(site, sections), formPage));

  // GET only shows a button: link scanners and prefetchers must not unsubscribe anyone. A reader who already left
  // (an older edition's link, opened again) is told so, not asked again as if the first time had not worked.
  router.get('/u/:token', ({ res, params, url }) => {
    const id = d.tokens.verify(params.token, 'unsubscribe');
    if (id === null) return sendHtml(res, 400, pages.badLink(site));
    const s = d.store.getSubscriber(id);
    const subscribe = linkFrom(url.pathname, 'subscribe');
    if (!s || s.status === 'unsubscribed') return sendHtml(res, 200, pages.unsubscribed(site, subscribe));
    if (s.status === 'bounced') return sendHtml(res, 200, pages.notReceiving(site, subscribe));
    sendHtml(res, 200, pages.unsubscribeConfirm(site));
  });

  // One-click (mail clients POST `List-Unsubscribe=One-Click`) and the button above: 200, no redirect, idempotent.
  router.post('/u/:token', async ({ req, res, params, url }) => {
    await readBody(req).catch(() => '');
    const id = d.tokens.verify(params.token, 'unsubscribe');
    if (id === null) return sendHtml(res, 400, pages.badLink(site));
    const s = d.store.getSubscriber(id);
    if (s && s.status !== 'unsubscribed') {
      d.store.updateSubscriber(id, { status: 'unsubscribed', why: { reason: 'one-click', source: 'web' } });
      log(`unsubscribed subscriber #${id}`);
    }
    sendHtml(res, 200, pages.unsubscribed(site, linkFrom(url.pathname, 'subscribe')));
  });

  router.get('/subscribe', ({ res }) => sendHtml(res, 200, pages.subscribeForm(site, sections), formPage));

  router.post('/subscribe', async ({ req, res, ip }) => {
    // a form on another site must not subscribe people here (browsers send Origin with every POST)
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== ownOrigin && origin !== requestOrigin(req)) return sendHtml(res, 403, pages.forbidden(site));
    // only what an HTML form sends: text/plain is how cross-site posts avoid a preflight
    if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(req.headers['content-type'] ?? '')) {
      return sendHtml(res, 415, pages.forbidden(site));
    }
    // A client over either of its limits is refused before its form is read. Only sign-ups that would mail someone
    // count against the first: a mistyped address mails nobody, and the reader who typed it tries again; junk has
    // its own, larger, budget, so a client probing with it is still stopped (and its sign-ups with it).
    const perIpBusy = { 'Retry-After': String(Math.ceil(limit.windowMs / 1000)) };
    if (perIp.isOver(ip) || refusedPerIp.isOver(ip)) return sendHtml(res, 429, pages.tooMany(site), perIpBusy);
    if (!d.mailer) return sendHtml(res, 503, pages.unavailable(site));
    const form = await readForm(req);
    // the honeypot field is hidden from people; a bot that fills it gets the usual answer and nothing else
    if ((form.get('website')?.[0] ?? '') !== '') {
      perIp.take(ip);
      return sendHtml(res, 200, pages.checkInbox(site));
    }
    const checked = checkEmail(form.get('email')?.[0] ?? '');
    if (!checked.ok) {
      if (!refusedPerIp.take(ip)) return sendHtml(res, 429, pages.tooMany(site), perIpBusy);
      return sendHtml(res, 400, pages.badEmail(site, checked.reason));
    }
    if (!perIp.take(ip)) return sendHtml(res, 429, pages.tooMany(site), perIpBusy);
    if (!overall.take('all') || !perDomain.take(checked.key.slice(checked.key.lastIndexOf('@') + 1))) {
      return sendHtml(res, 429, pages.tooMany(site), busy());
    }
    const chosen = chooseSections(form.get('sections') ?? [], sections);

    const existing = d.store.findSubscriber(checked.email);
    let notice: { kind: 'confirm' | 'already-subscribed'; link: string } | null = null;
    if (!existing) {
      const s = d.store.addSubscriber({ email: checked.email, status: 'pending', sections: chosen, why: { reason: 'subscribe-form', source: 'web' } });
      notice = { kind: 'confirm', link: confirmLink(s.id, chosen) };
    } else if (existing.status === 'active') {
      // do not let a stranger change an active subscriber's sections; tell the owner instead
      notice = { kind: 'already-subscribed', link: preferencesUrl(d.config.email.baseUrl, d.tokens.sign(existing.id, 'preferences')) };
    } else {
      // pending again (its 7 days start anew), its sections as they were: the link mailed now names this choice,
      // and only its owner, clicking it, makes it theirs
      d.store.updateSubscriber(existing.id, { status: 'pending', why: { reason: 'subscribe-form', source: 'web' } });
      notice = { kind: 'confirm', link: confirmLink(existing.id, chosen) };
    }
    sendHtml(res, 200, pages.checkInbox(site));
    if (notice && perAddress.take(checked.key)) {
      sendNotice(d.mailer, d.config, checked.email, notice.kind, notice.link).catch((err) =>
        log(`could not send ${notice!.kind} mail: ${err instanceof Error ? err.message : String(err)}`),
      );
    }
  });

  // GET only shows a button, as for unsubscribing: mail scanners (Safe Links and the like) open every link in a
  // message, and a GET that confirmed would subscribe whoever a stranger typed into the form
  router.get('/confirm/:token', ({ res, params, url }) => {
    const link = readConfirmLink(params.token, url);
    if (link === null) return sendHtml(res, 400, pages.badLink(site));
    const s = d.store.getSubscriber(link.id);
    if (s?.status === 'pending') return sendHtml(res, 200, pages.confirmQuestion(site, sectionTitles(link.chosen === undefined ? s.sections : link.chosen)));
    if (s?.status === 'active') return sendHtml(res, 200, pages.confirmed(site));
    notConfirmable(res, s, url.pathname);
  });

  router.post('/confirm/:token', async ({ req, res, params, url }) => {
    await readBody(req).catch(() => '');
    const link = readConfirmLink(params.token, url);
    if (link === null) return sendHtml(res, 400, pages.badLink(site));
    const s = d.store.getSubscriber(link.id);
    if (!s) return notConfirmable(res, s, url.pathname);
    // only a pending subscription is confirmed: an old link must not undo a later unsubscribe, nor another mail's
    // link, pressed after this one, change the sections confirmed
    if (s.status === 'pending') {
      d.store.updateSubscriber(s.id, { status: 'active', ...(link.chosen === undefined ? {} : { sections: link.chosen }), why: { reason: 'confirmed', source: 'web' } });
    }
    if (s.status === 'pending' || s.status === 'active') {
      sendHtml(res, 200, pages.confirmed(site));
      // the welcome message (optional) goes once, when the subscription becomes active
      if (s.status === 'pending' && d.config.email.welcome && d.mailer) {
        const links = {
          preferences: preferencesUrl(d.config.email.baseUrl, d.tokens.sign(s.id, 'preferences')),
          unsubscribe: unsubscribeUrl(d.config.email.baseUrl, d.tokens.sign(s.id, 'unsubscribe')),
        };
        sendWelcome(d.mailer, d.config, s.email, links).catch((err) => log(`could not send the welcome message: ${err instanceof Error ? err.message : String(err)}`));
      }
      return;
    }
    notConfirmable(res, s, url.pathname);
  });

  router.get('/preferences/:token', ({ res, params, url }) => {
    const id = d.tokens.verify(params.token, 'preferences');
    if (id === null) return sendHtml(res, 400, pages.badLink(site));
    const s = d.store.getSubscriber(id);
    if (!s) return offTheList(res, url.pathname);
    sendHtml(res, 200, pages.preferences(site, sections, s.sections, preferenceLinks(s, url.pathname)));
  });

  router.post('/preferences/:token', async ({ req, res, params, url }) => {
    const id = d.tokens.verify(params.token, 'preferences');
    if (id === null) return sendHtml(res, 400, pages.badLink(site));
    const s = d.store.getSubscriber(id);
    if (!s) return offTheList(res, url.pathname);
    const form = await readForm(req);
    const chosen = chooseSections(form.get('sections') ?? [], sections);
    const updated = d.store.updateSubscriber(s.id, { sections: chosen });
    sendHtml(res, 200, pages.preferences(site, sections, updated.sections, preferenceLinks(updated, url.pathname), pages.saved));
  });

  /** A sign-up's confirmation link: it names the sections chosen, and its token signs them. */
  function confirmLink(id: number, chosen: string[] | null): string {
    const list = (chosen ?? []).join(',');
    return confirmUrl(d.config.email.baseUrl, d.tokens.sign(id, 'confirm', confirmChoice(list)), list);
  }

  /**
   * The subscriber a genuine confirmation link is for and the sections it subscribes to (null: every one), or null.
   * A link without sections was mailed by an older Roundup: it confirms the sections the sign-up stored (`chosen` undefined).
   */
  function readConfirmLink(token: string, url: URL): { id: number; chosen?: string[] | null } | null {
    const list = url.searchParams.get('sections');
    const id = d.tokens.verify(token, 'confirm', list === null ? undefined : confirmChoice(list));
    if (id === null) return null;
    // a section taken out of the config since is left out; none left is every section, as on the form
    return list === null ? { id } : { id, chosen: chooseSections(list.split(','), sections) };
  }

  /** the titles of the sections a choice receives (null: all of them) */
  function sectionTitles(chosen: string[] | null): string[] {
    const known = chosen?.filter((id) => sections.some((k) => k.id === id)) ?? [];
    return sections.filter((k) => known.length === 0 || known.includes(k.id)).map((k) => k.title);
  }

  /**
   * A genuine confirmation link that cannot confirm: its subscription is gone (not confirmed in 7 days, or removed)
   * or has ended (unsubscribed, bounced). Not "the link was changed": say what happened and offer the form again.
   * A sign-up of an address that had left, not confirmed in time, went back to how it was (./pending.ts): its link
   * expired too, and saying the address unsubscribed would answer a reader who was trying to come back.
   */
  function notConfirmable(res: import('node:http').ServerResponse, s: Subscriber | null, pathname: string): void {
    if (!s || d.store.lastStatusReason(s.id) === NOT_CONFIRMED) return offTheList(res, pathname);
    sendHtml(res, 200, pages.notReceiving(site, linkFrom(pathname, 'subscribe')));
  }

  /** A genuine link of a subscription no longer on the list (never confirmed, or removed): it expired, it was not changed. */
  function offTheList(res: import('node:http').ServerResponse, pathname: string): void {
    sendHtml(res, 410, pages.linkExpired(site, linkFrom(pathname, 'subscribe')));
  }

  /** the way out for a reader who receives the digest; the way back for one who no longer does */
  function preferenceLinks(s: Subscriber, pathname: string): { unsubscribe: string } | { subscribe: string } {
    if (s.status === 'unsubscribed' || s.status === 'bounced') return { subscribe: linkFrom(pathname, 'subscribe') };
    return { unsubscribe: linkFrom(pathname, `u/${d.tokens.sign(s.id, 'unsubscribe')}`) };
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** the origin the browser used to reach us (behind a proxy: its Host and X-Forwarded-Proto) */
function requestOrigin(req: import('node:http').IncomingMessage): string | null {
  const host = req.headers.host;
  if (!host) return null;
  const proto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() || 'http';
  return `${proto}://${host}`;
}

/** Known ids among the submitted ones; none (or none known) = every section. */
function chooseSections(values: string[], known: SectionChoice[]): string[] | null {
  const ids = parseSectionList(values.join(' ')).filter((id) => known.some((k) => k.id === id));
  return ids.length > 0 && ids.length < known.length ? ids : null;
}

export function sectionChoices(config: DigestConfig): SectionChoice[] {
  return [...config.themes.map((t) => ({ id: t.id, title: t.title })), ...(config.other === false ? [] : [{ id: 'other', title: config.other }])];
}
