import { PortageError, type ErrorContext, type ResponseFormat } from '@portage/core';
import { parseXml } from '../xml/index.js';

/**
 * Parses a 2xx body as JSON or XML: the entity's declared format wins, else the
 * content-type decides. An empty body is `undefined`.
 */
export function parseBody(
  bytes: Buffer,
  contentType: string | undefined,
  format: ResponseFormat | undefined,
  context: ErrorContext,
): unknown {
  if (bytes.length === 0) return undefined;
  const text = bytes.toString('utf8');
  const isXml = format ? format.type === 'xml' : /[/+]xml\b/i.test(contentType ?? '');
  if (isXml) return parseXml(text, { arrayPaths: format?.type === 'xml' ? (format.arrayPaths ?? []) : [] });
  const isJson = format?.type === 'json' || /[/+]json\b/i.test(contentType ?? '') || contentType === undefined;
  if (!isJson) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new PortageError('MALFORMED_RESPONSE', `the body is not valid JSON (${bytes.length} bytes)`, {
      cause,
      context,
    });
  }
}
