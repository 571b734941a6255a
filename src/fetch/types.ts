// Shapes of the fetch layer: what fetchUrl takes and gives back.
import type { FetchConfig } from '../types.js';

export type FetchStatus = 'ok' | 'not-modified' | 'error';

export interface FetchResponse {
  status: FetchStatus;
  /** the URL asked for */
  url: string;
  /** URL after redirects (base for relative links); the last URL tried on error */
  finalUrl: string;
  /** status of the last HTTP response, null when none arrived */
  httpStatus: number | null;
  /** decoded (decompressed) body; empty on error and on 304 */
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** one clear line on error ("HTTP 404", "timeout after 20 s (fetch.timeout)"), else null */
  error: string | null;
  /** wall time including retries and waits */
  ms: number;
  /** requests sent, counting retries (not redirect hops) */
  attempts: number;
  /** redirect hops of the last attempt, in order; all permanent (301/308) means the feed has moved */
  redirects: { status: number; location: string }[];
}

/** Knobs that are not user config; tests turn them down to stay fast. */
export interface FetchTuning {
  /** first retry waits about this long, doubling each time (default 1000 ms) */
  backoffBaseMs?: number;
  /** longest Retry-After we honour; longer asks make us give up (default 30 s, never above timeoutMs) */
  retryAfterCapMs?: number;
  /** IPs or CIDR ranges let through while the SSRF guard is on (e.g. "10.1.2.3", "192.168.7.0/24") */
  allowAddresses?: string[];
  /** extra trusted CA certificates (PEM) for https, e.g. an intranet CA; replaces none of the system ones */
  ca?: string | Buffer | Array<string | Buffer>;
}

export type FetchOptions = FetchConfig &
  FetchTuning & {
    etag?: string | null;
    lastModified?: string | null;
    accept?: string;
  };
