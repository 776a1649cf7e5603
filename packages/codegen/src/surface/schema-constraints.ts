import type { JsonObject, SpecRefs, SurfaceConstraints } from '../model.js';
import { compareText } from './compare-text.js';
import { componentRefName } from './component-ref.js';
import { structureDigest } from './structure-digest.js';

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

const NUMBER_KEYWORDS = [
  'minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems',
  'minContains', 'maxContains', 'minProperties', 'maxProperties',
] as const;

/** Keywords whose value is a schema or a map of them: recorded as a digest. */
const DIGEST_KEYWORDS = [
  'contains', 'if', 'then', 'else', 'dependentSchemas', 'patternProperties', 'prefixItems',
  'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'contentMediaType', 'contentEncoding', 'not',
] as const;

/**
 * The validation keywords of one schema node (its own, after following a `$ref`; children and
 * composition members are described by their own fields): bounds, pattern, default, const,
 * read/write-only, an `x-extensible-enum`, digests of keywords a field list cannot show, and
 * the members of allOf/anyOf/oneOf. Undefined when the node has none.
 *
 * @example schemaConstraints(refs, { type: 'string', maxLength: 5000, default: 'x' }) // { maxLength: 5000, default: 'x' }
 */
export function schemaConstraints(refs: SpecRefs, raw: unknown): SurfaceConstraints | undefined {
  const node = refs.resolve<unknown>(raw);
  if (!isObject(node)) return undefined;
  const result: SurfaceConstraints = {};
  for (const key of NUMBER_KEYWORDS) {
    if (typeof node[key] === 'number') result[key] = node[key];
  }
  for (const key of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const value = node[key];
    if (typeof value === 'number' || value === true) result[key] = value;
  }
  if (typeof node.pattern === 'string') result.pattern = node.pattern;
  if (node.uniqueItems === true) result.uniqueItems = true;
  if (node.readOnly === true) result.readOnly = true;
  if (node.writeOnly === true) result.writeOnly = true;
  if ('default' in node) result.default = valueFact(node.default);
  if ('const' in node) result.const = valueFact(node.const);
  if (isObject(node.dependentRequired)) {
    const entries = Object.entries(node.dependentRequired).filter((e): e is [string, unknown[]] => Array.isArray(e[1]));
    result.dependentRequired = Object.fromEntries(
      entries.sort(([a], [b]) => compareText(a, b)).map(([key, names]) => [key, names.filter((n): n is string => typeof n === 'string').sort(compareText)]),
    );
  }
  const extensible = node['x-extensible-enum'];
  if (Array.isArray(extensible)) result.extensibleEnum = primitives(extensible);
  const keywords: Record<string, string> = {};
  for (const key of DIGEST_KEYWORDS) {
    if (node[key] !== undefined) keywords[key] = structureDigest(node[key]);
  }
  if (node.additionalProperties === false) keywords.additionalProperties = structureDigest(false);
  if (Object.keys(keywords).length > 0) result.keywords = keywords;
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[key]) && node[key].length > 0) result[key] = (node[key] as unknown[]).map(memberName).sort(compareText);
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/** A composition member: the component it refers to, or a digest of an inline member. */
function memberName(member: unknown): string {
  return componentRefName(member) ?? `#${structureDigest(member)}`;
}

function valueFact(value: unknown): string | number | boolean | null {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as string | number | boolean | null;
  return `sha256:${structureDigest(value)}`;
}

function primitives(values: unknown[]): (string | number | boolean | null)[] {
  return values.filter((v): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v));
}
