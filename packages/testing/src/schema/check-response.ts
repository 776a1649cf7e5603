import type { JsonObject, SpecRefs } from '@portage/codegen';
import { bodyPlace, describeErrors } from './describe-errors.js';
import type { SchemaValidator } from './schema-validator.js';

/**
 * A response as checked against an operation of a spec: parsed body (undefined when empty),
 * lower-cased header names.
 *
 * @example { status: 200, headers: { 'content-type': 'application/json' }, body: { data: [] } }
 */
export interface AnswerToCheck {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
}

/**
 * Whether a media type carries JSON (`application/json`, `application/problem+json`, and the
 * `*\/*` wildcard, which specs use for "whatever the API returns", in practice JSON).
 *
 * @example isJsonType('application/vnd.api+json; charset=utf-8') // true
 */
export const isJsonType = (mediaType: string): boolean =>
  /^application\/(?:[\w.+-]+\+)?json$/i.test(mediaType.split(';')[0]?.trim() ?? '') || mediaType === '*/*';

/**
 * The bare, lower-cased media type of a Content-Type value ('' when there is none).
 *
 * @example mediaTypeOf('Application/JSON; charset=utf-8') // 'application/json'
 */
export const mediaTypeOf = (contentType: string | undefined): string => (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * The `content` entry of a request body or response that a media type falls under: exact,
 * then `type/*`, then `*\/*`.
 *
 * @example contentFor({ 'application/json': { schema } }, 'application/json') // ['application/json', { schema }]
 */
export function contentFor(content: unknown, media: string): [string, JsonObject] | undefined {
  if (content === null || typeof content !== 'object') return undefined;
  const entries = Object.entries(content as Record<string, JsonObject>);
  const [type] = media.split('/');
  return (
    entries.find(([key]) => key.toLowerCase() === media) ??
    entries.find(([key]) => mediaTypeOf(key) === media) ??
    entries.find(([key]) => key.toLowerCase() === `${type}/*`) ??
    entries.find(([key]) => key === '*/*')
  );
}

/**
 * The media types a `content` map lists.
 *
 * @example contentTypes({ 'application/json': {} }) // ['application/json']
 */
export const contentTypes = (content: unknown): string[] => (content !== null && typeof content === 'object' ? Object.keys(content) : []);

/**
 * Checks an answer against an operation's `responses`: a declared status (exact, `2XX`, or
 * `default`), required headers, a body when (and only when) one is declared, in a declared
 * content type, and (for JSON) valid against its schema. One readable line per problem; none
 * means the answer conforms. The spec server checks its handlers' answers with it, the
 * contract suite the responses recorded in fixtures.
 *
 * @example
 * checkResponse(document.paths['/v1/charges'].get, refs, validator, { status: 200, headers: {}, body: { data: 1 } })
 * // ['response body: missing required property object', 'response body data: must be array; got 1', ...]
 */
export function checkResponse(operation: { responses?: unknown }, refs: SpecRefs, validator: SchemaValidator, answer: AnswerToCheck): string[] {
  const responses = refs.resolve<Record<string, unknown>>(operation.responses ?? {});
  const code = String(answer.status);
  const key =
    Object.keys(responses).find((name) => name === code) ??
    Object.keys(responses).find((name) => name.toUpperCase() === `${code[0]}XX`) ??
    ('default' in responses ? 'default' : undefined);
  if (key === undefined) return [`response status ${code}: not declared for this operation (declared: ${Object.keys(responses).join(', ') || 'none'})`];
  const spec = refs.resolve<JsonObject>(responses[key]);
  const problems: string[] = [];

  const headers = (spec.headers ?? {}) as Record<string, unknown>;
  for (const [name, node] of Object.entries(headers)) {
    const header = refs.resolve<JsonObject>(node);
    if (header.required === true && name.toLowerCase() !== 'content-type' && answer.headers[name.toLowerCase()] === undefined) {
      problems.push(`response header ${name}: is required for status ${key} but missing`);
    }
  }

  const declared = contentTypes(spec.content);
  if (declared.length === 0) {
    if (answer.body !== undefined) problems.push(`response body: the spec declares no body for status ${key}`);
    return problems;
  }
  if (answer.body === undefined) return [...problems, `response body: missing; the spec declares ${declared.join(' or ')} for status ${key}`];
  const media = mediaTypeOf(answer.headers['content-type'] ?? 'application/json');
  const entry = contentFor(spec.content, media);
  if (!entry) return [...problems, `response body: content type ${media} is not declared for status ${key} (declared: ${declared.join(', ')})`];
  if (isJsonType(media) && entry[1].schema !== undefined) {
    problems.push(...describeErrors(validator.validate(entry[1].schema, answer.body, 'response'), answer.body, bodyPlace('response body')));
  }
  return problems;
}
