import { isPortageError, type AuthConfig, type Credentials } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { toRequestSpec, type RequestSpec } from '../http/request-spec.js';
import { createAuthenticator } from './authenticator.js';
import type { TokenProvider } from './token-provider.js';

const spec = toRequestSpec({ path: '/v1/orders', query: { page: 2 }, headers: { accept: 'application/json' } });

/** Hands out at_1, at_2, ... and forgets the current one on invalidate, like a real provider. */
function countingProvider(): TokenProvider & { invalidated: string[] } {
  let n = 1;
  let current: string | undefined;
  const invalidated: string[] = [];
  return {
    invalidated,
    getToken: () => Promise.resolve((current ??= `at_${n++}_abcdef`)),
    invalidate(token) {
      invalidated.push(token);
      if (token === current) current = undefined;
    },
    secrets: () => ['cs_client_secret_1'],
  };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('authorize', () => {
  it.each<[string, AuthConfig, Credentials, Partial<RequestSpec>]>([
    [
      'api key in a header',
      { type: 'api_key', in: 'header', name: 'X-Api-Key' },
      { type: 'api_key', apiKey: 'key_123456' },
      { headers: { accept: 'application/json', 'X-Api-Key': 'key_123456' }, query: { page: '2' } },
    ],
    [
      'api key in a header with a prefix',
      { type: 'api_key', in: 'header', name: 'Authorization', prefix: 'Token ' },
      { type: 'api_key', apiKey: 'key_123456' },
      { headers: { accept: 'application/json', Authorization: 'Token key_123456' } },
    ],
    [
      'api key in the query',
      { type: 'api_key', in: 'query', name: 'api_key' },
      { type: 'api_key', apiKey: 'key_123456' },
      { headers: { accept: 'application/json' }, query: { page: '2', api_key: 'key_123456' } },
    ],
    [
      'bearer',
      { type: 'bearer' },
      { type: 'bearer', token: 'tok_abcdef' },
      { headers: { accept: 'application/json', authorization: 'Bearer tok_abcdef' } },
    ],
    [
      'basic',
      { type: 'basic' },
      { type: 'basic', username: 'amy', password: 'pa:ss wörd' },
      { headers: { accept: 'application/json', authorization: `Basic ${Buffer.from('amy:pa:ss wörd', 'utf8').toString('base64')}` } },
    ],
    [
      'basic with an empty password (key as username)',
      { type: 'basic' },
      { type: 'basic', username: 'sk_test_abc', password: '' },
      { headers: { accept: 'application/json', authorization: `Basic ${Buffer.from('sk_test_abc:').toString('base64')}` } },
    ],
    ['none', { type: 'none' }, { type: 'none' }, { headers: { accept: 'application/json' } }],
  ])('%s', async (_name, auth, credentials, want) => {
    const before = structuredClone(spec);
    const authorized = await createAuthenticator(auth, { credentials }).authorize(spec);
    expect(authorized).toMatchObject(want);
    expect(spec).toEqual(before);
  });

  it('replaces a header set in another case instead of sending two', async () => {
    const withOld = toRequestSpec({ path: '/x', headers: { Authorization: 'Bearer old' } });
    const authorized = await createAuthenticator({ type: 'bearer' }, { credentials: { type: 'bearer', token: 'tok_new_1' } }).authorize(withOld);
    expect(authorized.headers).toEqual({ authorization: 'Bearer tok_new_1' });
  });

  it('oauth2 puts the provider token in a Bearer header', async () => {
    const auth = createAuthenticator({ type: 'oauth2', grant: 'client_credentials', tokenUrl: 'https://id.example.com/token' }, { tokenProvider: countingProvider() });
    expect((await auth.authorize(spec)).headers).toEqual({ accept: 'application/json', authorization: 'Bearer at_1_abcdef' });
  });
});

describe('configuration errors', () => {
  it.each<[string, AuthConfig, Credentials | undefined, boolean]>([
    ['api_key without credentials', { type: 'api_key', in: 'header', name: 'X-Key' }, undefined, false],
    ['api_key with bearer credentials', { type: 'api_key', in: 'header', name: 'X-Key' }, { type: 'bearer', token: 'tok_secret_1' }, false],
    ['api_key with an empty key', { type: 'api_key', in: 'query', name: 'k' }, { type: 'api_key', apiKey: '' }, false],
    ['bearer with a token that is not a string', { type: 'bearer' }, { type: 'bearer', token: 42 as unknown as string }, false],
    ['bearer with a newline (header injection)', { type: 'bearer' }, { type: 'bearer', token: 'tok_secret_1\r\nX-Evil: 1' }, false],
    ['basic without a username', { type: 'basic' }, { type: 'basic', username: '', password: 'pw_secret_1' }, false],
    ['oauth2 without a token provider', { type: 'oauth2', grant: 'refresh_token', tokenUrl: 'https://id.example.com/token' }, undefined, false],
    ['oauth2 with api_key credentials', { type: 'oauth2', grant: 'refresh_token', tokenUrl: 'https://id.example.com/token' }, { type: 'api_key', apiKey: 'key_secret_1' }, true],
  ])('%s -> CONFIG_INVALID without printing values', (_name, auth, credentials, withProvider) => {
    const error = thrown(() =>
      createAuthenticator(auth, { ...(credentials ? { credentials } : {}), ...(withProvider ? { tokenProvider: countingProvider() } : {}) }),
    );
    expect(isPortageError(error) && error.code).toBe('CONFIG_INVALID');
    const shown = `${String(error)} ${JSON.stringify(error)}`;
    for (const secret of ['tok_secret_1', 'pw_secret_1', 'key_secret_1']) expect(shown).not.toContain(secret);
  });

  it('names the expected fields', () => {
    const error = thrown(() => createAuthenticator({ type: 'basic' }, { credentials: { type: 'bearer', token: 't' } }));
    expect(String(error)).toMatch(/username, password/);
  });
});

describe('onUnauthorized', () => {
  it.each<[string, AuthConfig, Credentials]>([
    ['api key', { type: 'api_key', in: 'header', name: 'X-Key' }, { type: 'api_key', apiKey: 'key_123456' }],
    ['bearer', { type: 'bearer' }, { type: 'bearer', token: 'tok_abcdef' }],
    ['basic', { type: 'basic' }, { type: 'basic', username: 'u', password: 'p' }],
    ['none', { type: 'none' }, { type: 'none' }],
  ])('%s: static credentials do not get better by retrying', async (_name, auth, credentials) => {
    const authenticator = createAuthenticator(auth, { credentials });
    expect(authenticator.onUnauthorized(await authenticator.authorize(spec))).toBe(false);
  });

  it.each<[string, (authorized: RequestSpec, original: RequestSpec) => RequestSpec]>([
    ['reported with the authorized spec', (authorized) => authorized],
    ['reported with the spec before authorize', (_authorized, original) => original],
    ['reported with an unrelated copy of the spec', (_authorized, original) => ({ ...original })],
  ])('oauth2 %s: invalidates that token and asks for one retry', async (_name, pick) => {
    const provider = countingProvider();
    const auth = createAuthenticator({ type: 'oauth2', grant: 'refresh_token', tokenUrl: 'https://id.example.com/token' }, { tokenProvider: provider });
    const original = toRequestSpec({ path: '/x' });
    const authorized = await auth.authorize(original);
    expect(auth.onUnauthorized(pick(authorized, original))).toBe(true);
    expect(provider.invalidated).toEqual(['at_1_abcdef']);
    expect((await auth.authorize(original)).headers['authorization']).toBe('Bearer at_2_abcdef');
  });

  it('oauth2 with no token handed out yet has nothing to retry', () => {
    const auth = createAuthenticator({ type: 'oauth2', grant: 'refresh_token', tokenUrl: 'https://id.example.com/token' }, { tokenProvider: countingProvider() });
    expect(auth.onUnauthorized(spec)).toBe(false);
  });
});

describe('secrets', () => {
  it.each<[string, AuthConfig, Credentials, string[]]>([
    ['api key', { type: 'api_key', in: 'query', name: 'k' }, { type: 'api_key', apiKey: 'key_123456' }, ['key_123456']],
    ['bearer', { type: 'bearer' }, { type: 'bearer', token: 'tok_abcdef' }, ['tok_abcdef']],
    ['basic: the password and the encoded pair', { type: 'basic' }, { type: 'basic', username: 'amy', password: 'hunter22' }, ['hunter22', Buffer.from('amy:hunter22').toString('base64')]],
    ['none', { type: 'none' }, { type: 'none' }, []],
  ])('%s', (_name, auth, credentials, want) => {
    expect(createAuthenticator(auth, { credentials }).secrets()).toEqual(want);
  });

  it('oauth2: provider secrets, stored credentials and tokens handed out', async () => {
    const auth = createAuthenticator(
      { type: 'oauth2', grant: 'refresh_token', tokenUrl: 'https://id.example.com/token' },
      { tokenProvider: countingProvider(), credentials: { type: 'oauth2', clientId: 'c', clientSecret: 'cs_stored_1', refreshToken: 'rt_stored_1' } },
    );
    await auth.authorize(spec);
    expect(auth.secrets().sort()).toEqual(['at_1_abcdef', 'cs_client_secret_1', 'cs_stored_1', 'rt_stored_1']);
  });
});
