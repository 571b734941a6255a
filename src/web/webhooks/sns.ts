// Amazon SNS message signatures (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html):
// the signing certificate must come over https from an sns.<region>.amazonaws.com host, be valid now and be
// issued to sns.amazonaws.com; the canonical string of the message's fields must verify with its RSA key
// (SHA1 for SignatureVersion 1, SHA256 for 2). The fetcher is injectable so tests can serve their own
// certificate for such a URL; the signature check itself is always real.
import { X509Certificate, createVerify } from 'node:crypto';
import { get } from 'node:https';
import { WebhookRefusal } from './provider-event.js';

export interface SnsMessage {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  Subject?: string;
  SubscribeURL?: string;
  Token?: string;
}

/** GET an https URL's body (the certificate, the subscription confirmation). */
export type HttpsFetcher = (url: string) => Promise<string>;

const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/** True for an https URL on an SNS host: where certificates and confirmation links may point. */
export function isSnsUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && SNS_HOST.test(u.hostname) && (u.port === '' || u.port === '443') && !u.username;
  } catch {
    return false;
  }
}

/** The fields SNS signs, in order, for each message type. */
function canonical(m: SnsMessage): string {
  const keys =
    m.Type === 'Notification'
      ? ['Message', 'MessageId', ...(m.Subject !== undefined ? ['Subject'] : []), 'Timestamp', 'TopicArn', 'Type']
      : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  return keys.map((k) => `${k}\n${String((m as unknown as Record<string, unknown>)[k] ?? '')}\n`).join('');
}

export class SnsVerifier {
  private readonly certs = new Map<string, X509Certificate>();

  constructor(private readonly fetcher: HttpsFetcher = httpsGet, private readonly now: () => Date = () => new Date()) {}

  async verify(m: SnsMessage): Promise<void> {
    for (const k of ['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL'] as const) {
      if (typeof m[k] !== 'string') throw new WebhookRefusal(403, `SNS message without ${k}`);
    }
    const algorithm = m.SignatureVersion === '1' ? 'RSA-SHA1' : m.SignatureVersion === '2' ? 'RSA-SHA256' : null;
    if (!algorithm) throw new WebhookRefusal(403, `SNS SignatureVersion ${JSON.stringify(m.SignatureVersion)} is not 1 or 2`);
    if (!isSnsUrl(m.SigningCertURL) || !/\.pem$/.test(new URL(m.SigningCertURL).pathname)) {
      throw new WebhookRefusal(403, 'SNS SigningCertURL is not an https .pem on an sns.<region>.amazonaws.com host');
    }
    const cert = await this.certificate(m.SigningCertURL);
    const at = this.now().getTime();
    if (at < Date.parse(cert.validFrom) || at > Date.parse(cert.validTo)) throw new WebhookRefusal(403, 'SNS signing certificate is not valid now');
    if (!cert.checkHost('sns.amazonaws.com')) throw new WebhookRefusal(403, 'SNS signing certificate is not issued to sns.amazonaws.com');
    const ok = createVerify(algorithm).update(canonical(m), 'utf8').verify(cert.publicKey, m.Signature, 'base64');
    if (!ok) throw new WebhookRefusal(403, 'SNS signature does not verify');
  }

  private async certificate(url: string): Promise<X509Certificate> {
    let cert = this.certs.get(url);
    if (!cert) {
      try {
        cert = new X509Certificate(await this.fetcher(url));
      } catch {
        throw new WebhookRefusal(403, 'SNS signing certificate could not be fetched or read');
      }
      this.certs.set(url, cert);
    }
    return cert;
  }
}

/** A small https GET: 10 s, 64 KB, no redirects. */
export function httpsGet(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = get(url, { timeout: 10_000 }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`HTTP ${res.statusCode}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 64 * 1024) req.destroy(new Error('too large'));
        else chunks.push(c);
      });
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}
