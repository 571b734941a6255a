// fetchUrl: a guarded GET that follows redirects by hand and retries what is worth retrying.
import { isUtf8 } from 'node:buffer';
import { oneLine } from '../errors.js';
import { assertSchemeAllowed, makeAddressPolicy, type AddressPolicy } from './address-policy.js';
import { FetchFailure, toFetchFailure } from './fetch-error.js';
import { withFetchDefaults } from './defaults.js';
import { formatWait, hidePasswords } from './format.js';
import { httpGetOnce, type HopResponse } from './http-get.js';
import { parseRetryAfter } from './retry-after.js';
import type { FetchOptions, FetchResponse } from './types.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_BACKOFF_MS = 1000;
const DEFAULT_RETRY_AFTER_CAP_MS = 30_000;
const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

interface Landed {
  finalUrl: string;
  response: HopResponse;
}

/** Single guarded GET. Never throws: failures come back as status 'error' with one line. */
export async function fetchUrl(url: string, options: FetchOptions): Promise<FetchResponse> {
  const opts = withFetchDefaults(options ?? ({} as FetchOptions));
  const started = Date.now();
  const result: FetchResponse = {
    status: 'error',
    url,
    finalUrl: url,
    httpStatus: null,
    body: Buffer.alloc(0),
    contentType: null,
    etag: null,
    lastModified: null,
    error: null,
    ms: 0,
    attempts: 0,
    redirects: [],
  };
  try {
    const start = parseUrl(url);
    const policy = makeAddressPolicy(opts.allowPrivateNetworks, opts.allowAddresses);
    const maxAttempts = 1 + Math.max(0, opts.retries);
    for (;;) {
      result.attempts++;
      const outcome = await attempt(start, opts, policy, result);
      if (!(outcome instanceof FetchFailure)) {
        fillFromResponse(result, outcome);
        break;
      }
      if (!outcome.retryable || result.attempts >= maxAttempts) throw withAsk(outcome);
      const wait = retryDelay(outcome, result.attempts, opts);
      if (wait instanceof FetchFailure) throw wait;
      await sleep(wait);
    }
  } catch (err) {
    result.status = 'error';
    result.error = hidePasswords(err instanceof FetchFailure ? err.message : oneLine(toFetchFailure(err)));
    // a 200 whose body then failed: the answer came, and feeds check shows it
    if (err instanceof FetchFailure && err.httpStatus !== null) result.httpStatus = err.httpStatus;
  }
  result.ms = Date.now() - started;
  return result;
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchFailure(`not a valid URL: "${raw}"`);
  }
  assertSchemeAllowed(url);
  return url;
}

/** One try: follows the redirect chain under one deadline. Returns the failure instead of throwing. */
async function attempt(start: URL, opts: FetchOptions, policy: AddressPolicy, result: FetchResponse): Promise<Landed | FetchFailure> {
  const deadline = Date.now() + opts.timeoutMs;
  const visited = new Set<string>();
  let url = start;
  result.redirects = [];
  try {
    for (let hop = 0; ; hop++) {
      visited.add(url.href);
      result.finalUrl = url.href;
      result.httpStatus = null;
      let response: HopResponse;
      try {
        response = await httpGetOnce({
          url,
          headers: requestHeaders(opts),
          policy,
          responseTimeoutMs: opts.responseTimeoutMs,
          deadline,
          totalTimeoutMs: opts.timeoutMs,
          maxBytes: opts.maxBytes,
          ca: opts.ca,
        });
        result.httpStatus = response.status;
        if (!REDIRECT_STATUSES.has(response.status)) return checkStatus({ finalUrl: url.href, response });
      } catch (err) {
        // the operator knows the address in the config, not where the server sent us: name it, or the line misleads
        // ("blocked: resolves to loopback address" of a public feed's URL)
        throw hop === 0 ? err : atRedirect(toFetchFailure(err), url);
      }

      const next = redirectTarget(url, response);
      result.redirects.push({ status: response.status, location: next.href });
      if (visited.has(next.href)) throw new FetchFailure(`redirect loop: ${url.href} redirects back to ${next.href}`);
      if (hop + 1 > opts.maxRedirects) throw new FetchFailure(`too many redirects (more than ${opts.maxRedirects}: fetch.maxRedirects)`);
      url = next;
    }
  } catch (err) {
    return toFetchFailure(err);
  }
}

/** `failure`, which happened at `url` after one or more redirects, saying so; what retrying needs is kept */
function atRedirect(failure: FetchFailure, url: URL): FetchFailure {
  return new FetchFailure(`redirected to ${url.href}: ${failure.message}`, failure.retryable, failure.httpStatus, failure.retryAfterMs);
}

function redirectTarget(from: URL, response: HopResponse): URL {
  const raw = response.headers.location;
  if (!raw) throw new FetchFailure(`HTTP ${response.status} redirect without a Location`);
  const location = utf8Location(raw);
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FetchFailure(`redirect to an invalid URL: "${location}"`);
  }
  try {
    assertSchemeAllowed(next);
  } catch (err) {
    throw new FetchFailure(`redirect to ${next.href}: ${(err as Error).message}`);
  }
  next.hash = '';
  return next;
}

/**
 * Node hands header bytes over as latin1 characters; a server that writes a Location with a non-ASCII path as raw
 * UTF-8 (/новини/rss) meant those bytes as UTF-8, as browsers read them. Followed as latin1, the path became
 * /%C3%90%C2%BD… and a 404.
 */
function utf8Location(location: string): string {
  if (!/[\x80-\xff]/.test(location) || /[^\x00-\xff]/.test(location)) return location;
  const bytes = Buffer.from(location, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : location;
}

function checkStatus(landed: Landed): Landed {
  const { status, headers } = landed.response;
  if ((status >= 200 && status < 300) || status === 304) return landed;
  const retryable = status === 429 || status >= 500;
  throw new FetchFailure(statusLine(status, landed.finalUrl), retryable, status, parseRetryAfter(headers['retry-after']));
}

/** `HTTP 404`; and what to do, for the answers that say it: the feed gone for good (410), a login wanted (401) */
function statusLine(status: number, url: string): string {
  if (status === 410) return 'HTTP 410 Gone: the server says the feed was removed for good; remove it from the config or find its new address';
  if (status !== 401) return `HTTP ${status}`;
  // a private feed (HTTP Basic): the login goes in the feed's url
  if (/^https?:\/\/[^/?#]*@/i.test(url)) return "HTTP 401 Unauthorized: the server refused the login in the feed's url";
  return 'HTTP 401 Unauthorized: the feed needs a login; put user:password@ before the host in its url';
}

/** the last failure of a busy server (429, 503), with the wait it asked for when it named one: when to try again */
function withAsk(failure: FetchFailure): FetchFailure {
  const asked = failure.retryAfterMs;
  if (asked == null || asked <= 0 || (failure.httpStatus !== 429 && failure.httpStatus !== 503)) return failure;
  return new FetchFailure(`${failure.message} (asked to retry after ${formatWait(asked)})`, failure.retryable, failure.httpStatus, asked);
}

/** How long to wait before try number `attempts + 1`, or the failure to report when waiting is not on. */
function retryDelay(failure: FetchFailure, attempts: number, opts: FetchOptions): number | FetchFailure {
  const asked = failure.retryAfterMs;
  if (asked != null && (failure.httpStatus === 429 || failure.httpStatus === 503)) {
    // Honour the server's wish, but one feed may not stall the run: past the cap we give up instead.
    const cap = Math.min(opts.retryAfterCapMs ?? DEFAULT_RETRY_AFTER_CAP_MS, opts.timeoutMs);
    if (asked > cap) return withAsk(failure);
    return asked;
  }
  // Exponential backoff with jitter, so feeds failing together do not retry in lockstep.
  const base = opts.backoffBaseMs ?? DEFAULT_BACKOFF_MS;
  return Math.round(base * 2 ** (attempts - 1) * (0.75 + Math.random() * 0.5));
}

function requestHeaders(opts: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent,
    accept: opts.accept ?? DEFAULT_ACCEPT,
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified && !isAhead(opts.lastModified)) headers['if-modified-since'] = opts.lastModified;
  return headers;
}

/**
 * A Last-Modified later than now (a CMS that stamps it from a post scheduled ahead, a server clock set wrong) is no
 * validator: servers that compare dates (Apache, Express) answer 304 to it for every later version of the feed until
 * that date, and the digest read its stale copy for weeks. A date that does not parse is sent as it came.
 */
function isAhead(lastModified: string): boolean {
  return Date.parse(lastModified) > Date.now();
}

function fillFromResponse(result: FetchResponse, landed: Landed): void {
  const { status, headers, body } = landed.response;
  result.finalUrl = landed.finalUrl;
  result.httpStatus = status;
  result.status = status === 304 ? 'not-modified' : 'ok';
  result.body = body;
  result.contentType = headers['content-type'] ?? null;
  result.etag = headers.etag ?? null;
  result.lastModified = headers['last-modified'] ?? null;
  result.error = null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
