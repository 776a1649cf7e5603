import type { IncrementalFilter, IncrementalFormat } from '@portage/core';
import type { SpecRefs } from '../model.js';
import { normalize, words } from './names.js';
import type { OperationView } from './operation-view.js';
import { isNumeric, viewSchema, type SchemaView } from './schema-view.js';

/** A modified-since filter and why it was chosen. */
export interface IncrementalMatch {
  filter: IncrementalFilter;
  evidence: string[];
}

const MODIFIED_WORDS = new Set(['updated', 'modified', 'changed', 'edited']);
/** Words saying "creation time": Stripe's `created[gte]` filters by creation, not by change. */
const CREATED_WORDS = new Set(['created', 'creation']);
const LOWER_BOUND_WORDS = new Set(['gte', 'gt', 'since', 'after', 'min', 'from', 'start', 'begin']);
/** Upper bounds and ids (`since_id` is an id cursor, not a time). */
const NOT_A_LOWER_BOUND = new Set(['lt', 'lte', 'max', 'before', 'until', 'end', 'to', 'id']);
/** The lower-bound members of a range object (`created[gte]`, `updated_at.start_at`), in preference order. */
const RANGE_START_KEYS = ['gte', 'gt', 'start_at', 'start', 'from', 'after', 'since', 'min', 'begin'];
/** How deep a POST search body is searched for a filter (`query.filter.date_time_filter.updated_at.start_at`). */
const MAX_BODY_DEPTH = 6;

const isModifiedName = (parts: string[]) => parts.some((part) => MODIFIED_WORDS.has(part)) && !parts.some((part) => CREATED_WORDS.has(part));
const isLowerBoundName = (parts: string[]) => parts.some((part) => LOWER_BOUND_WORDS.has(part)) && !parts.some((part) => NOT_A_LOWER_BOUND.has(part));

/**
 * The wire format of a time filter, from its schema: integers are unix seconds (`unix_ms`
 * when the name or format says milliseconds), `date` strings are dates, others ISO 8601.
 */
export function timeFormatOf(schema: SchemaView, name: string): IncrementalFormat {
  if (isNumeric(schema)) return /ms|milli/i.test(`${name} ${schema.format ?? ''}`) ? 'unix_ms' : 'unix';
  if (schema.format === 'date') return 'date';
  return 'iso8601';
}

function rangeStart(refs: SpecRefs, schema: SchemaView): { key: string; schema: SchemaView } | undefined {
  for (const wanted of RANGE_START_KEYS) {
    for (const [key, node] of schema.properties) if (normalize(key) === normalize(wanted)) return { key, schema: viewSchema(refs, node) };
  }
  return undefined;
}

function fromQuery(refs: SpecRefs, operation: OperationView): IncrementalMatch | undefined {
  let since: IncrementalMatch | undefined;
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query') continue;
    const parts = words(parameter.name);
    if (isModifiedName(parts) && isLowerBoundName(parts)) {
      return {
        filter: { in: 'query', name: parameter.name, format: timeFormatOf(parameter.schema, parameter.name) },
        evidence: [`query \`${parameter.name}\` filters by modification time`],
      };
    }
    // `updated` with a range object, sent as `updated[gte]=` (deepObject).
    if (isModifiedName(parts) && parameter.schema.types.has('object')) {
      const start = rangeStart(refs, parameter.schema);
      if (start !== undefined) {
        const name = `${parameter.name}[${start.key}]`;
        return { filter: { in: 'query', name, format: timeFormatOf(start.schema, name) }, evidence: [`query \`${name}\` filters by modification time`] };
      }
    }
    // A bare `since` (GitHub) means "updated since" by convention; weaker than an explicit name.
    if (normalize(parameter.name) === 'since' && since === undefined) {
      since = {
        filter: { in: 'query', name: parameter.name, format: timeFormatOf(parameter.schema, parameter.name) },
        evidence: [`query \`${parameter.name}\` is a since-filter`],
      };
    }
  }
  return since;
}

function fromHeader(operation: OperationView): IncrementalMatch | undefined {
  const header = operation.parameters.find((parameter) => parameter.in === 'header' && normalize(parameter.name) === 'ifmodifiedsince');
  if (header === undefined) return undefined;
  // RFC 9110 fixes an HTTP date, but some platforms (Xero) declare and take a date-time: the
  // spec is the contract the platform is checked against.
  const format = header.schema.format === 'date-time' ? 'iso8601' : 'http_date';
  return { filter: { in: 'header', name: header.name, format }, evidence: [`header \`${header.name}\` returns only records changed since (${format})`] };
}

function fromBody(refs: SpecRefs, schema: SchemaView, prefix: string, depth: number, seen: Set<string>): IncrementalMatch | undefined {
  if (depth > MAX_BODY_DEPTH) return undefined;
  for (const [key, node] of schema.properties) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const parts = words(key);
    const child = viewSchema(refs, node);
    if (isModifiedName(parts)) {
      if (child.types.has('object')) {
        const start = rangeStart(refs, child);
        if (start !== undefined) {
          const name = `${path}.${start.key}`;
          return { filter: { in: 'body', name, format: timeFormatOf(start.schema, name) }, evidence: [`request body \`${name}\` filters by modification time`] };
        }
      } else if (isLowerBoundName(parts)) {
        return { filter: { in: 'body', name: path, format: timeFormatOf(child, path) }, evidence: [`request body \`${path}\` filters by modification time`] };
      }
    }
    // Named schemas are walked once per path branch, so recursive schemas end.
    const marker = child.name ?? path;
    if (!child.types.has('object') || seen.has(marker)) continue;
    const found = fromBody(refs, child, path, depth + 1, new Set([...seen, marker]));
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Finds how to ask a list endpoint for records modified since a time: a query parameter
 * (`updated_at[gte]`, `updated_since`, `modifiedSince`, `updated_at_min`, GitHub's `since`),
 * an `If-Modified-Since` header, or a range field in a POST search body. Creation-time
 * filters (`created[gte]`) never count: they miss every later change.
 *
 * @example detectIncremental(refs, xeroInvoices)?.filter // { in: 'header', name: 'If-Modified-Since', format: 'http_date' }
 */
export function detectIncremental(refs: SpecRefs, operation: OperationView): IncrementalMatch | undefined {
  const body = operation.method === 'POST' && operation.requestBody ? fromBody(refs, operation.requestBody, '', 0, new Set()) : undefined;
  return fromQuery(refs, operation) ?? fromHeader(operation) ?? body;
}
