// Decide what an SMTP failure means for the ledger: retry later (4xx, dropped or refused
// connection, timeout) or give up on this address (5xx).
import { oneLine } from '../errors.js';

export interface SmtpFailure {
  permanent: boolean;
  /** one line for the ledger and the summary, e.g. "550 5.1.1 mailbox unknown" */
  reason: string;
}

const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EPROTOCOL', 'ETLS', 'ECLOSED']);

export function classifySmtpError(err: unknown): SmtpFailure {
  const e = (err ?? {}) as { responseCode?: number; response?: string; code?: string; message?: string };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    const text = oneLine(e.response ?? e.message ?? '').slice(0, 300);
    return { permanent: e.responseCode >= 500, reason: text.startsWith(String(e.responseCode)) ? text : `${e.responseCode} ${text}` };
  }
  const reason = oneLine(err).slice(0, 300) || 'unknown error';
  // no SMTP reply at all: the connection failed, which is worth another try
  if (e.code && TRANSIENT_CODES.has(e.code)) return { permanent: false, reason: `${e.code}: ${reason}` };
  if (e.code === 'EAUTH') return { permanent: false, reason: `EAUTH: ${reason}` };
  return { permanent: false, reason };
}

/** Exponential backoff with full jitter, capped. attempt counts from 1. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
