import { createHmac, randomBytes } from 'node:crypto';
import { PortageError, type Credentials } from '@portage/core';
import { NS } from '../namespaces.js';

/** The four secrets of NetSuite token-based authentication, as stored on a connection. */
export interface TokenCredentials {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

/**
 * NetSuite TBA secrets from a connection's credentials. TBA is OAuth 1.0a-shaped, so they are
 * stored as `oauth2` credentials: consumer key/secret = `clientId`/`clientSecret`, token id =
 * `accessToken`, token secret = `tokenSecret`.
 *
 * @throws PortageError CONFIG_INVALID naming the missing fields (never their values).
 *
 * @example tokenCredentials({ type: 'oauth2', clientId, clientSecret, accessToken, tokenSecret })
 */
export function tokenCredentials(credentials: Credentials): TokenCredentials {
  const fields = credentials.type === 'oauth2' ? credentials : undefined;
  const found = { consumerKey: fields?.clientId, consumerSecret: fields?.clientSecret, tokenId: fields?.accessToken, tokenSecret: fields?.tokenSecret };
  const missing = Object.entries(found).flatMap(([name, value]) => (typeof value === 'string' && value !== '' ? [] : [name]));
  if (credentials.type !== 'oauth2' || missing.length > 0) {
    throw new PortageError(
      'CONFIG_INVALID',
      `NetSuite token-based auth needs credentials { type: 'oauth2', clientId: <consumer key>, clientSecret: <consumer secret>, accessToken: <token id>, tokenSecret: <token secret> }: ${credentials.type !== 'oauth2' ? `got type "${credentials.type}"` : `missing ${missing.join(', ')}`}`,
      { context: { authType: 'netsuite_tba', credentialsType: credentials.type } },
    );
  }
  return found as TokenCredentials;
}

/**
 * The account id as the passport spells it (`1234567_SB1`) and as the host does (`1234567-sb1`).
 *
 * @throws PortageError CONFIG_INVALID when the tenant is not a NetSuite account id.
 *
 * @example accountId('1234567-sb1') // { passport: '1234567_SB1', host: '1234567-sb1' }
 */
export function accountId(tenant: string): { passport: string; host: string } {
  const trimmed = tenant.trim();
  if (!/^[A-Za-z0-9]+([_-][A-Za-z0-9]+)*$/.test(trimmed)) {
    throw new PortageError('CONFIG_INVALID', `the connection's tenant must be the NetSuite account id, such as "1234567" or "1234567_SB1" (Setup > Company > Company Information), not ${JSON.stringify(tenant.slice(0, 40))}`);
  }
  return { passport: trimmed.toUpperCase().replace(/-/g, '_'), host: trimmed.toLowerCase().replace(/_/g, '-') };
}

/** What a passport is signed over; injectable so tests can pin the nonce and time. */
export interface PassportMoment {
  /** Unix seconds. */
  timestamp: number;
  nonce: string;
}

/**
 * The `tokenPassport` SOAP header: HMAC-SHA256 over `account&consumerKey&token&nonce&timestamp`
 * keyed with `consumerSecret&tokenSecret`, base64. Built per call: NetSuite refuses a nonce
 * it has seen and a timestamp too far from its clock.
 *
 * @example tokenPassportXml(tokenCredentials(credentials), '1234567') // '<tokenPassport xmlns=...>...</tokenPassport>'
 */
export function tokenPassportXml(secrets: TokenCredentials, account: string, moment: PassportMoment = freshMoment()): string {
  const base = [account, secrets.consumerKey, secrets.tokenId, moment.nonce, moment.timestamp].join('&');
  const signature = createHmac('sha256', `${secrets.consumerSecret}&${secrets.tokenSecret}`).update(base).digest('base64');
  const core = (name: string, value: string | number, attributes = '') => `<${name} xmlns="${NS.core}"${attributes}>${escapeXml(String(value))}</${name}>`;
  return (
    `<tokenPassport xmlns="${NS.messages}">` +
    core('account', account) +
    core('consumerKey', secrets.consumerKey) +
    core('token', secrets.tokenId) +
    core('nonce', moment.nonce) +
    core('timestamp', moment.timestamp) +
    core('signature', signature, ' algorithm="HMAC-SHA256"') +
    `</tokenPassport>`
  );
}

function freshMoment(): PassportMoment {
  return { timestamp: Math.floor(Date.now() / 1000), nonce: randomBytes(16).toString('hex') };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
