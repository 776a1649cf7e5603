import type { JsonObject } from '../model.js';
import { compareText } from './compare-text.js';

const JSON_TYPE = /^[a-z0-9!#$&^_.-]+\/(?:[a-z0-9!#$&^_.-]+\+)?json\s*(?:;|$)/i;

/**
 * The JSON media type of a request body or response `content` map: `application/json` first,
 * then any `+json` type (alphabetically, for determinism), then `*\/*`. Undefined when the
 * content is not JSON (form bodies, files, XML).
 *
 * @example pickJsonMedia({ 'application/xml': {}, 'application/vnd.api+json': { schema } }) // ['application/vnd.api+json', { schema }]
 */
export function pickJsonMedia(content: unknown): [contentType: string, media: JsonObject] | undefined {
  if (content === null || typeof content !== 'object') return undefined;
  const entries = Object.entries(content as JsonObject)
    .filter((entry): entry is [string, JsonObject] => entry[1] !== null && typeof entry[1] === 'object')
    .sort(([a], [b]) => compareText(a, b));
  return (
    entries.find(([type]) => /^application\/json\s*(?:;|$)/i.test(type)) ??
    entries.find(([type]) => JSON_TYPE.test(type)) ??
    entries.find(([type]) => type.trim() === '*/*')
  );
}
