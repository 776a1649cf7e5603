import type { RecordedRequest, RecordedResponse } from '../fixture/fixture.js';
import type { FixtureRedactor } from '../redact/fixture-redactor.js';
import { decodeContent, storeBody } from './body.js';
import { normalizeUrl } from './normalize-url.js';
import { relevantHeaders, type HeaderPolicy } from './relevant-headers.js';

/**
 * A request as it went on the wire, before redaction.
 *
 * @example { method: 'GET', url: 'https://h/v1/items?limit=2', headers: { authorization: 'Bearer ...' } }
 */
export interface RawRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body?: string | undefined;
}

/**
 * A response as it came off the wire, body fully read.
 *
 * @example { status: 200, headers: { 'content-type': 'application/json' }, bytes: Buffer.from('{}') }
 */
export interface RawResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  bytes: Buffer;
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * The redacted, normalised form of a request: what a fixture stores and what replay compares.
 *
 * @example captureRequest({ method: 'get', url, headers: {} }, redactor) // { method: 'GET', url, headers: {} }
 */
export function captureRequest(raw: RawRequest, redactor: FixtureRedactor, policy?: HeaderPolicy): RecordedRequest {
  const body = raw.body === undefined ? {} : storeBody(Buffer.from(raw.body, 'utf8'), headerValue(raw.headers, 'content-type'), redactor);
  return {
    method: raw.method.toUpperCase(),
    url: normalizeUrl(raw.url, redactor),
    headers: relevantHeaders(raw.headers, 'request', redactor, policy),
    ...body,
  };
}

/**
 * The redacted form of a response, body decoded and parsed.
 *
 * @example captureResponse({ status: 200, headers, bytes }, redactor) // { status: 200, headers, json: {...} }
 */
export function captureResponse(raw: RawResponse, redactor: FixtureRedactor, policy?: HeaderPolicy): RecordedResponse {
  const bytes = decodeContent(raw.bytes, headerValue(raw.headers, 'content-encoding'));
  return {
    status: raw.status,
    headers: relevantHeaders(raw.headers, 'response', redactor, policy),
    ...storeBody(bytes, headerValue(raw.headers, 'content-type'), redactor),
  };
}
