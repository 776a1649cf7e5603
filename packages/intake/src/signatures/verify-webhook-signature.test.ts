import { createHmac } from 'node:crypto';
import { defineWebhooks } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from './verify-webhook-signature.js';

const SECRET = 'test-signing-key';
const BODY = Buffer.from('{"id":"evt_1"}');
const NOW = new Date('2026-05-01T10:00:00.000Z');
const T = Math.floor(NOW.getTime() / 1000);
const base = { idPaths: ['id'], typePath: 'type', routes: [{ match: '*', entities: [] }] };

describe('verifyWebhookSignature', () => {
  it('reads the declared header case-insensitively and verifies by the declared scheme', () => {
    const { signature } = defineWebhooks({ ...base, signature: { scheme: 'hmac-sha256-timestamped', header: 'X-Shop-Signature' } });
    const value = `t=${T},v1=${createHmac('sha256', SECRET).update(`${T}.${BODY.toString()}`).digest('hex')}`;
    expect(verifyWebhookSignature(signature, SECRET, BODY, { 'x-shop-signature': value }, NOW)).toBe(true);
    expect(verifyWebhookSignature(signature, SECRET, BODY, { 'x-other-signature': value }, NOW)).toBe(false);
  });

  it('uses the declared tolerance', () => {
    const { signature } = defineWebhooks({ ...base, signature: { scheme: 'hmac-sha256-timestamped', header: 'X-Sig', toleranceSeconds: 10 } });
    const t = T - 11;
    const value = `t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${BODY.toString()}`).digest('hex')}`;
    expect(verifyWebhookSignature(signature, SECRET, BODY, { 'x-sig': value }, NOW)).toBe(false);
  });

  it('refuses a signature header sent twice', () => {
    const { signature } = defineWebhooks({ ...base, signature: { scheme: 'hmac-sha256-base64', header: 'X-Sig' } });
    const value = createHmac('sha256', SECRET).update(BODY).digest('base64');
    expect(verifyWebhookSignature(signature, SECRET, BODY, { 'x-sig': value }, NOW)).toBe(true);
    expect(verifyWebhookSignature(signature, SECRET, BODY, { 'x-sig': [value, value] }, NOW)).toBe(false);
  });
});
