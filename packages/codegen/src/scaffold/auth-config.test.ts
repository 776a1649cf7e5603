import { describe, expect, it } from 'vitest';
import type { JsonObject, OpenApiDocument } from '../model.js';
import { createSpecRefs } from '../openapi/spec-refs.js';
import { baseUrlOf, detectAuth } from './auth-config.js';

const spec = (securitySchemes: JsonObject, security?: JsonObject[]): OpenApiDocument => ({
  openapi: '3.0.3',
  info: { version: '1' },
  paths: {},
  components: { securitySchemes },
  ...(security ? { security } : {}),
});

const detect = (document: OpenApiDocument, operations: JsonObject[] = [], baseUrl = 'https://api.shop.test') =>
  detectAuth(document, createSpecRefs(document), operations, baseUrl);

describe('detectAuth', () => {
  it.each([
    [{ type: 'http', scheme: 'bearer' }, { type: 'bearer' }],
    [{ type: 'http', scheme: 'Basic' }, { type: 'basic' }],
    [{ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, { type: 'api_key', in: 'header', name: 'X-Api-Key' }],
    [{ type: 'apiKey', in: 'query', name: 'key' }, { type: 'api_key', in: 'query', name: 'key' }],
    [{ type: 'apiKey', in: 'cookie', name: 'session' }, { type: 'none' }],
    [{ type: 'openIdConnect', openIdConnectUrl: 'https://id.test/.well-known/openid-configuration' }, { type: 'bearer' }],
    [
      { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://id.test/token', scopes: {} } } },
      { type: 'oauth2', grant: 'client_credentials', tokenUrl: 'https://id.test/token' },
    ],
    [
      { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://id.test/authorize', tokenUrl: '/oauth/token', scopes: {} } } },
      { type: 'oauth2', grant: 'refresh_token', tokenUrl: 'https://api.shop.test/oauth/token' },
    ],
  ])('%o -> %o', (scheme, auth) => {
    expect(detect(spec({ only: scheme })).auth).toEqual(auth);
  });

  it('prefers the schemes the chosen operations require, and their scopes', () => {
    const document = spec({
      key: { type: 'apiKey', in: 'header', name: 'Authorization' },
      oauth: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://id.test/a', tokenUrl: 'https://id.test/t', scopes: { b: '', a: '' } } } },
    });
    const operations = [{ security: [{ oauth: ['orders.read'] }] }, { security: [{ oauth: ['customers.read', 'orders.read'] }] }];
    expect(detect(document, operations)).toEqual({
      auth: { type: 'oauth2', grant: 'refresh_token', tokenUrl: 'https://id.test/t', scopes: ['customers.read', 'orders.read'] },
      scheme: 'oauth',
    });
  });

  it('ranks bearer above basic among the spec-wide requirements', () => {
    const document = spec({ basicAuth: { type: 'http', scheme: 'basic' }, bearerAuth: { type: 'http', scheme: 'bearer' } }, [{ basicAuth: [] }, { bearerAuth: [] }]);
    expect(detect(document)).toEqual({ auth: { type: 'bearer' }, scheme: 'bearerAuth' });
  });

  it('is none when the spec declares no scheme', () => {
    expect(detect({ openapi: '3.0.3', info: {}, paths: {} })).toEqual({ auth: { type: 'none' } });
  });
});

describe('baseUrlOf', () => {
  it.each([
    [[{ url: 'https://api.stripe.com/' }], 'https://api.stripe.com'],
    [[{ url: 'https://api.ebay.com{basePath}', variables: { basePath: { default: '/sell/fulfillment/v1' } } }], 'https://api.ebay.com/sell/fulfillment/v1'],
    [[{ url: '/v2' }], undefined],
    [[{ url: 'https://{tenant}.shop.test' }], undefined],
    [undefined, undefined],
  ])('%o -> %s', (servers, expected) => {
    expect(baseUrlOf({ openapi: '3.0.3', info: {}, paths: {}, ...(servers ? { servers } : {}) } as OpenApiDocument)).toBe(expected);
  });
});
