import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFixtureRedactor } from './fixture-redactor.js';

const hex = (n: number) => randomBytes(n).toString('hex');

describe('createFixtureRedactor', () => {
  it('redacts secret-named fields at any depth, inside arrays too, and scrubs strings elsewhere', () => {
    const redactor = createFixtureRedactor();
    const live = ['sk', 'live', hex(10)].join('_');
    const input = {
      user: { name: 'Ada', password: hex(6), tokens: [{ access_token: hex(8), scope: 'read' }] },
      items: [{ api_key: hex(6), note: `uses ${live}` }],
      client_secret: null,
      session: { id: 's1', user: 'u1' },
    };
    expect(redactor.json(input)).toEqual({
      user: { name: 'Ada', password: '<redacted:password>', tokens: '<redacted:tokens>' },
      items: [{ api_key: '<redacted:api_key>', note: 'uses <redacted:sk_live>' }],
      client_secret: null,
      session: '<redacted:session>',
    });
    expect(input.user.password).not.toContain('redacted');
  });

  it('keeps names the platform uses as identifiers when told to', () => {
    const redactor = createFixtureRedactor({ keepNames: ['key'] });
    expect(redactor.json({ key: 'PROJ-1', api_key: 'abcdef' })).toEqual({ key: 'PROJ-1', api_key: '<redacted:api_key>' });
  });

  it('redacts form bodies param by param and known secrets in any text', () => {
    const secret = hex(8);
    const redactor = createFixtureRedactor({ secrets: () => [secret] });
    expect(redactor.form(`grant_type=refresh_token&refresh_token=${hex(8)}&client_id=app`)).toBe(
      'grant_type=refresh_token&refresh_token=%3Credacted%3Arefresh_token%3E&client_id=app',
    );
    expect(redactor.text(`/hooks/${secret}/events`)).toBe('/hooks/<redacted:secret>/events');
  });

  it('reads the known secrets on every call, as tokens rotate', () => {
    let current = hex(8);
    const redactor = createFixtureRedactor({ secrets: () => [current] });
    const first = current;
    current = hex(8);
    expect(redactor.text(`${first} ${current}`)).toBe(`${first} <redacted:secret>`);
  });
});
