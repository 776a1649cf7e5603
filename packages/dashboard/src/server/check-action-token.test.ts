import { describe, expect, it } from 'vitest';
import { checkActionToken } from './check-action-token.js';

describe('checkActionToken', () => {
  const token = 'test-action-token';

  it('accepts Bearer <token>, in any case of the scheme', () => {
    expect(checkActionToken(`Bearer ${token}`, token)).toBe(true);
    expect(checkActionToken(`bearer ${token}`, token)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a wrong token', 'Bearer test-action-tokem'],
    ['a prefix of the token', 'Bearer test-action'],
    ['the token without the scheme', token],
    ['another scheme', `Basic ${token}`],
    ['extra words', `Bearer ${token} more`],
  ])('refuses %s', (_name, header) => {
    expect(checkActionToken(header, token)).toBe(false);
  });

  it('refuses everything when the token is empty', () => {
    expect(checkActionToken('Bearer ', '')).toBe(false);
  });
});
