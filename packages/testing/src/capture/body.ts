import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { FixtureRedactor } from '../redact/fixture-redactor.js';
import { sortKeys } from './sort-keys.js';

/**
 * A body as a fixture stores it: parsed JSON, text, or base64 for bytes that are not text.
 *
 * @example { json: { id: 1 } }
 */
export type StoredBody = { json: unknown } | { text: string } | { base64: string } | Record<string, never>;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b|^text\/json\b/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;

/**
 * Undoes a content-encoding the transport left in place (undici's `request` does not
 * decompress; `fetch` does, but keeps the header): the bytes are tried, and kept as they are
 * when they are not compressed after all.
 *
 * @example decodeContent(gzipped, 'gzip') // the plain bytes
 */
export function decodeContent(bytes: Buffer, encoding: string | undefined): Buffer {
  const coding = encoding?.trim().toLowerCase();
  if (!coding || coding === 'identity' || bytes.length === 0) return bytes;
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(bytes);
    if (coding === 'br') return brotliDecompressSync(bytes);
    if (coding === 'deflate') return inflateSync(bytes);
  } catch {
    // Already decoded by the transport.
  }
  return bytes;
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Parses a body for a fixture and redacts it: JSON when the content type says JSON and it
 * parses, form bodies param by param, other text by value patterns.
 *
 * @example storeBody(Buffer.from('{"b":1,"a":2}'), 'application/json', redactor) // { json: { a: 2, b: 1 } }
 */
export function storeBody(bytes: Buffer, contentType: string | undefined, redactor: FixtureRedactor): StoredBody {
  if (bytes.length === 0) return {};
  const text = utf8(bytes);
  if (text === undefined) return { base64: bytes.toString('base64') };
  const type = contentType ?? '';
  // A client that sends JSON without saying so is common enough to sniff for.
  const looksJson = JSON_TYPE.test(type) || (!type && /^\s*[[{]/.test(text));
  if (looksJson) {
    try {
      return { json: sortKeys(redactor.json(JSON.parse(text) as unknown)) };
    } catch {
      // Not JSON after all: stored as text below.
    }
  }
  if (FORM_TYPE.test(type)) return { text: redactor.form(text) };
  return { text: redactor.text(text) };
}
