import type { JsonObject, SpecRefs } from '@portage/codegen';
import { bodyPlace, contentFor, contentTypes, describeErrors, isJsonType, mediaTypeOf, type SchemaValidator } from '@portage/testing';
import { coerce } from './coerce.js';
import { assignNested, bracketTokens } from './parameters.js';
import type { SpecOperation } from './route-table.js';

/** A request body as the handler sees it, with what is wrong with it. */
export interface ReadBody {
  /**
   * Parsed JSON; for a form, the fields as an object with bracketed names nested
   * (`address[city]=x` -> `{ address: { city: 'x' } }`) and values coerced to the schema's
   * types; the text otherwise; undefined when empty.
   */
  body: unknown;
  problems: string[];
}

/**
 * Parses a request body and checks it against the operation's `requestBody`: present when
 * required, absent when the operation takes none, a content type the spec lists, valid JSON,
 * and valid against the schema: a JSON body as sent, a form-urlencoded body once its bracketed
 * names are nested (`metadata[plan]`, `items[0][price]`, as Stripe sends them) and its text
 * values coerced to the schema's types.
 */
export function readRequestBody(operation: SpecOperation, refs: SpecRefs, validator: SchemaValidator, contentType: string | undefined, text: string): ReadBody {
  const spec = operation.operation.requestBody === undefined ? undefined : refs.resolve<JsonObject>(operation.operation.requestBody);
  const media = mediaTypeOf(contentType);
  const problems: string[] = [];
  if (text === '') {
    if (spec?.required === true) problems.push(`request body: is required but missing (the operation takes ${contentTypes(spec.content).join(' or ')})`);
    return { body: undefined, problems };
  }
  const parsed = parseBody(media, text, problems);
  if (!spec) {
    problems.push('request body: the operation takes no body');
    return { body: parsed.value, problems };
  }
  const entry = contentFor(spec.content, media);
  if (!entry) {
    problems.push(`request body: content type ${media || '(none)'} is not one the operation takes (${contentTypes(spec.content).join(', ')})`);
    return { body: parsed.value, problems };
  }
  const schema = entry[1].schema;
  if (schema === undefined || (!parsed.json && !parsed.form)) return { body: parsed.value, problems };
  const value = parsed.form ? coerce(parsed.value, schema, refs) : parsed.value;
  problems.push(...describeErrors(validator.validate(schema, value, 'request'), value, bodyPlace('request body')));
  return { body: value, problems };
}

function parseBody(media: string, text: string, problems: string[]): { value: unknown; json: boolean; form: boolean } {
  if (isJsonType(media)) {
    try {
      return { value: JSON.parse(text) as unknown, json: true, form: false };
    } catch (error) {
      problems.push(`request body: is not valid JSON (${(error as Error).message})`);
      return { value: text, json: false, form: false };
    }
  }
  if (media === 'application/x-www-form-urlencoded') return { value: nestFormFields([...new URLSearchParams(text)]), json: false, form: true };
  return { value: text, json: false, form: false };
}

/**
 * Form fields as one object: bracketed names nest (`address[city]`, `items[0][price]`,
 * `expand[]`), a plain name given twice becomes a list. Index-keyed objects become arrays when
 * `coerce` meets an array schema.
 *
 * @example nestFormFields([['email', 'a@example.test'], ['metadata[plan]', 'pro']]) // { email: 'a@example.test', metadata: { plan: 'pro' } }
 */
export function nestFormFields(pairs: [string, string][]): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  const plain: [string, string][] = [];
  for (const [name, value] of pairs) {
    const open = name.indexOf('[');
    if (open > 0 && name.endsWith(']')) assignNested(nested, [name.slice(0, open), ...bracketTokens(name.slice(open))], value);
    else plain.push([name, value]);
  }
  return { ...groupPairs(plain), ...nested };
}

/** Name -> value, or values when a name repeats. */
export function groupPairs(pairs: [string, string][]): Record<string, string | string[]> {
  const grouped: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const existing = grouped[name];
    grouped[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return grouped;
}
