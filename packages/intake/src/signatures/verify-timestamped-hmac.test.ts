import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyTimestampedHmac } from './verify-timestamped-hmac.js';

const SECRET = 'test-signing-key';
const BODY = Buffer.from(JSON.stringify({ id: 'evt_1', type: 'customer.updated' }));
const NOW = new Date('2026-05-01T10:00:00.000Z');
const T = Math.floor(NOW.getTime() / 1000);
const options = { toleranceSeconds: 300, now: NOW };

// Computed here with node:crypto, independently of the code under test.
const hex = (secret: string, t: number, body: Buffer) => createHmac('sha256', secret).update(`${t}.${body.toString('utf8')}`).digest('hex');
const header = (t = T, secret = SECRET, body = BODY) => `t=${t},v1=${hex(secret, t, body)}`;

describe('verifyTimestampedHmac', () => {
  it('accepts a good signature', () => {
    expect(verifyTimestampedHmac(SECRET, BODY, header(), options)).toBe(true);
  });

  it('accepts any of several v1 values (secret rotation), and ignores other keys', () => {
    const rotated = `t=${T},v1=${hex('test-old-key', T, BODY)},v1=${hex(SECRET, T, BODY)},v0=${'0'.repeat(64)}`;
    expect(verifyTimestampedHmac(SECRET, BODY, rotated, options)).toBe(true);
  });

  it('rejects a tampered body', () => {
    const tampered = Buffer.from(BODY.toString('utf8').replace('evt_1', 'evt_2'));
    expect(verifyTimestampedHmac(SECRET, tampered, header(), options)).toBe(false);
  });

  it('rejects a wrong secret', () => {
    expect(verifyTimestampedHmac(SECRET, BODY, header(T, 'test-other-key'), options)).toBe(false);
  });

  it('rejects a stale or future timestamp, and accepts one at the edge of the tolerance', () => {
    expect(verifyTimestampedHmac(SECRET, BODY, header(T - 301), options)).toBe(false);
    expect(verifyTimestampedHmac(SECRET, BODY, header(T + 301), options)).toBe(false);
    expect(verifyTimestampedHmac(SECRET, BODY, header(T - 300), options)).toBe(true);
  });

  it('rejects a timestamp changed after signing (it is part of the signed text)', () => {
    const signed = header(T - 10);
    expect(verifyTimestampedHmac(SECRET, BODY, signed.replace(`t=${T - 10}`, `t=${T}`), options)).toBe(false);
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['no timestamp', `v1=${hex(SECRET, T, BODY)}`],
    ['no v1', `t=${T}`],
    ['two timestamps', `t=${T},t=${T},v1=${hex(SECRET, T, BODY)}`],
    ['a fractional timestamp', `t=${T}.5,v1=${hex(SECRET, T, BODY)}`],
    ['a part without =', `t=${T},v1`],
    ['a truncated digest', `t=${T},v1=${hex(SECRET, T, BODY).slice(0, 40)}`],
    ['an oversized header', `t=${T},${'v1=00,'.repeat(1000)}v1=${hex(SECRET, T, BODY)}`],
  ])('rejects %s', (_label, value) => {
    expect(verifyTimestampedHmac(SECRET, BODY, value, options)).toBe(false);
  });

  it('rejects everything when the secret is empty', () => {
    expect(verifyTimestampedHmac('', BODY, `t=${T},v1=${hex('', T, BODY)}`, options)).toBe(false);
  });
});
