import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '@portage/codegen';
import { basePathOf } from './base-path.js';

const withServer = (server?: object) => ({ openapi: '3.0.0', info: {}, paths: {}, ...(server ? { servers: [server] } : {}) }) as OpenApiDocument;

describe('basePathOf', () => {
  it('takes the path of the first server URL, variables at their defaults', () => {
    expect(basePathOf(withServer({ url: 'https://api.xero.com/api.xro/2.0' }))).toBe('/api.xro/2.0');
    expect(basePathOf(withServer({ url: 'https://api.stripe.com/' }))).toBe('');
    expect(basePathOf(withServer({ url: '/api/v3/' }))).toBe('/api/v3');
    expect(basePathOf(withServer({ url: 'https://{host}/{version}', variables: { host: { default: 'x.test' }, version: { default: 'v2' } } }))).toBe('/v2');
    expect(basePathOf(withServer())).toBe('');
  });

  it('prefers a given base path and rejects one without a leading slash', () => {
    expect(basePathOf(withServer({ url: 'https://a.test/v1' }), '/v9/')).toBe('/v9');
    expect(basePathOf(withServer({ url: 'https://a.test/v1' }), '')).toBe('');
    expect(() => basePathOf(withServer(), 'v1')).toThrow(/basePath "v1" must start with "\/"/);
  });
});
