// The bounce addresses and the new config keys, through their public functions.
import { describe, expect, it } from 'vitest';
import { BounceAddresses } from '../../src/deliver/verp.js';
import { loadConfig } from '../../src/config/index.js';
import { makeWorkspace } from '../deliver/support.js';

describe('bounce addresses (VERP)', () => {
  const b = new BounceAddresses('test-secret-0123456789abcdef', 'bounces@Watch.Example.org', '0123456789abcdef');

  it('read back what they encode, whatever case a relay gives the address', () => {
    const env = b.envelopeFor('2026-11-23', 42);
    expect(env).toMatch(/^bounces\+16\.2026-11-23\.[0-9a-f]{20}@watch\.example\.org$/);
    expect(b.read(env)).toEqual({ kind: 'delivery', subscriberId: 42, editionId: '2026-11-23' });
    expect(b.read(`<${env.toUpperCase()}>`)).toEqual({ kind: 'delivery', subscriberId: 42, editionId: '2026-11-23' });
    expect(b.read(b.unsubscribeFor(7))).toEqual({ kind: 'unsubscribe', subscriberId: 7 });
    // an edition id that is not plain lower-case travels hex-encoded
    const odd = b.envelopeFor('Week 48/2026', 3);
    expect(odd).toMatch(/^bounces\+3\.x[0-9a-f]+\.[0-9a-f]{20}@/);
    expect(b.read(odd)).toEqual({ kind: 'delivery', subscriberId: 3, editionId: 'Week 48/2026' });
  });

  it('refuse a changed subscriber, edition, MAC, domain or key', () => {
    const env = b.envelopeFor('2026-11-23', 42);
    expect(b.read(env.replace('+16.', '+17.'))).toBeNull();
    expect(b.read(env.replace('2026-11-23', '2026-11-30'))).toBeNull();
    expect(b.read(env.replace(/\.[0-9a-f]{20}@/, '.00000000000000000000@'))).toBeNull();
    expect(b.read(env.replace('watch.example.org', 'other.example.org'))).toBeNull();
    expect(new BounceAddresses('another-secret-0123456789', 'bounces@watch.example.org', '0123456789abcdef').read(env)).toBeNull();
    // another digest (another store) with the same secret and mailbox
    expect(new BounceAddresses('test-secret-0123456789abcdef', 'bounces@watch.example.org', 'fedcba9876543210').read(env)).toBeNull();
    // an unsubscribe token is not a delivery token, nor the other way round
    const u = b.unsubscribeFor(42);
    expect(b.read(u.replace('+u.', '+'))).toBeNull();
  });
});

describe('config: mailbox and webhooks', () => {
  const load = (extra: string) => {
    const ws = makeWorkspace(extra);
    try {
      return { config: loadConfig(ws.configFile), error: null };
    } catch (err) {
      return { config: null, error: (err as Error).message };
    }
  };

  it('has defaults for what is left out', () => {
    const { config } = load('mailbox:\n  address: bounces@watch.example.org\n');
    expect(config!.mailbox).toEqual({ address: 'bounces@watch.example.org', folder: 'INBOX', handledFolder: 'Processed', softBounces: { count: 3, withinMs: 30 * 86_400_000 }, authservIds: [] });
    expect(config!.email.welcome).toBe(false);
    const trusting = load('mailbox:\n  address: bounces@watch.example.org\n  authservIds: [MX.Example.org, " mx2.example.org "]\n').config;
    expect(trusting!.mailbox!.authservIds).toEqual(['mx.example.org', 'mx2.example.org']);
  });

  it('names the key and what is expected', () => {
    expect(load('mailbox:\n  address: bounces+x@watch.example.org\n').error).toMatch(/mailbox\.address: expected a plain address without "\+"/);
    expect(load('mailbox:\n  address: bounces@watch.example.org\n  softBounces: { count: 0, within: 30d }\n').error).toMatch(/mailbox\.softBounces\.count: expected a number of soft bounces ≥ 1/);
    expect(load('mailbox:\n  address: bounces@watch.example.org\n  softBounces: { count: 3, within: soon }\n').error).toMatch(/mailbox\.softBounces\.within: expected a duration such as 30d, got "soon"/);
    expect(load('mailbox:\n  address: bounces@watch.example.org\n  authservIds: ["mx.example.org; dmarc=pass"]\n').error).toMatch(
      /mailbox\.authservIds\[0\]: expected the authserv-id your receiving server writes first in Authentication-Results, such as mx\.example\.org, got "mx\.example\.org; dmarc=pass"/,
    );
    expect(load('mailbox:\n  address: bounces@watch.example.org\n  authservIds: []\n').error).toMatch(/mailbox\.authservIds: expected at least one authserv-id/);
    expect(load('mailbox:\n  adress: bounces@watch.example.org\n').error).toMatch(/unknown key `adress` \(did you mean `address`\?\)/);
    expect(load('webhooks:\n  ses: { topics: [] }\n').error).toMatch(/webhooks\.ses\.topics: expected at least one SNS topic ARN/);
    expect(load('webhooks:\n  sparkpost: true\n').error).toMatch(/webhooks: unknown key `sparkpost`/);
  });
});
