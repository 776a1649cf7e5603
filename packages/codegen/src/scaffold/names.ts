// Names the scaffold derives from a platform, a path or a field. Generated code uses them as
// identifiers, so each one is checked to be a valid, non-reserved TypeScript identifier.
import { words } from '../discovery/names.js';
import { SpecError } from '../openapi/spec-error.js';

/** A platform name: the folder under connectors/ and specs/, and the connector's `name`. */
export const PLATFORM_NAME = /^[a-z][a-z0-9-]*$/;

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with as implements interface ' +
    'let package private protected public static yield await any boolean number string symbol type from of unknown never object'
  ).split(' '),
);

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * camelCase of a name.
 *
 * @example camelCase('payment_intents') // 'paymentIntents'
 */
export function camelCase(name: string): string {
  const [first = '', ...rest] = words(name);
  return first + rest.map(capitalize).join('');
}

/**
 * PascalCase of a name.
 *
 * @example pascalCase('fake-platform') // 'FakePlatform'
 */
export function pascalCase(name: string): string {
  return words(name).map(capitalize).join('');
}

/**
 * kebab-case of a name, for file names.
 *
 * @example kebabCase('bankAccounts') // 'bank-accounts'
 */
export function kebabCase(name: string): string {
  return words(name).join('-');
}

/** The module name of an entity's mapping under src/mappings/: kebab-case, like every file. */
export const mappingModule = (entity: string) => kebabCase(entity);

/** The module name of an entity's export (reverse) mapping under src/mappings/: `customers-export`. */
export const exportModule = (entity: string) => `${kebabCase(entity)}-export`;

/**
 * A field name without case and separators, so `created_at`, `createdAt` and `CreatedAt`
 * compare equal.
 *
 * @example normalizeFieldName('created_at') === normalizeFieldName('createdAt') // true
 */
export function normalizeFieldName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whether a name can be written as a TypeScript identifier (`raw.name`, `{ name: ... }`). */
export const isIdentifier = (name: string) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED.has(name);

/** A property access on `target`: `raw.id`, or `raw['e-mail']` for names that are not identifiers. */
export const propertyAccess = (target: string, name: string) =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${target}.${name}` : `${target}[${quote(name)}]`;

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** Words that name an action on a resource, not the resource (`/orders/search`, `list-items`). */
const ACTION_WORDS = new Set(['search', 'list', 'query', 'find', 'all', 'batch', 'retrieve', 'get']);

/**
 * The identifier-safe camelCase name of a list endpoint's entity: its last path segment that is
 * not a `{parameter}`, without a file extension (`orders.json`) and without leading action words
 * (`search-catalog-items`; a segment that is only an action, like `/orders/search`, gives way to
 * the one before it; versions are skipped). A reserved word gets a `Records` suffix; no usable segment gives `records`.
 *
 * @example entityNameOf('/v1/payment_intents') // 'paymentIntents'
 * @example entityNameOf('/v2/orders/search') // 'orders'
 */
export function entityNameOf(path: string): string {
  // Versions (`v1`, `2024-01`, `2.0`) are not resource names either.
  const segments = path.split('/').filter((segment) => segment !== '' && !segment.startsWith('{') && !/^v?\d+([._-]\d+)*$/i.test(segment));
  for (const segment of segments.reverse()) {
    const parts = words(segment.replace(/\.[a-z]+$/i, ''));
    const start = parts.findIndex((word) => !ACTION_WORDS.has(word));
    if (start < 0 || !/^[a-z]/.test(parts[start] ?? '')) continue;
    const name = camelCase(parts.slice(start).join(' '));
    return isIdentifier(name) ? name : `${name}Records`;
  }
  return 'records';
}

/** Throws a clear error unless `platform` is a valid platform name. */
export function assertPlatformName(platform: string): void {
  if (!PLATFORM_NAME.test(platform)) {
    throw new SpecError(`"${platform}" is not a valid platform name: use lowercase letters, digits and dashes, starting with a letter (e.g. "stripe")`);
  }
}

/** Throws a clear error unless `name` can be an entity name (a camelCase identifier). */
export function assertEntityName(name: string, where: string): void {
  if (!/^[a-z][A-Za-z0-9]*$/.test(name) || !isIdentifier(name)) {
    throw new SpecError(`${where}: entity name "${name}" must be a camelCase identifier that is not a reserved word (e.g. "charges", "paymentIntents")`);
  }
}
