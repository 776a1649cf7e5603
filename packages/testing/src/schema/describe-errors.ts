import type { ErrorObject } from 'ajv';

/** Renders a JSON pointer inside the checked value as the place a message names. */
export type PlaceRenderer = (pointer: string[]) => string;

/** `data[0].status` for bodies; the root is the body itself. */
export const bodyPlace =
  (label: string): PlaceRenderer =>
  (pointer) => {
    if (pointer.length === 0) return label;
    const path = pointer.map((token, index) => (/^\d+$/.test(token) ? `[${token}]` : index === 0 ? token : `.${token}`)).join('');
    return `${label} ${path}`;
  };

/** `created[gte]` for parameters: nested names in brackets, as they appear in a query string. */
export const parameterPlace =
  (label: string, name: string): PlaceRenderer =>
  (pointer) =>
    `${label} ${name}${pointer.map((token) => `[${token}]`).join('')}`;

const decodePointer = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));

const MAX_BRANCH_MESSAGES = 4;

/**
 * One readable line per problem Ajv found: `response body data[0].status: must be one of
 * failed, pending, succeeded; got "done"`. The errors of the branches of a failed `anyOf` /
 * `oneOf` are folded into its line, so an expandable field (id string or object) reads as one
 * problem rather than a page of them.
 *
 * @example
 * describeErrors(errors, { id: 7 }, bodyPlace('request body'))
 * // ['request body id: must be string; got 7']
 */
export function describeErrors(errors: ErrorObject[], value: unknown, place: PlaceRenderer): string[] {
  const lines: string[] = [];
  const consumed = new Set<number>();
  const isComposition = (error: ErrorObject) => error.keyword === 'anyOf' || error.keyword === 'oneOf';
  // Outermost first: Ajv reports a composition's branch errors right before the composition's
  // own error, and a nested composition (a nullable `anyOf` wrapping Stripe's expandable
  // `anyOf`) right before the outer one, so walking backwards gathers every branch at once.
  for (let index = errors.length - 1; index >= 0; index--) {
    const error = errors[index] as ErrorObject;
    if (!isComposition(error) || consumed.has(index)) continue;
    const branches: string[] = [];
    for (let before = index - 1; before >= 0 && !consumed.has(before); before--) {
      const branch = errors[before] as ErrorObject;
      if (!branch.instancePath.startsWith(error.instancePath)) break;
      consumed.add(before);
      if (isComposition(branch) && branch.instancePath === error.instancePath) continue;
      branches.unshift(describeOne(branch, value, place, error.instancePath));
    }
    const distinct = [...new Set(branches)];
    const shown = distinct.slice(0, MAX_BRANCH_MESSAGES).join(' | ');
    const more = distinct.length > MAX_BRANCH_MESSAGES ? ` | ${distinct.length - MAX_BRANCH_MESSAGES} more` : '';
    const what = error.keyword === 'oneOf' ? 'exactly one' : 'one';
    const detail = distinct.length > 0 ? ` (${shown}${more})` : '';
    lines[index] = `${place(decodePointer(error.instancePath))}: must match ${what} of its allowed schemas${detail}${gotValue(error, value)}`;
  }
  errors.forEach((error, index) => {
    if (lines[index] === undefined && !consumed.has(index)) lines[index] = describeOne(error, value, place);
  });
  return [...new Set(lines.filter((line): line is string => line !== undefined))];
}

/** One error; inside a composition (`under`), its place is given relative to the composition. */
function describeOne(error: ErrorObject, value: unknown, place: PlaceRenderer, under?: string): string {
  const where = under === undefined ? `${place(decodePointer(error.instancePath))}: ` : relativePlace(error.instancePath, under);
  const params = error.params as Record<string, unknown>;
  // A branch error on the composition's own value: the composition's line shows the value once.
  const got = under !== undefined && error.instancePath === under ? '' : gotValue(error, value);
  switch (error.keyword) {
    case 'required':
      return `${where}missing required property ${String(params.missingProperty)}`;
    case 'additionalProperties':
      return `${where}property ${String(params.additionalProperty)} is not allowed by the schema`;
    case 'enum':
      return `${where}must be one of ${(params.allowedValues as unknown[]).map((item) => JSON.stringify(item)).join(', ')}${got}`;
    case 'const':
      return `${where}must be ${JSON.stringify(params.allowedValue)}${got}`;
    case 'type':
      return `${where}must be ${String(params.type).replaceAll(',', ' or ')}${got}`;
    default:
      return `${where}${error.message ?? error.keyword}${got}`;
  }
}

function relativePlace(instancePath: string, under: string): string {
  const rest = decodePointer(instancePath.slice(under.length));
  return rest.length === 0 ? '' : `${rest.join('.')}: `;
}

/** `; got "done"` with the offending value, short, for the keywords where it helps. */
function gotValue(error: ErrorObject, value: unknown): string {
  if (['required', 'additionalProperties'].includes(error.keyword)) return '';
  let node = value;
  for (const token of decodePointer(error.instancePath)) {
    if (node === null || typeof node !== 'object') return '';
    node = (node as Record<string, unknown>)[token];
  }
  if (node !== null && typeof node === 'object') return Array.isArray(node) ? '; got an array' : '; got an object';
  const text = JSON.stringify(node) ?? String(node);
  return `; got ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}
