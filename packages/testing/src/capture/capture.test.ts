import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createFixtureRedactor } from '../redact/fixture-redactor.js';
import { captureRequest, captureResponse } from './capture.js';

const redactor = createFixtureRedactor();

describe('capture', () => {
  it('drops hop-by-hop and volatile headers, keeping the ones a test cares about', () => {
    const request = captureRequest(
      { method: 'get', url: 'https://h/x', headers: { Host: 'h', Connection: 'keep-alive', 'User-Agent': 'portage', Accept: 'application/json', 'Stripe-Version': '2024-06-20' } },
      redactor,
    );
    expect(request).toEqual({ method: 'GET', url: 'https://h/x', headers: { accept: 'application/json', 'stripe-version': '2024-06-20' } });
  });

  it('keeps a header the caller asks for even if it is volatile', () => {
    const response = captureResponse({ status: 200, headers: { 'request-id': 'req_1', date: 'now' }, bytes: Buffer.alloc(0) }, redactor, { keep: ['request-id'] });
    expect(response).toEqual({ status: 200, headers: { 'request-id': 'req_1' } });
  });

  it('parses JSON with sorted keys, keeps other text as text and binary as base64', () => {
    const json = captureResponse({ status: 200, headers: { 'content-type': 'application/problem+json' }, bytes: Buffer.from('{"b":1,"a":{"d":1,"c":2}}') }, redactor);
    expect(JSON.stringify(json.json)).toBe('{"a":{"c":2,"d":1},"b":1}');
    const broken = captureResponse({ status: 502, headers: { 'content-type': 'application/json' }, bytes: Buffer.from('<html>bad gateway</html>') }, redactor);
    expect(broken.text).toBe('<html>bad gateway</html>');
    const binary = captureResponse({ status: 200, headers: { 'content-type': 'image/png' }, bytes: Buffer.from([0x89, 0x50, 0xff, 0xfe]) }, redactor);
    expect(binary.base64).toBe(Buffer.from([0x89, 0x50, 0xff, 0xfe]).toString('base64'));
  });

  it('stores a gzipped body decoded (undici request does not decompress)', () => {
    const response = captureResponse(
      { status: 200, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, bytes: gzipSync('{"ok":true}') },
      redactor,
    );
    expect(response).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, json: { ok: true } });
  });
});
