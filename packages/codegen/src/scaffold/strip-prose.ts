import type { JsonObject } from '../model.js';

/** Keys that carry prose or sample data; generated code must not repeat upstream text. */
const PROSE_KEYS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs']);

/**
 * Keys whose object value is a map from names to nodes (`properties: { description: {...} }`).
 * Inside such a map every key is a name chosen by the spec's author, so a property that is
 * literally called `description` must survive.
 */
const MAP_KEYS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'paths',
  'webhooks',
  'responses',
  'parameters',
  'requestBodies',
  'schemas',
  'securitySchemes',
  'variables',
  'headers',
  'content',
  'encoding',
  'links',
  'callbacks',
  'mapping',
  'scopes',
]);

/** Keys whose values are data, not spec structure: copied verbatim, never walked. */
const DATA_KEYS = new Set(['default', 'enum', 'const']);

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What an object's keys are: `node` keys are OpenAPI/JSON Schema keywords, `map` keys are names
 * (property, path, status code, component), `components` is the root components object (fixed
 * keywords, each holding a map), and `scopes` maps scope names to prose.
 */
type Mode = 'node' | 'map' | 'components' | 'scopes';

const DROP = Symbol('drop');

/** The stripped value of `key` inside an object read in `mode`, or DROP. */
function stripEntry(key: string, child: unknown, mode: Mode): unknown {
  switch (mode) {
    case 'scopes':
      return '';
    case 'map':
      return strip(child, 'node');
    case 'components':
      if (PROSE_KEYS.has(key) || key.startsWith('x-')) return DROP;
      return strip(child, isObject(child) ? 'map' : 'node');
    case 'node':
      if (PROSE_KEYS.has(key) || key.startsWith('x-')) return DROP;
      if (DATA_KEYS.has(key)) return child;
      // Security requirements are maps of scheme names to scopes.
      if (key === 'security' && Array.isArray(child)) return child.map((requirement) => strip(requirement, 'map'));
      if (key === 'scopes' && isObject(child)) return strip(child, 'scopes');
      if (MAP_KEYS.has(key) && isObject(child)) return strip(child, 'map');
      return strip(child, 'node');
  }
}

function strip(value: unknown, mode: Mode): unknown {
  if (Array.isArray(value)) return value.map((item) => strip(item, 'node'));
  if (!isObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const stripped = stripEntry(key, child, mode);
    if (stripped !== DROP) copy[key] = stripped;
  }
  return copy;
}

/**
 * A copy of an OpenAPI document without upstream prose: `description`, `summary`, `title`,
 * `example`, `examples`, `externalDocs` and `x-*` extension keys are dropped wherever they are
 * keywords, and kept wherever they are names in a map (`properties`, `paths`, `responses`,
 * `components.*`, `definitions`, `$defs`, ...). Values of `default`, `enum` and `const` are data
 * and stay as they are. The input is not modified.
 *
 * @example
 * stripProse({ openapi: '3.0.3', info: { title: 'Shop', version: '1' }, paths: {},
 *   components: { schemas: { Note: { description: 'A note', properties: { description: { type: 'string' } } } } } });
 * // -> { openapi: '3.0.3', info: { version: '1' }, paths: {},
 * //      components: { schemas: { Note: { properties: { description: { type: 'string' } } } } } }
 */
export function stripProse<T extends JsonObject>(document: T): T {
  const copy: JsonObject = {};
  for (const [key, child] of Object.entries(document)) {
    const stripped = key === 'components' && isObject(child) ? strip(child, 'components') : stripEntry(key, child, 'node');
    if (stripped !== DROP) copy[key] = stripped;
  }
  return copy as T;
}
