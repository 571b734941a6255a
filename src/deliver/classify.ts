// What an SMTP failure means, by the step of the exchange it happened in:
// - recipient: the server refused this address at RCPT TO. A 5xx is a hard failure of the address
//   (it counts towards `bounced`); a 4xx is retried.
// - message: the server refused this message's content at DATA (size, content filter, quota), or refused
//   the address at RCPT TO for policy (5.7.x, a relay that will not relay). Not the address's fault: never
//   counted against it, retried by a later run.
// - session: the connection, greeting, TLS, login (535/530) or MAIL FROM failed. Nothing about any
//   recipient: always temporary, never counted against anyone. Login, sender and TLS problems will not
//   fix themselves within the run (`halts`): the run stops at once. A dropped or refused connection, and
//   any 4xx answer (a 421 greeting, a rate limit at MAIL FROM), is retried with backoff first.
import { oneLine } from '../errors.js';
import { enhancedStatusOf } from './status-severity.js';

export type FailureScope = 'recipient' | 'message' | 'session';

export interface SmtpFailure {
  scope: FailureScope;
  /** a recipient-level 5xx: give up on this address for this edition and count a hard failure */
  permanent: boolean;
  /** a session failure that retrying within this run cannot fix (login, sender, TLS, protocol) */
  halts: boolean;
  /** what a halting session failure refused: the login, the sender (MAIL FROM), more mail from the account (a sending limit), TLS, or null for the rest */
  refused: 'login' | 'sender' | 'limit' | 'tls' | null;
  /** the server's reply code, null when there was none (connection trouble) */
  code: number | null;
  /** one line for the ledger and the summary, e.g. "550 5.1.1 mailbox unknown" */
  reason: string;
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ECLOSED']);
const HALTING_CODES = new Set(['EAUTH', 'ETLS', 'EPROTOCOL', 'EREQUIRETLS', 'ENOAUTH', 'EOAUTH2']);
const LOGIN_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2']);
/**
 * TLS that failed on the socket (nodemailer reports it as ESOCKET, with OpenSSL's text): a handshake with a
 * server that does not speak TLS there, or a certificate refused. Retrying cannot fix either.
 */
const TLS_TEXT = /SSL routines|wrong version number|certificate|CERT_|self[- ]signed|altnames|handshake/i;
/**
 * A relay refusing to relay, in the words of servers that give no enhanced status (Exim's "550 relay not
 * permitted"): the relay's setting (a login it wants), never the address. Not "… in relay recipient table", Postfix's
 * unknown user.
 */
const RELAY_REFUSED = /\brelay(ing)? (access )?(denied|not permitted|not allowed|prohibited)|\bunable to relay\b|\bwe do not relay\b/i;
/**
 * A refusal for the account's sending limit, usually to MAIL FROM ("550 5.4.5 Daily user sending limit exceeded",
 * "554 sending quota exceeded"): no setting of the sender would help; the account may send again later.
 */
const SENDING_LIMIT = /\b(quota|(sending|message|daily|hourly|rate) limits?|limit (exceeded|reached))\b/i;
/** OpenSSL's answer when the other side spoke plain text: smtps:// to a STARTTLS or plain port. */
const PLAIN_TEXT_ANSWER = /wrong version number|packet length too long|unknown protocol/i;

interface NodemailerError {
  responseCode?: number;
  response?: string;
  code?: string;
  command?: string;
  message?: string;
}

export function classifySmtpError(err: unknown): SmtpFailure {
  const e = (err ?? {}) as NodemailerError;
  const reason = describe(e, err);
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = (e.command ?? '').toUpperCase();
  if (command === 'RCPT TO') {
    // a 5xx whose status says it is policy, not the address (5.7.x: "Relay access denied", a block list), is this
    // message refused, as at DATA: never a hard failure, and three in a row stop the run. A full mailbox (5.2.2) is
    // the address's: counted, so one that stays full is bounced after a few editions, as the bounce mailbox does
    if ((code ?? 0) >= 500 && (enhancedStatusOf(e.response)?.startsWith('5.7.') || RELAY_REFUSED.test(e.response ?? ''))) {
      return { scope: 'message', permanent: false, halts: false, refused: null, code, reason };
    }
    return { scope: 'recipient', permanent: (code ?? 0) >= 500, halts: false, refused: null, code, reason };
  }
  if (command === 'DATA' && e.code === 'EMESSAGE') return { scope: 'message', permanent: false, halts: false, refused: null, code, reason };
  // everything else happened before or around any recipient: the session failed
  if (code === null && (e.code === 'ESOCKET' || e.code === 'ETLS') && TLS_TEXT.test(e.message ?? '')) {
    const plain = PLAIN_TEXT_ANSWER.test(e.message ?? '');
    return { scope: 'session', permanent: false, halts: true, refused: 'tls', code, reason: plain ? 'the server answered in plain text, not TLS' : reason };
  }
  const connection = !!e.code && CONNECTION_CODES.has(e.code) && code === null;
  // a 4xx is "not now" wherever it comes (421 at the greeting when the server has enough connections, a rate
  // limit answered at MAIL FROM): waited out like a dropped connection, never taken for a wrong setting
  const notNow = code !== null && code >= 400 && code < 500;
  const halts = !connection && !notNow && (HALTING_CODES.has(e.code ?? '') || command === 'MAIL FROM' || command.startsWith('AUTH') || (code ?? 0) >= 500);
  // 530 "authentication required" comes as the answer to MAIL FROM
  const login = command.startsWith('AUTH') || code === 530 || LOGIN_CODES.has(e.code ?? '');
  const refused = !halts ? null : login ? 'login' : SENDING_LIMIT.test(e.response ?? '') ? 'limit' : command === 'MAIL FROM' ? 'sender' : null;
  return { scope: 'session', permanent: false, halts, refused, code, reason };
}

/**
 * The one line a halting session failure stops the run with: what was refused and which setting to fix.
 * `senderSetting` is where the envelope sender comes from (email.from, or mailbox.address with VERP).
 */
export function sessionStopReason(f: SmtpFailure, sender: string, senderSetting: string): string {
  const left = 'nothing more is sent and nobody is counted as failed; every recipient stays pending for the next run';
  if (f.refused === 'login') return `the SMTP server refused the login (${f.reason}): check the user and password in DIGEST_SMTP_URL; ${left}`;
  if (f.refused === 'limit') {
    return `the SMTP server takes no more mail from this account for now (${f.reason}): the account's or the provider's sending limit is reached; run again once it allows more, or raise the limit; ${left}`;
  }
  if (f.refused === 'sender') return `the SMTP server refused the sender ${sender} (${f.reason}): set ${senderSetting} to an address the server lets you send from; ${left}`;
  if (f.refused === 'tls')
    return `TLS with the SMTP server failed (${f.reason}): smtps:// speaks TLS from the start (port 465), smtp:// upgrades with STARTTLS (ports 587 and 25); check the scheme and port in DIGEST_SMTP_URL, and the server's certificate; ${left}`;
  return `the SMTP server refused the session (${f.reason}): check DIGEST_SMTP_URL; ${left}`;
}

function describe(e: NodemailerError, err: unknown): string {
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    const text = oneLine(e.response ?? e.message ?? '').slice(0, 300);
    const line = text.startsWith(String(e.responseCode)) ? text : `${e.responseCode} ${text}`;
    return e.command && !/^RCPT TO$/i.test(e.command) ? `${line} (at ${e.command})` : line;
  }
  const text = oneLine(err).slice(0, 300) || 'unknown error';
  return e.code && !text.startsWith(e.code) ? `${e.code}: ${text}` : text;
}

/** Exponential backoff with full jitter, capped. attempt counts from 1. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
