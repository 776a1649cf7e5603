import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from './sign-event.js';

const secret = 'whsec_test_0123456789';
const body = '{"id":"1","kind":"created","payload":{"total":1999}}';
const t = 1_767_225_600; // 2026-01-01T00:00:00Z
const at = (seconds: number) => () => new Date(seconds * 1000);

describe('signPayload', () => {
  it('is t=<ts>,v1=<hex HMAC-SHA256 of "<ts>.<body>">', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signPayload(secret, body, t)).toBe(`t=${t},v1=${expected}`);
  });

  it('changes with the secret, the body and the timestamp', () => {
    const base = signPayload(secret, body, t);
    expect(signPayload('other', body, t)).not.toBe(base);
    expect(signPayload(secret, `${body} `, t)).not.toBe(base);
    expect(signPayload(secret, body, t + 1)).not.toBe(base);
  });

  it.each([[''], [undefined as unknown as string]])('refuses an empty secret (%s) with CONFIG_INVALID', (bad) => {
    expect(() => signPayload(bad, body, t)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses timestamp %s', (bad) => {
    expect(() => signPayload(secret, body, bad)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});

describe('verifySignature', () => {
  const good = signPayload(secret, body, t);
  const hex = good.split('v1=')[1]!;

  it.each([
    ['the right secret, body and time', secret, body, good, t, true],
    ['a receiver clock 299 s ahead', secret, body, good, t + 299, true],
    ['a receiver clock 300 s behind', secret, body, good, t - 300, true],
    ['upper-case hex', secret, body, `t=${t},v1=${hex.toUpperCase()}`, t, true],
    ['spaces after commas', secret, body, `t=${t}, v1=${hex}`, t, true],
    ['a rotated secret among several v1', secret, body, `t=${t},v1=${'0'.repeat(64)},v1=${hex}`, t, true],
    ['an unknown extra scheme', secret, body, `${good},v2=abc`, t, true],
    ['a bad secret', 'whsec_wrong', body, good, t, false],
    ['a tampered body', secret, body.replace('1999', '1'), good, t, false],
    ['a stale timestamp (301 s old)', secret, body, good, t + 301, false],
    ['a timestamp from the future', secret, body, good, t - 301, false],
    ['a re-stamped replay', secret, body, good.replace(`t=${t}`, `t=${t + 600}`), t + 600, false],
    ['an empty header', secret, body, '', t, false],
    ['no v1', secret, body, `t=${t}`, t, false],
    ['no t', secret, body, `v1=${hex}`, t, false],
    ['two t', secret, body, `t=${t},t=${t},v1=${hex}`, t, false],
    ['a non-numeric t', secret, body, `t=abc,v1=${hex}`, t, false],
    ['a fractional t', secret, body, `t=${t}.5,v1=${hex}`, t, false],
    ['a negative t', secret, body, `t=-${t},v1=${hex}`, t, false],
    ['a short v1', secret, body, `t=${t},v1=${hex.slice(2)}`, t, false],
    ['a non-hex v1', secret, body, `t=${t},v1=${'z'.repeat(64)}`, t, false],
    ['a part without =', secret, body, `t=${t},v1`, t, false],
    ['garbage', secret, body, 'garbage', t, false],
  ] as const)('%s -> %s', (_name, key, text, header, nowSeconds, want) => {
    expect(verifySignature(key, text, header, { now: at(nowSeconds) })).toBe(want);
  });

  it('honours toleranceSeconds', () => {
    expect(verifySignature(secret, body, good, { now: at(t + 20), toleranceSeconds: 10 })).toBe(false);
    expect(verifySignature(secret, body, good, { now: at(t + 20), toleranceSeconds: 30 })).toBe(true);
  });

  it('uses the real clock by default', () => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    expect(verifySignature(secret, body, signPayload(secret, body, nowSeconds))).toBe(true);
    expect(verifySignature(secret, body, signPayload(secret, body, nowSeconds - 3600))).toBe(false);
  });

  it('refuses an empty secret instead of answering false for everything', () => {
    expect(() => verifySignature('', body, good, { now: at(t) })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('never puts the secret in an error', () => {
    let message = '';
    try {
      signPayload(secret, body, -1);
    } catch (error) {
      message = JSON.stringify(error) + String(error);
    }
    expect(message).toContain('CONFIG_INVALID');
    expect(message).not.toContain(secret);
  });
});
