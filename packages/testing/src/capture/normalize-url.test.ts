import { describe, expect, it } from 'vitest';
import { createFixtureRedactor } from '../redact/fixture-redactor.js';
import { normalizeUrl } from './normalize-url.js';

const redactor = createFixtureRedactor();

describe('normalizeUrl', () => {
  it('sorts the query by name then value and redacts secret-named params', () => {
    expect(normalizeUrl('https://api.example.com/v1/x?z=1&expand[]=b&expand[]=a&access_token=abcdefgh&a=q%20r', redactor)).toBe(
      'https://api.example.com/v1/x?a=q%20r&access_token=<redacted:access_token>&expand[]=a&expand[]=b&z=1',
    );
  });

  it('drops user-info credentials and the fragment', () => {
    expect(normalizeUrl('https://user:pw@h.example/p#frag', redactor)).toBe('https://<redacted:userinfo>@h.example/p');
  });

  it('gives the same URL for the same request however the client ordered it', () => {
    expect(normalizeUrl('http://h/x?b=2&a=1', redactor)).toBe(normalizeUrl('http://h/x?a=1&b=2', redactor));
  });

  it('says what is wrong with a relative URL', () => {
    expect(() => normalizeUrl('/v1/x', redactor)).toThrow(/not an absolute URL/);
  });
});
