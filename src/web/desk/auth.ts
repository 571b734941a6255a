// Editor login for the desk of `digest serve`: a magic link mailed to an editor's address (HMAC-signed
// with DIGEST_SECRET, valid 15 minutes, usable once), then a session cookie (HttpOnly, SameSite=Strict,
// Secure whenever the request came over https) holding a random token, and a CSRF token bound to the
// session on every form. Forms before login carry a token that must match a cookie set with the form.
// Used links and sessions live in the database (src/store/desk-tokens.ts), by the hash of their secret:
// a restart of `serve` keeps editors signed in and used links used, and signing out ends a session for good.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sha256, type DeskTokens } from '../../store/desk-tokens.js';

export const LINK_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 12 * 3_600_000;

export interface Session {
  email: string;
  /** ms since epoch */
  expires: number;
  /** stands for the session in CSRF tokens and messages (the hash of its token, never the token) */
  nonce: string;
  /** the cookie's value */
  token: string;
}

interface Signed {
  e: string;
  x: number;
  n: string;
}

export class DeskAuth {
  constructor(
    private readonly secret: string,
    private readonly tokens: DeskTokens,
    private readonly clock: () => number = Date.now,
  ) {}

  // ---------- magic links ----------

  loginToken(email: string): string {
    return this.sign('login', { e: email.toLowerCase(), x: this.clock() + LINK_TTL_MS, n: randomBytes(12).toString('base64url') });
  }

  /** The address of a genuine, unexpired, unused link (without using it up), else null. */
  checkLoginToken(token: string): { email: string; nonce: string; expires: number } | null {
    const p = this.verify('login', token);
    if (!p || p.x <= this.clock() || this.tokens.linkUsed(p.n)) return null;
    return { email: p.e, nonce: p.n, expires: p.x };
  }

  /** Use a link up: its address the first time for a genuine, unexpired link, else null (also in another process). */
  useLoginToken(token: string): string | null {
    const ok = this.checkLoginToken(token);
    if (!ok) return null;
    return this.tokens.useLink(ok.nonce, ok.email, ok.expires, this.clock()) ? ok.email : null;
  }

  // ---------- sessions ----------

  /** A new session for `email`: the cookie's value (the database keeps only its hash). */
  startSession(email: string): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    this.tokens.createSession(token, email.toLowerCase(), now + SESSION_TTL_MS, now);
    return token;
  }

  session(value: string | undefined): Session | null {
    if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) return null;
    const found = this.tokens.findSession(value, this.clock());
    return found ? { email: found.email, expires: found.expires, nonce: sha256(value), token: value } : null;
  }

  /** Sign out: the cookie's value stops working, even if a copy of it survives. */
  endSession(s: Session): void {
    this.tokens.endSession(s.token);
  }

  /** The CSRF token of a session: only pages served to that session can carry it. */
  csrfFor(session: Session): string {
    return this.mac(`csrf/${session.nonce}`).toString('base64url');
  }

  checkCsrf(session: Session, given: string | undefined): boolean {
    return equal(given ?? '', this.csrfFor(session));
  }

  // ---------- tokens ----------

  private sign(purpose: string, p: Signed): string {
    const body = Buffer.from(JSON.stringify(p)).toString('base64url');
    return `${body}.${this.mac(`${purpose}/${body}`).toString('base64url')}`;
  }

  private verify(purpose: string, token: string): Signed | null {
    const m = /^([A-Za-z0-9_-]{1,600})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m || !equal(m[2], this.mac(`${purpose}/${m[1]}`).toString('base64url'))) return null;
    try {
      const p = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as Partial<Signed>;
      return typeof p.e === 'string' && typeof p.x === 'number' && typeof p.n === 'string' ? (p as Signed) : null;
    } catch {
      return null;
    }
  }

  private mac(text: string): Buffer {
    return createHmac('sha256', this.secret).update(`roundup/desk/${text}`).digest();
  }
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A random value for the before-login forms (double-submit cookie). */
export function newFormToken(): string {
  return randomBytes(18).toString('base64url');
}

export function readCookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const k = part.slice(0, i).trim();
    if (!out.has(k)) out.set(k, part.slice(i + 1).trim());
  }
  return out;
}

/** https, directly or (behind your own proxy, with --trust-proxy) as the proxy says. */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  if (!trustProxy) return false;
  const proto = req.headers['x-forwarded-proto'];
  return (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** Cookie names: `__Host-` (no Domain, Path=/, Secure) when over https, so no subdomain can plant one. */
export function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base;
}

export function setCookie(name: string, value: string, o: { secure: boolean; maxAgeSeconds: number }): string {
  return [`${name}=${value}`, 'Path=/', `Max-Age=${o.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(o.secure ? ['Secure'] : [])].join('; ');
}

/**
 * A request sent by another site's (or another port's) page, as far as the browser says: Sec-Fetch-Site
 * when it sends one, else an Origin that is not ours. Says nothing about clients that send neither; the
 * CSRF token covers them.
 */
export function crossOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** Desk pages send their own origin along with their forms (Origin), and no referrer to other sites. */
export const DESK_REFERRER_POLICY = 'same-origin';
