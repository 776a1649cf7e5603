import type { AuthConfig } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { parseCredentials } from './parse-credentials.js';

const apiKey: AuthConfig = { type: 'api_key', in: 'header', name: 'X-Api-Key' };
const refreshGrant: AuthConfig = { type: 'oauth2', grant: 'refresh_token', tokenUrl: 'https://auth.example.com/token' };

describe('parseCredentials', () => {
  it.each<[string, string, AuthConfig, unknown]>([
    ['fills in the type', '{"apiKey":"k_1"}', apiKey, { type: 'api_key', apiKey: 'k_1' }],
    ['keeps a matching type', '{"type":"bearer","token":"t"}', { type: 'bearer' }, { type: 'bearer', token: 't' }],
    ['basic', '{"username":"u","password":"p"}', { type: 'basic' }, { type: 'basic', username: 'u', password: 'p' }],
    ['none', '{}', { type: 'none' }, { type: 'none' }],
    ['oauth2', '{"clientId":"c","clientSecret":"s","refreshToken":"r"}', refreshGrant, { type: 'oauth2', clientId: 'c', clientSecret: 's', refreshToken: 'r' }],
  ])('%s', (_name, given, auth, want) => {
    expect(parseCredentials(given, auth)).toEqual(want);
  });

  it.each<[string, string, AuthConfig, string]>([
    ['not JSON', 'not-json-key-123', apiKey, '--credentials is not valid JSON: this connector authenticates with api_key, write e.g. \'{"apiKey":"..."}\''],
    ['not an object', '["k"]', apiKey, '--credentials must be a JSON object'],
    ['another type', '{"type":"bearer","token":"t"}', apiKey, '--credentials has type "bearer"'],
    ['a missing field', '{"username":"u"}', { type: 'basic' }, '--credentials lacks password'],
    ['an empty field', '{"apiKey":""}', apiKey, '--credentials lacks apiKey'],
    ['no refresh token for the refresh grant', '{"clientId":"c","clientSecret":"s"}', refreshGrant, '--credentials lacks refreshToken'],
  ])('rejects %s, naming the problem and never the value', (_name, given, auth, want) => {
    let thrown: unknown;
    try {
      parseCredentials(given, auth);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'CONFIG_INVALID' });
    expect((thrown as Error).message).toContain(want);
    expect((thrown as Error).message).not.toContain('not-json-key-123');
  });
});
