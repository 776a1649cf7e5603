import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyBase64Hmac } from './verify-base64-hmac.js';

const SECRET = 'test-signing-key';
const BODY = Buffer.from(JSON.stringify({ events: [{ resourceId: 'r1', eventCategory: 'CONTACT' }] }));

// Computed here with node:crypto, independently of the code under test.
const sign = (secret = SECRET, body = BODY) => createHmac('sha256', secret).update(body).digest('base64');

describe('verifyBase64Hmac', () => {
  it('accepts a good signature', () => {
    expect(verifyBase64Hmac(SECRET, BODY, sign())).toBe(true);
  });

  it('rejects a tampered body', () => {
    expect(verifyBase64Hmac(SECRET, Buffer.from(BODY.toString('utf8').replace('r1', 'r2')), sign())).toBe(false);
  });

  it('rejects a wrong secret', () => {
    expect(verifyBase64Hmac(SECRET, BODY, sign('test-other-key'))).toBe(false);
  });

  it('has no timestamp to go stale: the same signature verifies whenever it comes (replays are caught by event ids)', () => {
    expect(verifyBase64Hmac(SECRET, BODY, sign())).toBe(true);
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['hex instead of base64', createHmac('sha256', SECRET).update(BODY).digest('hex')],
    ['base64url instead of base64', createHmac('sha256', SECRET).update(BODY).digest('base64url')],
    ['a truncated digest', sign().slice(0, 20)],
  ])('rejects %s', (_label, value) => {
    expect(verifyBase64Hmac(SECRET, BODY, value)).toBe(false);
  });

  it('rejects everything when the secret is empty', () => {
    expect(verifyBase64Hmac('', BODY, sign(''))).toBe(false);
  });
});
