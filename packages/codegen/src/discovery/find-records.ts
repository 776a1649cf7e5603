import type { SpecRefs } from '../model.js';
import { resourceSegment, singularKey } from './names.js';
import { isObjectView, viewSchema, type SchemaView } from './schema-view.js';

/** Where the records of a list response are, and how sure that is. */
export interface RecordsMatch {
  /** Dot path of the record array; "" when the body is the array. */
  records: string;
  /** The schema node of one record, as written (a `$ref` keeps its component name). */
  itemNode: unknown;
  item: SchemaView;
  /** The object holding the array (the body, or `response` for `response.items`); absent for a top-level array. */
  container?: SchemaView;
  /** 0..1: 1 for a top-level array or an array named after the resource. */
  listness: number;
  evidence: string[];
}

/** Array names that mean "the records" whatever the resource. */
const COMMON_NAMES = new Set(['data', 'item', 'result', 'record', 'entry', 'object', 'value', 'list', 'element', 'node', 'row', 'content', 'hit', 'resource']);
/** Arrays of objects that are never the records. */
const NEVER_RECORDS = new Set(['error', 'warning', 'message', 'link', 'notice', 'include', 'included', 'facet']);

/** An array name that is neither the resource nor a common records name. */
const WEAK_SCORE = 0.5;
/** More fields than a list envelope (`data`, `has_more`, `url`, `meta`, ...) ever has. */
const ENVELOPE_MAX_FIELDS = 10;

const looksLikeRecord = (body: SchemaView) => body.properties.has('id') || body.properties.size > ENVELOPE_MAX_FIELDS;

/** Nested arrays (`response.items`) are less certain than top-level ones. */
const NESTED_FACTOR = 0.85;

interface Candidate {
  path: string;
  name: string;
  itemNode: unknown;
  item: SchemaView;
  container: SchemaView;
  score: number;
  why: string;
}

function arrayOfObjects(refs: SpecRefs, node: unknown): { itemNode: unknown; item: SchemaView } | undefined {
  const view = viewSchema(refs, node);
  if (!view.types.has('array') || view.items === undefined) return undefined;
  const item = viewSchema(refs, view.items);
  return isObjectView(item) ? { itemNode: view.items, item } : undefined;
}

/**
 * Whether an array name says nothing about the resource (`data`, `items`, `results`).
 *
 * @example isGenericRecordsName('items') // true
 */
export const isGenericRecordsName = (name: string) => COMMON_NAMES.has(singularKey(name));

function nameScore(name: string, resourceKey: string | undefined): { score: number; why: string } | undefined {
  const key = singularKey(name);
  if (NEVER_RECORDS.has(key)) return undefined;
  if (resourceKey !== undefined && key.length >= 3 && resourceKey.length >= 3 && (key.endsWith(resourceKey) || resourceKey.endsWith(key))) {
    return { score: 1, why: 'named after the resource in the path' };
  }
  if (COMMON_NAMES.has(key)) return { score: 0.9, why: 'a common records name' };
  return { score: WEAK_SCORE, why: 'the only fitting array' };
}

/**
 * Finds the record array of a list response: the body itself when it is an array of
 * objects, else the object-array property named most like records (`data`, `items`, the
 * resource name from the path such as `orders` or `Invoices`), one level of nesting allowed
 * (`response.items`). Error and link arrays are never records.
 *
 * @example findRecords(refs, viewSchema(refs, chargeListSchema), '/v1/charges')?.records // 'data'
 */
export function findRecords(refs: SpecRefs, response: SchemaView, path: string): RecordsMatch | undefined {
  if (response.types.has('array') && !isObjectView(response)) {
    const found = response.items === undefined ? undefined : viewSchema(refs, response.items);
    if (found === undefined || !isObjectView(found)) return undefined;
    return { records: '', itemNode: response.items, item: found, listness: 1, evidence: ['response body is an array of objects'] };
  }
  if (!isObjectView(response)) return undefined;

  const segment = resourceSegment(path);
  const resourceKey = segment === undefined ? undefined : singularKey(segment);
  const candidates: Candidate[] = [];
  for (const [name, node] of response.properties) {
    const array = arrayOfObjects(refs, node);
    const scored = nameScore(name, resourceKey);
    if (array !== undefined) {
      if (scored !== undefined) candidates.push({ path: name, name, ...array, container: response, ...scored });
      continue;
    }
    // One level down only inside an envelope: in a record (an `id`, many fields) a nested
    // list is that record's children (an upcoming invoice's `lines.data`), not the list.
    if (looksLikeRecord(response) || scored === undefined) continue;
    const inner = viewSchema(refs, node);
    if (!isObjectView(inner)) continue;
    for (const [innerName, innerNode] of inner.properties) {
      const innerArray = arrayOfObjects(refs, innerNode);
      const innerScored = innerArray && nameScore(innerName, resourceKey);
      if (innerArray === undefined || innerScored === undefined || innerScored.score <= WEAK_SCORE) continue;
      candidates.push({ path: `${name}.${innerName}`, name: innerName, ...innerArray, container: inner, score: innerScored.score * NESTED_FACTOR, why: innerScored.why });
    }
  }

  // A weakly named array next to the body's own `id` is a field of one record (a balance's
  // `available` amounts), not a list.
  const best = candidates
    .filter((candidate) => candidate.score > WEAK_SCORE || !looksLikeRecord(candidate.container))
    .sort((a, b) => b.score - a.score)[0];
  if (best === undefined) return undefined;
  return {
    records: best.path,
    itemNode: best.itemNode,
    item: best.item,
    container: best.container,
    listness: best.score,
    evidence: [`records at \`${best.path}\`: array of objects, ${best.why}`],
  };
}
