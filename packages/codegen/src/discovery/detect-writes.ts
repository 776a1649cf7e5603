// Write operations of a list endpoint's records, for export: a create on the collection path, an
// update and a read on its item path (`<collection>/{param}`). OpenAPI has no notion of "the
// create of this list", so this reads what spec authors agree on: the path layout, the method,
// and the verb that starts the operationId (`createContacts`, `UpdateCustomer`).
import type { DetectedRead, DetectedWrite, EntityWrites, JsonObject, ListEndpoint, OpenApiDocument, SpecRefs } from '../model.js';
import { normalize, resourceSegment, singularKey, words } from './names.js';
import { viewSchema, type SchemaView } from './schema-view.js';

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

type WriteMethod = DetectedWrite['method'];

/** Verbs that start the operationId of a create, and of an update. */
const CREATE_VERBS = new Set(['create', 'add', 'insert', 'new']);
const UPDATE_VERBS = new Set(['update', 'modify', 'edit', 'patch', 'replace', 'upsert', 'save', 'set']);
/** Verbs of operations that are never the record's create or update, whatever their method. */
const OTHER_VERBS = new Set(['search', 'list', 'query', 'find', 'get', 'delete', 'remove', 'cancel', 'void', 'archive', 'count', 'export', 'import', 'batch', 'bulk']);
/** A last path segment that names an action on the collection (`/v2/orders/search`). */
const ACTION_SEGMENT = new Set(['search', 'list', 'query', 'find']);

/** Method weights when no operationId verb decides: a create is usually POST, an update PATCH. */
const CREATE_METHOD_WEIGHT: Record<WriteMethod, number> = { POST: 1, PUT: 0.5, PATCH: 0 };
const UPDATE_METHOD_WEIGHT: Record<WriteMethod, number> = { PATCH: 1, PUT: 0.75, POST: 0.5 };

/** An item path of a collection: `/v1/customers/{customer}` (also `/orders/{id}.json` beside `/orders.json`). */
interface ItemPath {
  path: string;
  param: string;
}

/** The operation verb: the first word of its operationId, if any. */
const verbOf = (operation: JsonObject) => (typeof operation.operationId === 'string' ? words(operation.operationId)[0] : undefined);

/** Every item path by the collection path it belongs to. */
function itemPathIndex(paths: readonly string[]): Map<string, ItemPath[]> {
  const index = new Map<string, ItemPath[]>();
  for (const path of [...paths].sort()) {
    const match = /^(.*)\/\{([^{}/]+)\}(\.[A-Za-z]+)?$/.exec(path);
    if (match === null) continue;
    const collection = `${match[1]}${match[3] ?? ''}`;
    index.set(collection, [...(index.get(collection) ?? []), { path, param: match[2] as string }]);
  }
  return index;
}

/** The collection a list endpoint reads: its path, without a trailing action (`/v2/orders/search`, `/things:search`). */
export function collectionPathOf(path: string): string {
  const colon = /^(.*[^/]):([A-Za-z]+)$/.exec(path);
  if (colon !== null && ACTION_SEGMENT.has((colon[2] as string).toLowerCase())) return colon[1] as string;
  const segments = path.split('/');
  const last = segments.at(-1) ?? '';
  if (segments.length > 2 && words(last).length > 0 && words(last).every((word) => ACTION_SEGMENT.has(word))) return segments.slice(0, -1).join('/');
  return path;
}

/** The JSON (preferred) or form media type of a request body, with its schema node. */
function bodyMedia(refs: SpecRefs, operation: JsonObject): { mediaType: string; bodyFormat: 'json' | 'form'; schema: unknown } | undefined {
  const body = refs.resolve<unknown>(operation.requestBody);
  if (!isObject(body) || !isObject(body.content)) return undefined;
  const types = Object.keys(body.content);
  const json = types.find((type) => /^application\/json\b/i.test(type)) ?? types.find((type) => /[/+]json\b/i.test(type));
  const form = types.find((type) => /^application\/x-www-form-urlencoded\b/i.test(type));
  const mediaType = json ?? form;
  if (mediaType === undefined) return undefined;
  const media = refs.resolve<unknown>(body.content[mediaType]);
  return { mediaType, bodyFormat: json !== undefined ? 'json' : 'form', schema: isObject(media) ? media.schema : undefined };
}

/** Where a record sits in a view: '' (the view is one), `name`, or `name.0` for an array of them; undefined when nowhere. */
function findRecordIn(refs: SpecRefs, view: SchemaView, isRecord: (candidate: SchemaView) => boolean): string | undefined {
  if (isRecord(view)) return '';
  for (const [name, node] of view.properties) {
    const property = viewSchema(refs, node);
    if (property.items === undefined && isRecord(property)) return name;
    if (property.items !== undefined && isRecord(viewSchema(refs, property.items))) return `${name}.0`;
  }
  return undefined;
}

/**
 * Where one record sits in a request body. A body rarely carries the record's id, so only the
 * record's component name places it (Square's `{ order: Order }`), or a body of a single array
 * of objects (Xero's `{ Contacts: [...] }`); otherwise the body is the record ('').
 */
function bodyRecordPathOf(refs: SpecRefs, body: SchemaView, itemSchema: string | undefined): string {
  const found = itemSchema === undefined ? undefined : findRecordIn(refs, body, (candidate) => candidate.name === itemSchema);
  if (found !== undefined) return found;
  if (body.properties.size === 1) {
    const [name, node] = [...body.properties][0] as [string, unknown];
    const property = viewSchema(refs, node);
    if (property.items !== undefined && viewSchema(refs, property.items).types.has('object')) return `${name}.0`;
  }
  return '';
}

/** Dot path of the record in the first 2xx JSON response, when one is found. */
function responseRecordPath(refs: SpecRefs, operation: JsonObject, itemSchema: string | undefined, primaryKey: string | null): string | undefined {
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const code of Object.keys(responses).filter((status) => /^2(\d\d|XX)$/i.test(status)).sort()) {
    const response = refs.resolve<unknown>(responses[code]);
    if (!isObject(response) || !isObject(response.content)) continue;
    const type = Object.keys(response.content).find((candidate) => /[/+]json\b/i.test(candidate));
    if (type === undefined) continue;
    const media = refs.resolve<unknown>(response.content[type]);
    if (!isObject(media) || media.schema === undefined) continue;
    // A response carries the id: the record's component name or its primary key places it.
    const hasKey = (candidate: SchemaView) => primaryKey !== null && !primaryKey.includes('.') && candidate.properties.has(primaryKey);
    return findRecordIn(refs, viewSchema(refs, media.schema), (candidate) => (itemSchema !== undefined && candidate.name === itemSchema) || hasKey(candidate));
  }
  return undefined;
}

/** Header parameters of a path item and its operation whose name says idempotency key. */
function idempotencyHeaderOf(refs: SpecRefs, pathItem: JsonObject, operation: JsonObject): string | undefined {
  for (const node of [...(Array.isArray(operation.parameters) ? operation.parameters : []), ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : [])]) {
    const parameter = refs.resolve<unknown>(node);
    if (isObject(parameter) && parameter.in === 'header' && typeof parameter.name === 'string' && normalize(parameter.name).includes('idempotency')) return parameter.name;
  }
  return undefined;
}

/**
 * Whether an item path's parameter reads as the record's id: the primary key, `id`, or (with
 * or without `id`) the resource's singular name or its last words (`customer_id`, `ContactID`,
 * `{intent}` of payment_intents, `{terminal_refund_id}` of terminals/refunds). Not so for
 * GitHub's `{issue_number}` beside the record id `id`: the engineer has to decide.
 */
function idParamFits(param: string, primaryKey: string | null, collection: string): boolean {
  const name = normalize(param);
  if (name === 'id' || (primaryKey !== null && name === normalize(primaryKey))) return true;
  const resource = singularKey(resourceSegment(collection) ?? '');
  const stem = name.replace(/id$/, '');
  return resource !== '' && stem !== '' && (resource.endsWith(stem) || stem.endsWith(resource));
}

interface Candidate {
  method: WriteMethod;
  operation: JsonObject;
  score: number;
}

/** The write operations of a path item ranked for one role, best first; never `skip`. */
function rankWrites(pathItem: JsonObject, verbs: ReadonlySet<string>, weights: Record<WriteMethod, number>, skip?: { method: string }): Candidate[] {
  const candidates: Candidate[] = [];
  for (const method of ['POST', 'PUT', 'PATCH'] as const) {
    const operation = pathItem[method.toLowerCase()];
    if (!isObject(operation) || skip?.method === method) continue;
    const verb = verbOf(operation);
    if (verb !== undefined && OTHER_VERBS.has(verb)) continue;
    candidates.push({ method, operation, score: (verb !== undefined && verbs.has(verb) ? 2 : 0) + weights[method] });
  }
  return candidates.sort((a, b) => b.score - a.score);
}

const describe = (method: string, path: string, operation: JsonObject) =>
  `${method} ${path}${typeof operation.operationId === 'string' ? ` (${operation.operationId})` : ''}`;

/**
 * Returns a detector of the write operations of list endpoints in one document: per endpoint,
 * the create (POST, else PUT, on the collection path; an operationId starting with
 * create/add/insert wins), the update (PATCH, PUT, else POST on `<collection>/{param}`; an
 * operationId starting with update/modify/edit wins), the read (GET on that item path), each
 * body's media type (JSON preferred, else form-urlencoded), where one record sits in the body
 * (`Contacts.0` for Xero's `{ Contacts: [...] }`) and in the responses, and a header parameter
 * named like Idempotency-Key. The collection is the list path without a trailing search action
 * (`/v2/orders/search` -> `/v2/orders`). Operations with only other body types are passed over.
 *
 * @example
 * const detect = createWriteDetector(document, refs);
 * detect(customersEndpoint)?.update; // { method: 'POST', path: '/v1/customers/{customer}', bodyFormat: 'form', idParam: 'customer', ... }
 */
export function createWriteDetector(document: OpenApiDocument, refs: SpecRefs): (endpoint: Pick<ListEndpoint, 'method' | 'path' | 'itemSchema' | 'primaryKey'>) => EntityWrites | undefined {
  const items = itemPathIndex(Object.keys(document.paths));
  const pathItemOf = (path: string) => {
    const item = refs.resolve<unknown>(document.paths[path]);
    return isObject(item) ? item : undefined;
  };

  return (endpoint) => {
    const evidence: string[] = [];
    const collection = collectionPathOf(endpoint.path);
    const write = (path: string, candidate: Candidate, role: string, idParam?: string): DetectedWrite | undefined => {
      const media = bodyMedia(refs, candidate.operation);
      if (media === undefined) {
        evidence.push(`${role}: passed over ${describe(candidate.method, path, candidate.operation)}: no JSON or form-urlencoded body`);
        return undefined;
      }
      const bodyRecordPath = media.schema === undefined ? '' : bodyRecordPathOf(refs, viewSchema(refs, media.schema), endpoint.itemSchema);
      const recordPath = responseRecordPath(refs, candidate.operation, endpoint.itemSchema, endpoint.primaryKey);
      evidence.push(
        `${role}: ${describe(candidate.method, path, candidate.operation)} takes a ${media.bodyFormat} body` +
          (bodyRecordPath === '' ? '' : ` with the record at \`${bodyRecordPath}\``) +
          (recordPath === undefined ? ', no record found in its response' : recordPath === '' ? '' : `, answers the record at \`${recordPath}\``),
      );
      return {
        method: candidate.method,
        path,
        ...(typeof candidate.operation.operationId === 'string' ? { operationId: candidate.operation.operationId } : {}),
        mediaType: media.mediaType,
        bodyFormat: media.bodyFormat,
        bodyRecordPath,
        ...(recordPath !== undefined ? { recordPath } : {}),
        ...(idParam !== undefined ? { idParam } : {}),
      };
    };

    let create: DetectedWrite | undefined;
    let createItem: JsonObject | undefined;
    const collectionItem = pathItemOf(collection);
    if (collectionItem !== undefined) {
      // A POST search endpoint on the collection path itself is the list, not a create.
      const skip = collection === endpoint.path && endpoint.method === 'POST' ? { method: 'POST' } : undefined;
      const ranked = rankWrites(collectionItem, CREATE_VERBS, CREATE_METHOD_WEIGHT, skip);
      for (const candidate of ranked) {
        create = write(collection, candidate, 'create');
        if (create !== undefined) {
          createItem = collectionItem;
          const others = ranked.filter((other) => other !== candidate).map((other) => describe(other.method, collection, other.operation));
          if (others.length > 0) evidence.push(`create: also on the collection: ${others.join(', ')}`);
          break;
        }
      }
    }

    let update: DetectedWrite | undefined;
    let updateItem: JsonObject | undefined;
    let read: DetectedRead | undefined;
    for (const item of items.get(collection) ?? []) {
      const pathItem = pathItemOf(item.path);
      if (pathItem === undefined) continue;
      if (update === undefined) {
        for (const candidate of rankWrites(pathItem, UPDATE_VERBS, UPDATE_METHOD_WEIGHT)) {
          update = write(item.path, candidate, 'update', item.param);
          if (update !== undefined) {
            updateItem = pathItem;
            break;
          }
        }
      }
      const get = pathItem.get;
      if (read === undefined && isObject(get)) {
        const recordPath = responseRecordPath(refs, get, endpoint.itemSchema, endpoint.primaryKey);
        read = { path: item.path, ...(typeof get.operationId === 'string' ? { operationId: get.operationId } : {}), idParam: item.param, ...(recordPath !== undefined ? { recordPath } : {}) };
        evidence.push(`read: ${describe('GET', item.path, get)}${recordPath === undefined ? ', no record found in its response' : recordPath === '' ? '' : `, answers the record at \`${recordPath}\``}`);
      }
    }
    if (create === undefined && update === undefined) return undefined;
    const itemParam = update?.idParam ?? read?.idParam;
    if (itemParam !== undefined && !idParamFits(itemParam, endpoint.primaryKey, collection)) {
      evidence.push(`the item path takes \`${itemParam}\`, which may not be the record id \`${endpoint.primaryKey ?? 'id'}\`: check what {id} is replaced with`);
    }

    const idempotencyHeader =
      (create && createItem && idempotencyHeaderOf(refs, createItem, createItem[create.method.toLowerCase()] as JsonObject)) ??
      (update && updateItem && idempotencyHeaderOf(refs, updateItem, updateItem[update.method.toLowerCase()] as JsonObject)) ??
      undefined;
    evidence.push(idempotencyHeader !== undefined ? `idempotency key in header \`${idempotencyHeader}\`` : 'no idempotency header declared');
    return { ...(create ? { create } : {}), ...(update ? { update } : {}), ...(read ? { read } : {}), ...(idempotencyHeader ? { idempotencyHeader } : {}), evidence };
  };
}
