import type { ConnectorWebhooks, WebhookSignatureScheme } from '@portage/core';
import { verifyBase64Hmac } from './verify-base64-hmac.js';
import { verifyTimestampedHmac } from './verify-timestamped-hmac.js';

type Signature = ConnectorWebhooks['signature'];

/**
 * The request headers as Node gives them: lower-case names, a string or several.
 *
 * @example const headers: WebhookHeaders = req.headers;
 */
export type WebhookHeaders = Readonly<Record<string, string | string[] | undefined>>;

type Verifier<S extends Signature> = (signature: S, secret: string, rawBody: Buffer, header: string | undefined, now: Date) => boolean;

// One entry per scheme a connector may declare: adding a scheme is a schema entry in core and
// a line here.
const VERIFIERS: { [K in WebhookSignatureScheme]: Verifier<Extract<Signature, { scheme: K }>> } = {
  'hmac-sha256-timestamped': (signature, secret, rawBody, header, now) =>
    verifyTimestampedHmac(secret, rawBody, header, { toleranceSeconds: signature.toleranceSeconds, now }),
  'hmac-sha256-base64': (_signature, secret, rawBody, header) => verifyBase64Hmac(secret, rawBody, header),
};

/**
 * Checks a delivery's signature by the connector's declared scheme. A header sent several
 * times is refused (a platform sends it once). Returns a boolean only: why a signature failed
 * is never told to the sender.
 *
 * @example
 * if (!verifyWebhookSignature(connector.webhooks.signature, secret, rawBody, req.headers, new Date())) res.writeHead(401).end();
 */
export function verifyWebhookSignature(signature: Signature, secret: string, rawBody: Buffer, headers: WebhookHeaders, now: Date): boolean {
  const value = headers[signature.header.toLowerCase()];
  const header = typeof value === 'string' ? value : undefined;
  const verify = VERIFIERS[signature.scheme] as Verifier<Signature> | undefined;
  return verify !== undefined && verify(signature, secret, rawBody, header, now);
}
