import { describe, expect, it } from 'vitest';
import { nonPublicKind } from '../../src/fetch/index.js';
import { parseRetryAfter } from '../../src/fetch/retry-after.js';

describe('nonPublicKind (SSRF address classes)', () => {
  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e'])(
    'lets the public address %s through',
    (address) => expect(nonPublicKind(address)).toBeNull(),
  );

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.4.4', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::127.0.0.1', 'loopback'], // ipaddr.js reads the dotted form as IPv4-mapped
    ['::7f00:1', 'IPv4-compatible'],
    ['::a00:1', 'IPv4-compatible'],
    ['192.0.2.10', 'non-public'],
    ['64:ff9b::a00:1', 'non-public'],
    ['2002:a00:1::', 'non-public'],
    ['not-an-ip', 'invalid'],
  ])('refuses %s as %s', (address, kind) => expect(nonPublicKind(address)).toBe(kind));
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-06-03T08:00:00Z');
  it('reads delay-seconds', () => expect(parseRetryAfter('7', now)).toBe(7000));
  it('reads an HTTP date relative to now', () => expect(parseRetryAfter('Mon, 03 Jun 2024 08:00:30 GMT', now)).toBe(30_000));
  it('treats a date in the past as no wait', () => expect(parseRetryAfter('Mon, 03 Jun 2024 07:00:00 GMT', now)).toBe(0));
  it.each([undefined, '', 'soon', '-5', '1.5'])('ignores %j', (value) => expect(parseRetryAfter(value, now)).toBeNull());
});
