// One GET, one hop: no redirects, no retries. Enforces the address policy, both timeouts and the size cap.
import http from 'node:http';
import tls from 'node:tls';
import https from 'node:https';
import { assertLiteralHostAllowed, type AddressPolicy } from './address-policy.js';
import { agentFor } from './agents.js';
import { ACCEPT_ENCODING, decodeBody } from './decode-body.js';
import { FetchFailure, toFetchFailure } from './fetch-error.js';
import { formatSeconds, tooLargeLine } from './format.js';

export interface HopRequest {
  url: URL;
  headers: Record<string, string>;
  policy: AddressPolicy;
  /** time allowed until response headers arrive */
  responseTimeoutMs: number;
  /** epoch ms by which the whole exchange (headers and body) must be done */
  deadline: number;
  /** the configured total, for the error line */
  totalTimeoutMs: number;
  maxBytes: number;
  /** extra trusted CAs for https */
  ca?: string | Buffer | Array<string | Buffer>;
}

export interface HopResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** decoded body for 2xx; empty otherwise (we never need error pages) */
  body: Buffer;
}

export function httpGetOnce(req: HopRequest): Promise<HopResponse> {
  return new Promise<HopResponse>((resolve, reject) => {
    let settled = false;
    let totalTimer: NodeJS.Timeout | undefined;
    let responseTimer: NodeJS.Timeout | undefined;
    // the status line that came before the body failed (cut off, not unpacking, over the cap, too slow): the failure
    // is the body's, and says the status the server gave, not that none came
    let answeredStatus: number | null = null;
    const finish = (err: unknown, value?: HopResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(responseTimer);
      if (err) reject(withStatus(toFetchFailure(err), answeredStatus));
      else resolve(value!);
    };

    try {
      assertLiteralHostAllowed(req.url, req.policy);
    } catch (err) {
      return finish(err);
    }

    const client = req.url.protocol === 'https:' ? https : http;
    const request = client.request(req.url, {
      method: 'GET',
      headers: { 'accept-encoding': ACCEPT_ENCODING, ...req.headers },
      // pooled keep-alive connections; the agent checks every address it connects to (agents.ts)
      agent: agentFor(req.url.protocol, req.policy),
      ...(req.ca ? { ca: withSystemRoots(req.ca) } : {}),
    });
    // destroyed without the failure: given it, a pooled socket that had answered emitted it as an 'error' no one
    // listens to any more, and the whole process ended with a stack trace (a declared Content-Length over the cap)
    const fail = (failure: FetchFailure) => {
      finish(failure);
      request.destroy();
    };

    const remaining = Math.max(0, req.deadline - Date.now());
    totalTimer = setTimeout(() => fail(new FetchFailure(`timeout after ${formatSeconds(req.totalTimeoutMs)} s (fetch.timeout)`)), remaining);
    if (req.responseTimeoutMs < remaining) {
      // A server that accepts but never answers may just be overloaded: worth one more try.
      const line = `timeout after ${formatSeconds(req.responseTimeoutMs)} s waiting for a response (fetch.connectTimeout)`;
      responseTimer = setTimeout(() => fail(new FetchFailure(line, true)), req.responseTimeoutMs);
    }

    let answered = false;
    request.on('error', (err: NodeJS.ErrnoException) => {
      request.destroy();
      if (!settled && !answered && request.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) {
        // A kept-alive socket that the server closed while it sat idle: the same GET goes out again (another
        // pooled socket or a new connection), under the same deadline.
        settled = true;
        clearTimeout(totalTimer);
        clearTimeout(responseTimer);
        return resolve(httpGetOnce(req));
      }
      finish(err);
    });
    request.on('response', (res) => {
      answered = true;
      clearTimeout(responseTimer);
      const status = res.statusCode ?? 0;
      answeredStatus = status;
      if (status < 200 || status >= 300) {
        res.destroy();
        return finish(null, { status, headers: res.headers, body: Buffer.alloc(0) });
      }
      const tooBig = new FetchFailure(tooLargeLine(req.maxBytes));
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > req.maxBytes) return fail(tooBig);

      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > req.maxBytes) return fail(tooBig);
        chunks.push(chunk);
      });
      res.on('aborted', () => fail(new FetchFailure('connection closed before the body was complete', true)));
      res.on('error', (err) => finish(err));
      res.on('end', () => {
        if (settled) return;
        decodeBody(Buffer.concat(chunks), res.headers['content-encoding'], req.maxBytes).then(
          (body) => finish(null, { status, headers: res.headers, body }),
          (err) => finish(err),
        );
      });
    });
    request.end();
  });
}

function withStatus(failure: FetchFailure, status: number | null): FetchFailure {
  if (status === null || failure.httpStatus !== null) return failure;
  return new FetchFailure(failure.message, failure.retryable, status, failure.retryAfterMs);
}

/** Node's `ca` option replaces the trusted roots; we add to them instead. */
function withSystemRoots(ca: string | Buffer | Array<string | Buffer>): Array<string | Buffer> {
  return [...tls.rootCertificates, ...(Array.isArray(ca) ? ca : [ca])];
}
