import { getPath, PortageError } from '@portage/core';

/**
 * Reads a cursor, id or next URL at a dot path. Missing, null and "" mean "none" (APIs use
 * all three for "no next page"); any other non-scalar throws, because silently stopping on
 * it would end a read early and lose records without anyone noticing.
 *
 * @example
 * readToken({ meta: { next: 'abc' } }, 'meta.next'); // 'abc'
 * readToken({ meta: { next: null } }, 'meta.next'); // undefined
 */
export function readToken(source: unknown, path: string): string | number | undefined {
  const value = getPath(source, path);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
  const message = `expected a string or number at "${path}" for pagination, got ${describe(value)}`;
  throw new PortageError('MALFORMED_RESPONSE', message, { context: { fieldPath: path } });
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
}
