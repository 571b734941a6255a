// URL helpers: resolving feed links, and the canonical form used for item identity and de-duplication.

/** tracking parameters that never change what a page shows */
const TRACKING_PARAM = /^(utm_[a-z0-9_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi)$/i;

/** `url` resolved against `base` when it is http(s); anything else (javascript:, mailto:, tag:, garbage) → null */
export function resolveHttpUrl(url: string | null | undefined, base?: string | null): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (!trimmed) return null;
  try {
    const u = base ? new URL(trimmed, base) : new URL(trimmed);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * `url` without the login it may carry (https://user:password@host/feed → https://host/feed): a private feed's
 * address is the base of its relative links, and links resolved against it kept the login, which then went to readers
 */
export function withoutLogin(url: string | null): string | null {
  if (!url || !url.includes('@')) return url;
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}

/**
 * Canonical form of a link, so the same article reached through different links gets one identity:
 * absolute http(s), host lower-cased (WHATWG URL does that), default port dropped, fragment dropped,
 * tracking parameters (utm_*, fbclid, gclid, and similar click ids) removed, trailing slash of the path removed
 * (the root path stays "/"). Returns null when the link is not an http(s) URL.
 */
export function canonicalUrl(url: string, base?: string): string | null {
  const href = resolveHttpUrl(url, base);
  if (!href) return null;
  const u = new URL(href);
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING_PARAM.test(key)) u.searchParams.delete(key);
  if (u.search === '?') u.search = '';
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  return u.href;
}
