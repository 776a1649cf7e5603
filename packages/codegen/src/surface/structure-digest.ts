import { createHash } from 'node:crypto';
import { compareText } from './compare-text.js';

// Annotations, not structure: two schemas that differ only here accept the same values.
const PROSE_KEYS = new Set(['description', 'title', 'summary', 'example', 'examples', '$comment', 'externalDocs', 'deprecated', 'x-sunset', 'x-stability-level']);

/**
 * A short, stable digest of a JSON value's structure: keys sorted, prose and `x-` extensions
 * left out, so a keyword whose value only changed wording keeps its digest. Lets surface.json
 * record "this keyword is here, and this is its shape" without copying any of it.
 *
 * @example structureDigest({ minContains: 1, contains: { type: 'string', description: 'any' } }) === structureDigest({ contains: { type: 'string' }, minContains: 1 })
 */
export function structureDigest(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex').slice(0, 12);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !PROSE_KEYS.has(key) && !key.startsWith('x-'))
      .sort(([a], [b]) => compareText(a, b));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
