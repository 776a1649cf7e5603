import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACKING_HEADERS, trackingIdOf } from './tracking-id.js';

describe('trackingIdOf', () => {
  it.each<[string, Record<string, string>, readonly string[] | undefined, string | undefined]>([
    ['a generic request id', { 'x-request-id': 'req_1' }, undefined, 'req_1'],
    ['Stripe', { 'request-id': 'req_abc' }, undefined, 'req_abc'],
    ['Xero', { 'xero-correlation-id': 'c0ffee' }, undefined, 'c0ffee'],
    ['QuickBooks', { intuit_tid: '1-abc' }, undefined, '1-abc'],
    ['the platform id wins over the CDN ray', { 'cf-ray': '8a1-AMS', 'x-shopify-request-id': 'shop-1' }, undefined, 'shop-1'],
    ['the CDN ray when nothing better', { 'cf-ray': '8a1-AMS' }, undefined, '8a1-AMS'],
    ['blank values are skipped', { 'x-request-id': '  ', 'request-id': 'r2' }, undefined, 'r2'],
    ['values are trimmed', { 'x-request-id': ' r3 ' }, undefined, 'r3'],
    ['custom names, any case', { 'x-acme-trace': 't1' }, ['X-Acme-Trace'], 't1'],
    ['none present', { 'content-type': 'application/json' }, undefined, undefined],
    ['version headers are not ids', { 'square-version': '2024-01-01' }, undefined, undefined],
  ])('%s', (_name, headers, names, want) => {
    expect(trackingIdOf(headers, names)).toBe(want);
  });

  it('lists lower-case names only', () => {
    for (const name of DEFAULT_TRACKING_HEADERS) expect(name).toBe(name.toLowerCase());
  });
});
