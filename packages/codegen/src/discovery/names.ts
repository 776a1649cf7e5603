// Name handling shared by the detectors: spec authors spell the same idea as `next_cursor`,
// `nextCursor`, `NextCursor` or `next-cursor`, so every comparison goes through these.

/**
 * Splits an identifier into lower-case words at `_`, `-`, `.`, `[`, spaces and camelCase humps.
 *
 * @example words('nextPageToken') // ['next', 'page', 'token']
 * @example words('updated_at[gte]') // ['updated', 'at', 'gte']
 */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/**
 * An identifier with case and separators removed, for matching spellings of one name.
 *
 * @example normalize('next_page_token') === normalize('nextPageToken') // true
 */
export function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * A rough English singular of one word: enough for resource names (`invoices`, `categories`,
 * `addresses`, `taxes`, `statuses`, `purchases`), not a dictionary.
 *
 * @example singular('categories') // 'category'
 */
export function singular(word: string): string {
  const lower = word.toLowerCase();
  if (/[^aeiou]ies$/.test(lower)) return `${word.slice(0, -3)}${word.at(-3) === 'I' ? 'Y' : 'y'}`;
  if (/(ss|x|z|ch|sh|atus|ias)es$/.test(lower)) return word.slice(0, -2);
  if (/[^su]s$/.test(lower) && !/is$/.test(lower)) return word.slice(0, -1);
  return word;
}

/** A name's words, each made singular, joined: `payment_intents` -> `paymentintent`. */
export function singularKey(name: string): string {
  return words(name).map(singular).join('');
}

const VERSION_SEGMENT = /^v\d+(\.\d+)*$/i;
/** Path segments that name an action or an API prefix rather than the resource. */
const NON_RESOURCE_SEGMENTS = new Set(['search', 'list', 'query', 'all', 'api', 'rest', 'find']);

/**
 * The last path segment that names a resource: not a `{parameter}`, a version or a verb.
 *
 * @example resourceSegment('/v2/orders/search') // 'orders'
 * @example resourceSegment('/repos/{owner}/{repo}/issues') // 'issues'
 */
export function resourceSegment(path: string): string | undefined {
  const segments = path.split('/').filter((segment) => segment !== '' && !segment.includes('{'));
  for (let index = segments.length - 1; index >= 0; index--) {
    const segment = segments[index] as string;
    if (VERSION_SEGMENT.test(segment) || NON_RESOURCE_SEGMENTS.has(segment.toLowerCase())) continue;
    return segment;
  }
  return undefined;
}

/**
 * Whether a path ends in a path parameter (`/v1/charges/{charge}`, `/users/{id}.json`): a
 * single-record read, not a list.
 */
export function endsInPathParameter(path: string): boolean {
  const last = path.split('/').filter((segment) => segment !== '').at(-1);
  return last !== undefined && last.includes('{');
}
