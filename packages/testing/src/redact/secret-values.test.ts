import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isHighEntropy, redactSecretValues } from './secret-values.js';

// Test tokens are built at runtime: no secret-shaped literal in the sources.
const hex = (n: number) => randomBytes(n).toString('hex');
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('redactSecretValues', () => {
  it('replaces secret-shaped tokens by a placeholder naming their kind', () => {
    const live = ['sk', 'live', hex(12)].join('_');
    const restricted = ['rk', 'test', hex(12)].join('_');
    const jwt = [b64url({ alg: 'none' }), b64url({ sub: 1 }), hex(8)].join('.');
    const github = ['ghp', randomBytes(24).toString('base64url').replace(/[-_]/g, 'a')].join('_');
    const basic = Buffer.from(`user:${hex(6)}`).toString('base64');
    const text = `keys ${live} ${restricted}; token ${jwt}; gh ${github}; Authorization: Bearer ${hex(10)}; Basic ${basic}`;
    expect(redactSecretValues(text, [])).toBe(
      'keys <redacted:sk_live> <redacted:rk_test>; token <redacted:jwt>; gh <redacted:ghp>; Authorization: Bearer <redacted:bearer>; Basic <redacted:basic>',
    );
  });

  it('replaces known secrets anywhere, longest first, and leaves ordinary words alone', () => {
    const secret = hex(8);
    expect(redactSecretValues(`a${secret}b and ${secret}x; Basic plan`, [`${secret}x`, secret])).toBe(
      'a<redacted:secret>b and <redacted:secret>; Basic plan',
    );
  });

  it('is idempotent on placeholders', () => {
    const once = redactSecretValues(`Bearer ${hex(10)}`, []);
    expect(redactSecretValues(once, [])).toBe(once);
  });
});

describe('isHighEntropy', () => {
  it('flags random credentials', () => {
    expect(isHighEntropy(randomBytes(30).toString('base64'))).toBe(true);
    expect(isHighEntropy(randomBytes(24).toString('base64url'))).toBe(true);
  });
  it('spares short values, words, hex digests and repetitive strings', () => {
    expect(isHighEntropy(randomBytes(8).toString('base64'))).toBe(false);
    expect(isHighEntropy('application/vnd.github.v3+json; charset=utf-8')).toBe(false);
    expect(isHighEntropy(hex(20))).toBe(false);
    expect(isHighEntropy('a1'.repeat(20))).toBe(false);
  });
});
