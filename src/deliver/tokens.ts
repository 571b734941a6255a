// Signed tokens for subscriber links: HMAC-SHA256 over (digest, purpose, subscriber id) with DIGEST_SECRET.
// The token is `<id base36>.<full 256-bit MAC, base64url>`; the id alone is worthless without the MAC,
// and a token for one purpose (unsubscribe) never works for another (preferences). The MAC covers the digest's
// id (its store's), as the bounce addresses do (./verp.ts): two digests sharing the secret each have a reader 3,
// and a link of one must not unsubscribe, or confirm the sign-up of, the other's. Links signed before it did
// are still read for the readers who may hold them (ids up to the store's unscopedLinksUpTo): last week's
// unsubscribe links are in their inboxes. A link may also carry what it does (`detail`, such as the sections a
// confirmation link subscribes to): the MAC covers it, so the link does that and nothing else.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { UserError } from '../errors.js';
import type { Store } from '../store/types.js';

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

export interface TokenScope {
  /** the store's digest id */
  digestId: string;
  /** the last subscriber id whose links may have been signed without it (0: none) */
  unscopedUpTo: number;
}

/** The scope of the links of the digest whose store this is. */
export function tokenScope(store: Pick<Store, 'digestId' | 'unscopedLinksUpTo'>): TokenScope {
  return { digestId: store.digestId(), unscopedUpTo: store.unscopedLinksUpTo() };
}

export class Tokens {
  constructor(
    private readonly secret: string,
    private readonly scope: TokenScope,
  ) {}

  /** `detail`: what the link does, carried beside the token (in its query) and covered by its MAC */
  sign(subscriberId: number, purpose: TokenPurpose, detail?: string): string {
    return `${subscriberId.toString(36)}.${this.mac(subscriberId, purpose, false, detail).toString('base64url')}`;
  }

  /** The subscriber id if the token is genuine for this purpose (and `detail`, as signed), else null. */
  verify(token: string, purpose: TokenPurpose, detail?: string): number | null {
    const m = /^([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    const id = parseInt(m[1], 36);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    // compare the text, not decoded bytes: base64's spare low bits would let two spellings pass
    const given = Buffer.from(m[2], 'ascii');
    const matches = (unscoped: boolean) => {
      const expected = Buffer.from(this.mac(id, purpose, unscoped, detail).toString('base64url'), 'ascii');
      return given.length === expected.length && timingSafeEqual(given, expected);
    };
    // links signed before the MAC covered the digest's id carried no detail either
    return matches(false) || (detail === undefined && id <= this.scope.unscopedUpTo && matches(true)) ? id : null;
  }

  /** `unscoped`: the MAC of links signed before it covered the digest's id */
  private mac(id: number, purpose: TokenPurpose, unscoped: boolean, detail?: string): Buffer {
    const what = unscoped ? `roundup/${purpose}/${id}` : `roundup/${this.scope.digestId}/${purpose}/${id}${detail === undefined ? '' : `/${detail}`}`;
    return createHmac('sha256', this.secret).update(what).digest();
  }
}
