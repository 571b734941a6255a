// Every way a fetch can fail, as one clear line plus whether trying again could help.
import { oneLine } from '../errors.js';

export class FetchFailure extends Error {
  constructor(
    message: string,
    /** a later attempt might succeed (network blips, 5xx, 429) */
    readonly retryable: boolean = false,
    /** status of the response that failed, if one arrived */
    readonly httpStatus: number | null = null,
    /** the server's Retry-After, in ms, when it sent one */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'FetchFailure';
  }
}

const TLS_CODES: Record<string, string> = {
  CERT_HAS_EXPIRED: 'TLS: certificate expired',
  CERT_NOT_YET_VALID: 'TLS: certificate not yet valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS: self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS: self-signed certificate in chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS: unable to verify certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS: unknown certificate issuer',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS: certificate does not match host name',
};

/** Failures where the same request a second later will fail the same way. */
const PERMANENT_CODES = new Set(['ENOTFOUND', 'ENODATA', 'ERR_INVALID_URL', ...Object.keys(TLS_CODES)]);

/** Turns a socket/DNS/TLS/parser error into a FetchFailure with a short line. */
export function toFetchFailure(err: unknown): FetchFailure {
  if (err instanceof FetchFailure) return err;
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  const retryable = !PERMANENT_CODES.has(code) && !code.startsWith('HPE_');
  const line = describeCode(code, e);
  return new FetchFailure(line, retryable);
}

function describeCode(code: string, e: NodeJS.ErrnoException): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
      return 'DNS: host not found';
    case 'ENODATA':
      return 'DNS: host has no address';
    case 'EAI_AGAIN':
      return 'DNS: lookup failed (temporary)';
    case 'ECONNRESET':
      return e.message === 'socket hang up' ? 'connection closed before a response' : 'connection reset';
    case 'EPIPE':
      return 'connection closed while sending';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case 'EHOSTUNREACH':
      return 'host unreachable';
    case 'ENETUNREACH':
      return 'network unreachable';
    case 'EPROTO':
      return 'TLS: handshake failed';
  }
  if (code in TLS_CODES) return TLS_CODES[code];
  if (code.startsWith('HPE_')) return 'malformed HTTP response';
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) return `TLS: ${oneLine(e)}`;
  return oneLine(e) || 'request failed';
}
