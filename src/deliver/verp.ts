// Per-message bounce addresses (VERP). With `mailbox.address: bounces@example.org` every copy of an edition
// goes out with the envelope sender `bounces+<subscriber>.<edition>.<mac>@example.org`, so a delivery status
// notification, which goes to the envelope sender, names the one delivery it is about. The List-Unsubscribe
// mailto: is `bounces+u.<subscriber>.<mac>@example.org`. The MAC (HMAC-SHA256 with DIGEST_SECRET, 80 bits)
// makes both unforgeable; lower-case hex only, because some relays fold the case of local parts. It covers the
// digest's id (its store's), so a bounce for another digest that shares the secret and the mailbox names nobody here.
// Addresses made before the MAC covered the digest's id are still read: last week's copies are in readers' inboxes,
// and their unsubscribe mails and late bounces must count after an upgrade.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type BounceToken = { kind: 'delivery'; subscriberId: number; editionId: string } | { kind: 'unsubscribe'; subscriberId: number };

const MAC_CHARS = 20;

export class BounceAddresses {
  readonly local: string;
  readonly domain: string;

  /** `address`: the mailbox's plain address, e.g. bounces@example.org; `digestId`: the store's (SqliteStore.digestId) */
  constructor(
    private readonly secret: string,
    readonly address: string,
    private readonly digestId: string,
  ) {
    const at = address.lastIndexOf('@');
    this.local = address.slice(0, at);
    this.domain = address.slice(at + 1).toLowerCase();
  }

  /** The envelope sender of one (edition, subscriber) copy. */
  envelopeFor(editionId: string, subscriberId: number): string {
    const ed = encodeEdition(editionId);
    return `${this.local}+${subscriberId.toString(36)}.${ed}.${this.mac(`verp/${editionId}/${subscriberId}`)}@${this.domain}`;
  }

  /** The address of the List-Unsubscribe mailto: for one subscriber. */
  unsubscribeFor(subscriberId: number): string {
    return `${this.local}+u.${subscriberId.toString(36)}.${this.mac(`unsubscribe-mail/${subscriberId}`)}@${this.domain}`;
  }

  /** What a tagged address stands for, if it is one of ours and its MAC is right; else null. */
  read(address: string): BounceToken | null {
    const a = address.trim().replace(/^<|>$/g, '').toLowerCase();
    const at = a.lastIndexOf('@');
    if (at < 0 || a.slice(at + 1) !== this.domain) return null;
    const local = a.slice(0, at);
    const prefix = `${this.local.toLowerCase()}+`;
    if (!local.startsWith(prefix)) return null;
    const parts = local.slice(prefix.length).split('.');
    if (parts.length !== 3) return null;
    if (parts[0] === 'u') {
      const id = subscriberId(parts[1]);
      return id !== null && this.check(`unsubscribe-mail/${id}`, parts[2]) ? { kind: 'unsubscribe', subscriberId: id } : null;
    }
    const id = subscriberId(parts[0]);
    const editionId = decodeEdition(parts[1]);
    if (id === null || editionId === null) return null;
    return this.check(`verp/${editionId}/${id}`, parts[2]) ? { kind: 'delivery', subscriberId: id, editionId } : null;
  }

  /** The plain mailbox address itself (no tag). */
  isPlain(address: string): boolean {
    return address.trim().replace(/^<|>$/g, '').toLowerCase() === this.address.toLowerCase();
  }

  /** `legacy`: the MAC of addresses made before it covered the digest's id */
  private mac(what: string, legacy = false): string {
    const scope = legacy ? 'roundup' : `roundup/${this.digestId}`;
    return createHmac('sha256', this.secret).update(`${scope}/${what}`).digest('hex').slice(0, MAC_CHARS);
  }

  private check(what: string, given: string): boolean {
    const g = Buffer.from(given, 'ascii');
    return [false, true].some((legacy) => {
      const expected = Buffer.from(this.mac(what, legacy), 'ascii');
      return g.length === expected.length && timingSafeEqual(g, expected);
    });
  }
}

function subscriberId(s: string): number | null {
  if (!/^[0-9a-z]{1,11}$/.test(s)) return null;
  const id = parseInt(s, 36);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** An edition id as it is when it is lower-case letters, digits and hyphens (dates are); else `x` + hex. */
function encodeEdition(id: string): string {
  return /^[a-wyz0-9][a-z0-9-]*$/.test(id) ? id : `x${Buffer.from(id, 'utf8').toString('hex')}`;
}

function decodeEdition(s: string): string | null {
  if (/^x([0-9a-f]{2})+$/.test(s)) return Buffer.from(s.slice(1), 'hex').toString('utf8');
  return /^[a-wyz0-9][a-z0-9-]*$/.test(s) ? s : null;
}
