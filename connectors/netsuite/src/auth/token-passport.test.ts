import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accountId, tokenCredentials, tokenPassportXml } from './token-passport.js';

const secret = () => randomBytes(16).toString('hex');

describe('NetSuite token passport', () => {
  const secrets = { consumerKey: secret(), consumerSecret: secret(), tokenId: secret(), tokenSecret: secret() };

  it('signs account&consumerKey&token&nonce&timestamp with HMAC-SHA256 keyed consumerSecret&tokenSecret', () => {
    const xml = tokenPassportXml(secrets, '1234567_SB1', { nonce: 'abc123', timestamp: 1700000000 });
    const base = `1234567_SB1&${secrets.consumerKey}&${secrets.tokenId}&abc123&1700000000`;
    const expected = createHmac('sha256', `${secrets.consumerSecret}&${secrets.tokenSecret}`).update(base).digest('base64');
    expect(xml).toContain(`<signature xmlns="urn:core_2023_2.platform.webservices.netsuite.com" algorithm="HMAC-SHA256">${expected}</signature>`);
    expect(xml).toMatch(/^<tokenPassport xmlns="urn:messages_2023_2\.platform\.webservices\.netsuite\.com"><account [^>]+>1234567_SB1<\/account><consumerKey/);
    expect(xml).not.toContain(secrets.consumerSecret);
    expect(xml).not.toContain(secrets.tokenSecret);
  });

  it('uses a fresh nonce and the current time by default', () => {
    const nonces = [1, 2].map(() => /<nonce [^>]+>([^<]+)</.exec(tokenPassportXml(secrets, '1'))![1]);
    expect(nonces[0]).not.toBe(nonces[1]);
    const timestamp = Number(/<timestamp [^>]+>(\d+)</.exec(tokenPassportXml(secrets, '1'))![1]);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(5);
  });

  it('reads the secrets from oauth2-typed credentials and names what is missing, never the values', () => {
    const stored = { type: 'oauth2' as const, clientId: secrets.consumerKey, clientSecret: secrets.consumerSecret, accessToken: secrets.tokenId, tokenSecret: secrets.tokenSecret };
    expect(tokenCredentials(stored)).toEqual(secrets);
    const { tokenSecret: _dropped, ...partial } = stored;
    expect(() => tokenCredentials(partial)).toThrow(/missing tokenSecret/);
    expect(() => tokenCredentials({ type: 'bearer', token: secrets.tokenId })).toThrow(/got type "bearer"/);
    try {
      tokenCredentials(partial);
    } catch (error) {
      expect(String(error)).not.toContain(secrets.consumerSecret);
    }
  });

  it('spells the account for the passport and the host', () => {
    expect(accountId('1234567-sb1')).toEqual({ passport: '1234567_SB1', host: '1234567-sb1' });
    expect(accountId('TSTDRV42')).toEqual({ passport: 'TSTDRV42', host: 'tstdrv42' });
    expect(() => accountId('acme.example.com/x')).toThrow(/NetSuite account id/);
  });
});
