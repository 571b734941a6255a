// Signed tokens for subscriber links: HMAC-SHA256 over (purpose, subscriber id) with DIGEST_SECRET.
// The token is `<id base36>.<full 256-bit MAC, base64url>`; the id alone is worthless without the MAC,
// and a token for one purpose (unsubscribe) never works for another (preferences).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { UserError } from '../errors.js';

export type TokenPurpose = 'unsubscribe' | 'confirm' | 'preferences';

export const MIN_SECRET_LENGTH = 16;

/** Read DIGEST_SECRET from the environment or refuse to start with a clear message. */
export function requireSecret(env: NodeJS.ProcessEnv = process.env, command = 'this command'): string {
  const secret = env.DIGEST_SECRET;
  if (!secret) {
    throw new UserError(`DIGEST_SECRET is not set: ${command} needs it to sign unsubscribe links (e.g. export DIGEST_SECRET=$(openssl rand -hex 32))`);
  }
  // spaces do not count: a value of blanks (an env file's `DIGEST_SECRET=   `) signs nothing anyone cannot guess
  if (secret.trim().length < MIN_SECRET_LENGTH) {
    throw new UserError(`DIGEST_SECRET is too short: expected at least ${MIN_SECRET_LENGTH} characters of random text${secret.length >= MIN_SECRET_LENGTH ? ', not spaces' : ''}`);
  }
  // a carriage return (an env file saved with Windows line ends) or a blank around it: cron's sh keeps them and
  // systemd's EnvironmentFile= drops them, so links signed by a tick from cron would not verify in the web app
  if (/[\x00-\x1f\x7f]/.test(secret) || secret !== secret.trim()) {
    throw new UserError('DIGEST_SECRET has a line end, control character or blank in it (an env file with Windows line ends?): expected the secret alone');
  }
  return secret;
}

export class Tokens {
  constructor(private readonly secret: string) {}

  sign(subscriberId: number, purpose: TokenPurpose): string {
    return `${subscriberId.toString(36)}.${this.mac(subscriberId, purpose).toString('base64url')}`;
  }

  /** The subscriber id if the token is genuine for this purpose, else null. */
  verify(token: string, purpose: TokenPurpose): number | null {
    const m = /^([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    const id = parseInt(m[1], 36);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    // compare the text, not decoded bytes: base64's spare low bits would let two spellings pass
    const given = Buffer.from(m[2], 'ascii');
    const expected = Buffer.from(this.mac(id, purpose).toString('base64url'), 'ascii');
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
  }

  private mac(id: number, purpose: TokenPurpose): Buffer {
    return createHmac('sha256', this.secret).update(`roundup/${purpose}/${id}`).digest();
  }
}
