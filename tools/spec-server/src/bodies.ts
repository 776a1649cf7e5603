import type { JsonObject, SpecRefs } from '@portage/codegen';
import { bodyPlace, describeErrors } from './describe-errors.js';
import { isJsonType } from './parameters.js';
import type { SpecOperation } from './route-table.js';
import type { SchemaValidator } from './schema-validator.js';

/** A request body as the handler sees it, with what is wrong with it. */
export interface ReadBody {
  /** Parsed JSON, a name -> value(s) record for a form, the text otherwise; undefined when empty. */
  body: unknown;
  problems: string[];
}

/** Answer of a test handler, as checked against the spec before it is sent. */
export interface AnswerToCheck {
  status: number;
  body?: unknown;
  /** Lower-cased names. */
  headers: Record<string, string>;
}

const mediaOf = (contentType: string | undefined) => (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** The `content` entry a media type falls under: exact, then `type/*`, then `*\/*`. */
function contentFor(content: unknown, media: string): [string, JsonObject] | undefined {
  if (content === null || typeof content !== 'object') return undefined;
  const entries = Object.entries(content as Record<string, JsonObject>);
  const [type] = media.split('/');
  return (
    entries.find(([key]) => key.toLowerCase() === media) ??
    entries.find(([key]) => mediaOf(key) === media) ??
    entries.find(([key]) => key.toLowerCase() === `${type}/*`) ??
    entries.find(([key]) => key === '*/*')
  );
}

const contentTypes = (content: unknown) => (content !== null && typeof content === 'object' ? Object.keys(content) : []);

/**
 * Parses a request body and checks it against the operation's `requestBody`: present when
 * required, absent when the operation takes none, a content type the spec lists, valid JSON,
 * and (for JSON) valid against the schema. Form bodies are parsed but not checked against
 * their schema.
 */
export function readRequestBody(operation: SpecOperation, refs: SpecRefs, validator: SchemaValidator, contentType: string | undefined, text: string): ReadBody {
  const spec = operation.operation.requestBody === undefined ? undefined : refs.resolve<JsonObject>(operation.operation.requestBody);
  const media = mediaOf(contentType);
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
  } else if (parsed.json && entry[1].schema !== undefined) {
    problems.push(...describeErrors(validator.validate(entry[1].schema, parsed.value, 'request'), parsed.value, bodyPlace('request body')));
  }
  return { body: parsed.value, problems };
}

function parseBody(media: string, text: string, problems: string[]): { value: unknown; json: boolean } {
  if (isJsonType(media)) {
    try {
      return { value: JSON.parse(text) as unknown, json: true };
    } catch (error) {
      problems.push(`request body: is not valid JSON (${(error as Error).message})`);
      return { value: text, json: false };
    }
  }
  if (media === 'application/x-www-form-urlencoded') return { value: groupPairs([...new URLSearchParams(text)]), json: false };
  return { value: text, json: false };
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

/**
 * Checks a handler's answer against the operation's responses: a declared status (exact,
 * `2XX`, or `default`), required headers, a body when (and only when) one is declared, in a
 * declared content type, and valid against its schema.
 */
export function checkResponse(operation: SpecOperation, refs: SpecRefs, validator: SchemaValidator, answer: AnswerToCheck): string[] {
  const responses = refs.resolve<Record<string, unknown>>(operation.operation.responses ?? {});
  const code = String(answer.status);
  const key = Object.keys(responses).find((name) => name === code) ?? Object.keys(responses).find((name) => name.toUpperCase() === `${code[0]}XX`) ?? ('default' in responses ? 'default' : undefined);
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
  const media = mediaOf(answer.headers['content-type'] ?? 'application/json');
  const entry = contentFor(spec.content, media);
  if (!entry) return [...problems, `response body: content type ${media} is not declared for status ${key} (declared: ${declared.join(', ')})`];
  if (isJsonType(media) && entry[1].schema !== undefined) {
    problems.push(...describeErrors(validator.validate(entry[1].schema, answer.body, 'response'), answer.body, bodyPlace('response body')));
  }
  return problems;
}
