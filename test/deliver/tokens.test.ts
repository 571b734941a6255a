// Signed subscriber tokens: only the exact token for that id and purpose, under that secret, passes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tokens, requireSecret } from '../../src/deliver/tokens.js';

const scope = { digestId: '0123456789abcdef', unscopedUpTo: 0 };
const tokens = new Tokens('a-long-enough-test-secret', scope);
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.';

describe('Tokens', () => {
  it('verifies its own tokens for the same purpose only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (id) => {
        const t = tokens.sign(id, 'unsubscribe');
        expect(tokens.verify(t, 'unsubscribe')).toBe(id);
        expect(tokens.verify(t, 'preferences')).toBeNull();
        expect(tokens.verify(t, 'confirm')).toBeNull();
        expect(new Tokens('another-long-test-secret', scope).verify(t, 'unsubscribe')).toBeNull();
      }),
    );
  });

  it('rejects every one-character change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.nat(), fc.constantFrom(...ALPHABET), (id, at, ch) => {
        const t = tokens.sign(id, 'unsubscribe');
        const i = at % t.length;
        fc.pre(t[i] !== ch);
        const changed = t.slice(0, i) + ch + t.slice(i + 1);
        expect(tokens.verify(changed, 'unsubscribe')).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('rejects junk without throwing', () => {
    for (const junk of ['', '.', '1.', '1.x', 'zzzzzzzzzzzz.' + 'A'.repeat(43), '../etc/passwd', '1.' + 'A'.repeat(44), '0.' + 'A'.repeat(43)]) {
      expect(tokens.verify(junk, 'unsubscribe')).toBeNull();
    }
  });

  it('refuses a missing or short DIGEST_SECRET with a clear message', () => {
    expect(() => requireSecret({}, 'digest send')).toThrow(/^DIGEST_SECRET is not set: digest send needs it/);
    expect(() => requireSecret({ DIGEST_SECRET: 'short' })).toThrow(/at least 16 characters/);
    expect(requireSecret({ DIGEST_SECRET: 'x'.repeat(16) })).toBe('x'.repeat(16));
  });
});
