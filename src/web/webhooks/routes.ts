// Provider webhooks on `digest serve` (config `webhooks:`): POST /webhooks/ses (Amazon SES via SNS),
// /webhooks/postmark, /webhooks/mailgun, /webhooks/sendgrid. Each is authenticated as its provider documents;
// an unauthenticated or forged post is refused (401/403) before anything is read from it or changed.
import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UserError } from '../../errors.js';
import type { SqliteStore } from '../../store/sqlite.js';
import type { DigestConfig } from '../../types.js';
import { readBytes, sendJson } from '../http.js';
import type { Router } from '../router.js';
import { MailgunVerifier, mailgunEvents } from './mailgun.js';
import { checkPostmarkAuth, postmarkEvents } from './postmark.js';
import { WebhookRefusal, applyProviderEvents, type ProviderEvent } from './provider-event.js';
import { checkSendgridSignature, sendgridEvents, sendgridKey } from './sendgrid.js';
import { sesEvents } from './ses.js';
import { SnsVerifier, httpsGet, isSnsUrl, type HttpsFetcher, type SnsMessage } from './sns.js';

export interface WebhookSecrets {
  /** `user:password` Postmark sends as basic auth */
  postmark?: string;
  /** Mailgun's webhook signing key */
  mailgun?: string;
  /** SendGrid's verification key */
  sendgrid?: KeyObject;
}

const ENV = { postmark: 'DIGEST_POSTMARK_WEBHOOK_AUTH', mailgun: 'DIGEST_MAILGUN_SIGNING_KEY', sendgrid: 'DIGEST_SENDGRID_WEBHOOK_KEY' } as const;

/** The secrets of the webhooks the config turns on, from the environment; a missing one is a usage error naming it. */
export function requireWebhookSecrets(config: DigestConfig, env: NodeJS.ProcessEnv = process.env): WebhookSecrets {
  const w = config.webhooks ?? {};
  const need = (name: keyof typeof ENV, what: string): string => {
    const v = env[ENV[name]]?.trim();
    if (!v) throw new UserError(`${ENV[name]} is not set: webhooks.${name} needs ${what}`);
    return v;
  };
  const out: WebhookSecrets = {};
  if (w.postmark) {
    out.postmark = need('postmark', 'the user:password written into the webhook URL in Postmark (https://user:password@…/webhooks/postmark)');
    if (!out.postmark.includes(':')) throw new UserError(`${ENV.postmark}: expected user:password`);
  }
  if (w.mailgun) out.mailgun = need('mailgun', "Mailgun's HTTP webhook signing key");
  if (w.sendgrid) {
    const text = need('sendgrid', "SendGrid's signed event webhook verification key");
    try {
      out.sendgrid = sendgridKey(text);
    } catch {
      throw new UserError(`${ENV.sendgrid}: expected the verification key SendGrid shows (base64), or a PEM public key`);
    }
  }
  return out;
}

export interface WebhookRouteOptions {
  config: DigestConfig;
  store: SqliteStore;
  secrets: WebhookSecrets;
  /** fetches SNS certificates and subscription confirmations (tests serve their own) */
  fetcher?: HttpsFetcher;
  now?: () => Date;
  log?: (line: string) => void;
}

/** one event or notification a post (SES through SNS: 256 KB at most; Postmark, Mailgun) */
const MAX_BODY = 256 * 1024;
/**
 * SendGrid posts its events in batches "every 30 seconds or when the batch size reaches 768 kilobytes", and drops a
 * batch refused for 24 hours: one refused as too large would be refused at every retry, its complaints lost with it.
 */
const MAX_SENDGRID_BATCH = 1024 * 1024;

export function webhookRoutes(o: WebhookRouteOptions): (router: Router) => void {
  const w = o.config.webhooks ?? {};
  const log = o.log ?? (() => {});
  const now = o.now ?? (() => new Date());
  const fetcher = o.fetcher ?? httpsGet;
  const apply = (res: ServerResponse, source: string, events: ProviderEvent[]) => {
    const r = applyProviderEvents(o.store, o.config, source, events, now());
    if (r.applied) log(`webhook ${source}: ${r.results.map((x) => ('note' in x ? x.note : x.result)).join('; ')}`);
    sendJson(res, 200, { applied: r.applied, ignored: r.ignored });
  };
  const guarded = (source: string, fn: (req: IncomingMessage, res: ServerResponse) => Promise<void>) => async ({ req, res }: { req: IncomingMessage; res: ServerResponse }) => {
    try {
      await fn(req, res);
    } catch (err) {
      if (!(err instanceof WebhookRefusal)) throw err;
      log(`webhook ${source}: refused (${err.status}): ${err.message}`);
      sendJson(res, err.status, { error: err.message }, err.status === 401 && source === 'postmark' ? { 'WWW-Authenticate': 'Basic realm="webhooks"' } : {});
    }
  };

  return (router) => {
    if (w.ses) {
      const topics = w.ses.topics;
      const sns = new SnsVerifier(fetcher, now);
      router.post('/webhooks/ses', guarded('ses', async (req, res) => {
        const m = json(await readBytes(req, MAX_BODY)) as SnsMessage;
        if (!m || typeof m !== 'object') throw new WebhookRefusal(400, 'expected an SNS message (JSON object)');
        await sns.verify(m);
        if (!topics.includes(m.TopicArn)) throw new WebhookRefusal(403, `SNS topic ${m.TopicArn} is not in webhooks.ses.topics`);
        if (m.Type === 'SubscriptionConfirmation') {
          if (!isSnsUrl(m.SubscribeURL)) throw new WebhookRefusal(403, 'SNS SubscribeURL is not on an sns.<region>.amazonaws.com host');
          await fetcher(m.SubscribeURL!);
          log(`webhook ses: confirmed the subscription to ${m.TopicArn}`);
          return sendJson(res, 200, { confirmed: m.TopicArn });
        }
        if (m.Type !== 'Notification') return sendJson(res, 200, { applied: 0, ignored: 0 });
        apply(res, 'ses', sesEvents(m.Message));
      }));
    }
    if (w.postmark) {
      router.post('/webhooks/postmark', guarded('postmark', async (req, res) => {
        checkPostmarkAuth(req, o.secrets.postmark!);
        const raw = await readBytes(req, MAX_BODY);
        apply(res, 'postmark', postmarkEvents(json(raw), raw.toString('utf8')));
      }));
    }
    if (w.mailgun) {
      const verifier = new MailgunVerifier(o.secrets.mailgun!, now);
      router.post('/webhooks/mailgun', guarded('mailgun', async (req, res) => {
        const body = json(await readBytes(req, MAX_BODY));
        verifier.verify(body);
        apply(res, 'mailgun', mailgunEvents(body));
      }));
    }
    if (w.sendgrid) {
      router.post('/webhooks/sendgrid', guarded('sendgrid', async (req, res) => {
        const raw = await readBytes(req, MAX_SENDGRID_BATCH);
        checkSendgridSignature(req, raw, o.secrets.sendgrid!, now());
        apply(res, 'sendgrid', sendgridEvents(json(raw)));
      }));
    }
  };
}

function json(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new WebhookRefusal(400, 'body is not JSON');
  }
}
