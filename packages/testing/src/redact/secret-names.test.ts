import { describe, expect, it } from 'vitest';
import { isSecretHeader, isSecretName } from './secret-names.js';

describe('isSecretHeader', () => {
  it.each(['Authorization', 'proxy-authorization', 'Cookie', 'set-cookie', 'X-Api-Key', 'X-Shopify-Access-Token', 'x-client-secret', 'X-Session-Id', 'x-auth-email', 'x-user-password'])(
    '%s is secret',
    (name) => expect(isSecretHeader(name)).toBe(true),
  );
  it.each(['accept', 'content-type', 'stripe-version', 'link', 'x-ratelimit-remaining'])('%s is not', (name) => expect(isSecretHeader(name)).toBe(false));
});

describe('isSecretName', () => {
  it.each(['api_key', 'apiKey', 'apikey', 'client_secret', 'clientSecret', 'access_token', 'accesstoken', 'refreshToken', 'password', 'auth', 'session_id', 'sessionid', 'X-Api-Key', 'signature'])(
    '%s is secret',
    (name) => expect(isSecretName(name)).toBe(true),
  );
  it.each(['author', 'monkey', 'keyboard', 'email', 'limit', 'starting_after', 'next_page_token', 'nextPageToken', 'pageToken', 'cursor', 'id'])(
    '%s is not',
    (name) => expect(isSecretName(name)).toBe(false),
  );
});
