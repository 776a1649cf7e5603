import type { JsonObject, SpecRefs } from '@portage/codegen';
import { bodyPlace, contentFor, contentTypes, describeErrors, isJsonType, mediaTypeOf, type SchemaValidator } from '@portage/testing';
import type { SpecOperation } from './route-table.js';

/** A request body as the handler sees it, with what is wrong with it. */
export interface ReadBody {
  /** Parsed JSON, a name -> value(s) record for a form, the text otherwise; undefined when empty. */
  body: unknown;
  problems: string[];
}

/**
 * Parses a request body and checks it against the operation's `requestBody`: present when
 * required, absent when the operation takes none, a content type the spec lists, valid JSON,
 * and (for JSON) valid against the schema. Form bodies are parsed but not checked against
 * their schema.
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
