// Search-style SOAP operations as entities. A REST list is found by its path and response; a
// SOAP read is one operation for every record type (NetSuite `search` takes a polymorphic
// search record, Salesforce `query` a query string), so each candidate is an (operation,
// record type) pair found from the structure of the WSDL, never from a platform's name.
import { UNIFIED_ENTITY_NAMES, type PaginationConfig, type UnifiedEntityName } from '@portage/core';
import type { ListEndpoint, LoadedWsdl } from '../model.js';
import { lookupComplexType, mustFind, typeNameKey, type CompileContext } from '../wsdl/compile-context.js';
import { wsdlContext } from '../wsdl-spec/wsdl-context.js';
import { qnameKey, type QName } from '../wsdl/namespaces.js';
import { findDescendants } from '../wsdl/polymorphism.js';
import type { WsdlOperationModel } from '../wsdl/read-operations.js';
import type { ComplexType, TypeRef } from '../wsdl/schema-model.js';
import { soapEntityName } from '../wsdl-spec/soap-entity-name.js';
import { complexTypeFields, type WsdlField } from '../wsdl-spec/type-fields.js';
import { typeKind } from '../wsdl-spec/type-kind.js';

/** How deep the records array may sit in an operation's output (`searchResult.recordList.record`). */
const MAX_RECORDS_DEPTH = 4;
/** Discovery's confidence in a search-style pair whose continuation operation was found. */
const CONTINUED_CONFIDENCE = 0.9;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A scalar beside the records: a continuation input or a stop signal. */
interface ResultScalar {
  /** Dot path in the output JSON (attributes under `attributes.`, as the SOAP client reads them). */
  path: string;
  field: WsdlField;
  fieldKind: string;
}

/** Where an operation's output holds records, and the scalars around them. */
interface RecordsShape {
  recordsPath: string;
  itemType: QName;
  /** Scalars of the objects on the way to the records, by field name. */
  scalars: Map<string, ResultScalar>;
  /** Objects on the way, by path, for the status check. */
  objects: { path: string; type: ComplexType }[];
}

function complexOf(ref: TypeRef | undefined, context: CompileContext): ComplexType | undefined {
  if (ref === undefined) return undefined;
  return ref.kind === 'inline' ? (ref.type.kind === 'complex' ? ref.type : undefined) : lookupComplexType(context, ref.name);
}

function elementFields(element: QName | undefined, context: CompileContext): WsdlField[] {
  if (element === undefined) return [];
  const type = complexOf(mustFind(context.index.elements, element, 'element').type, context);
  return type === undefined ? [] : complexTypeFields(type, context).fields;
}

/**
 * The array of records under an output element: among the arrays of named complex types
 * (breadth first, document order), the first whose item type has subtypes (NetSuite `Record`,
 * Salesforce `sObject`), else the first named like records, else the first.
 */
function findRecords(operation: WsdlOperationModel, context: CompileContext, descendants: ReadonlyMap<string, string[]>): RecordsShape | undefined {
  const part = operation.output?.length === 1 ? operation.output[0] : undefined;
  if (part?.element === undefined) return undefined;
  const root = complexOf(mustFind(context.index.elements, part.element, 'element').type, context);
  if (root === undefined) return undefined;
  let level: { path: string; type: ComplexType; trail: { path: string; type: ComplexType }[] }[] = [{ path: '', type: root, trail: [] }];
  const arrays: { path: string; name: string; itemType: QName; trail: { path: string; type: ComplexType }[] }[] = [];
  for (let depth = 0; depth < MAX_RECORDS_DEPTH && level.length > 0; depth += 1) {
    const next: typeof level = [];
    for (const node of level) {
      const trail = [...node.trail, { path: node.path, type: node.type }];
      for (const field of complexTypeFields(node.type, context).fields) {
        const path = node.path === '' ? field.name : `${node.path}.${field.name}`;
        const type = complexOf(field.type, context);
        if (type === undefined || field.name.startsWith('@')) continue;
        if (field.array && field.type?.kind === 'named') arrays.push({ path, name: field.name, itemType: field.type.name, trail });
        if (!field.array) next.push({ path, type, trail });
      }
    }
    level = next;
  }
  const chosen =
    arrays.find((array) => descendants.has(qnameKey(array.itemType))) ?? arrays.find((array) => normalize(array.name).includes('record')) ?? arrays[0];
  return chosen === undefined ? undefined : { recordsPath: chosen.path, itemType: chosen.itemType, ...scalarsOf(chosen.trail, context) };
}

function scalarsOf(trail: { path: string; type: ComplexType }[], context: CompileContext): Pick<RecordsShape, 'scalars' | 'objects'> {
  const scalars = new Map<string, ResultScalar>();
  for (const { path, type } of trail) {
    for (const field of complexTypeFields(type, context).fields) {
      const kind = typeKind(field.type, context);
      if (field.array || kind.type === 'object' || kind.type === 'unknown' || field.name.startsWith('#')) continue;
      const name = field.name.replace(/^@/, '');
      const local = field.name.startsWith('@') ? `attributes.${name}` : name;
      if (!scalars.has(name)) scalars.set(name, { path: path === '' ? local : `${path}.${local}`, field, fieldKind: kind.type });
    }
  }
  return { scalars, objects: trail };
}

/** Required element inputs of an operation (attributes and optional fields are the caller's choice). */
function requiredInputs(operation: WsdlOperationModel, context: CompileContext): WsdlField[] {
  const part = operation.input.length === 1 ? operation.input[0] : undefined;
  return elementFields(part?.element, context).filter((field) => !field.optional && !field.name.startsWith('@'));
}

interface Continuation {
  operation: WsdlOperationModel;
  pagination: Extract<PaginationConfig, { type: 'soap_continuation' }>;
  inputs: string[];
}

/**
 * The operation that reads the next page after `first`: one whose required inputs are all
 * scalars of `first`'s result (a search id, a page index, a query locator) and whose output has
 * records at the same path. One that carries a token beats one that only counts pages
 * (NetSuite `searchMoreWithId(searchId, pageIndex)` over `searchMore(pageIndex)`, which needs
 * a session); then more inputs, then the name.
 */
function findContinuation(
  shape: RecordsShape,
  operations: readonly WsdlOperationModel[],
  first: WsdlOperationModel,
  context: CompileContext,
  descendants: ReadonlyMap<string, string[]>,
): Continuation | undefined {
  const candidates: { operation: WsdlOperationModel; inputs: WsdlField[]; token: boolean }[] = [];
  for (const operation of operations) {
    if (operation === first) continue;
    const inputs = requiredInputs(operation, context);
    if (inputs.length === 0 || !inputs.every((input) => shape.scalars.has(input.name))) continue;
    const records = findRecords(operation, context, descendants);
    if (records?.recordsPath !== shape.recordsPath) continue;
    candidates.push({ operation, inputs, token: inputs.some((input) => shape.scalars.get(input.name)!.fieldKind === 'string') });
  }
  candidates.sort((a, b) => Number(b.token) - Number(a.token) || b.inputs.length - a.inputs.length || compare(a.operation.name, b.operation.name));
  const best = candidates[0];
  if (best === undefined) return undefined;

  const scalar = (predicate: (name: string, found: ResultScalar) => boolean) => [...shape.scalars].find(([name, found]) => predicate(normalize(name), found))?.[1];
  const totalPages = scalar((name, found) => name.includes('total') && name.includes('page') && found.fieldKind === 'integer');
  const pageParam = best.inputs.find((input) => shape.scalars.get(input.name)!.fieldKind === 'integer');
  const done = scalar((name, found) => (name === 'done' || name === 'islast' || name === 'lastpage') && found.fieldKind === 'boolean');
  const input: Record<string, string> = {};
  for (const field of best.inputs) if (field !== pageParam || totalPages === undefined) input[field.name] = shape.scalars.get(field.name)!.path;
  const status = statusOf(shape, context);
  return {
    operation: best.operation,
    inputs: best.inputs.map((field) => field.name),
    pagination: {
      type: 'soap_continuation',
      operation: best.operation.name,
      input,
      ...(pageParam !== undefined && totalPages !== undefined
        ? { pageNumber: { param: pageParam.name, path: shape.scalars.get(pageParam.name)!.path, totalPagesPath: totalPages.path } }
        : {}),
      ...(done !== undefined ? { donePath: done.path } : {}),
      ...(status !== undefined ? { status } : {}),
    },
  };
}

/** A `status` object with a boolean success attribute beside the records: a page that says it failed fails. */
function statusOf(shape: RecordsShape, context: CompileContext): NonNullable<Extract<PaginationConfig, { type: 'soap_continuation' }>['status']> | undefined {
  for (const { path, type } of shape.objects) {
    for (const field of complexTypeFields(type, context).fields) {
      if (normalize(field.name) !== 'status' || field.array) continue;
      const statusType = complexOf(field.type, context);
      if (statusType === undefined) continue;
      const statusPath = path === '' ? field.name : `${path}.${field.name}`;
      const inner = complexTypeFields(statusType, context).fields;
      const success = inner.find((candidate) => candidate.name.startsWith('@') && normalize(candidate.name).includes('success') && typeKind(candidate.type, context).type === 'boolean');
      if (success === undefined) continue;
      const detail = inner.find((candidate) => candidate.array && complexOf(candidate.type, context) !== undefined);
      const detailFields = detail === undefined ? [] : complexTypeFields(complexOf(detail.type, context)!, context).fields.map((one) => one.name);
      return {
        successPath: `${statusPath}.attributes.${success.name.slice(1)}`,
        ...(detail !== undefined && detailFields.includes('code') ? { codePath: `${statusPath}.${detail.name}.0.code` } : {}),
        ...(detail !== undefined && detailFields.includes('message') ? { messagePath: `${statusPath}.${detail.name}.0.message` } : {}),
      };
    }
  }
  return undefined;
}

/** The record's id: an `internalId`/`id` attribute (`attributes.internalId`), else an `id` element; null when it has neither. */
export function primaryKeyOf(record: ComplexType, context: CompileContext): string | null {
  const fields = complexTypeFields(record, context).fields.filter((field) => !field.array);
  for (const wanted of ['internalid', 'id']) {
    const attribute = fields.find((field) => field.name.startsWith('@') && normalize(field.name) === wanted);
    if (attribute !== undefined) return `attributes.${attribute.name.slice(1)}`;
    const element = fields.find((field) => !field.name.startsWith('@') && normalize(field.name) === wanted);
    if (element !== undefined) return element.name;
  }
  return null;
}

function suggestion(recordName: string): { name: UnifiedEntityName; score: number } | null {
  const found = UNIFIED_ENTITY_NAMES.find((name) => normalize(name) === normalize(recordName));
  return found === undefined ? null : { name: found, score: 1 };
}

/** The path of the SOAP endpoint (its address's path), `/` when the WSDL names no address. */
export function soapEndpointPath(wsdl: LoadedWsdl): string {
  if (wsdl.address === undefined) return '/';
  try {
    return new URL(wsdl.address).pathname || '/';
  } catch {
    return '/';
  }
}

/** The base URL of the SOAP endpoint (its address's origin), when the WSDL names an absolute one. */
export function soapBaseUrl(wsdl: LoadedWsdl): string | undefined {
  if (wsdl.address === undefined) return undefined;
  try {
    const url = new URL(wsdl.address);
    return /^https?:$/.test(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The first operation's input for one record type, or undefined when the record cannot be asked for. */
function firstInput(
  inputs: readonly WsdlField[],
  record: { name: string; type: ComplexType; key: string },
  context: CompileContext,
  descendants: ReadonlyMap<string, string[]>,
): { input: Record<string, unknown>; searchType?: string } | undefined {
  const [only, ...more] = inputs;
  if (only === undefined || more.length > 0) return undefined;
  // A polymorphic input (NetSuite searchRecord): the record's own search type, sent as xsi:type.
  if (only.type?.kind === 'named' && descendants.has(qnameKey(only.type.name))) {
    const options = new Map(descendants.get(qnameKey(only.type.name))!.map((key) => [context.index.types.get(key)!.name!, key]));
    for (const suffix of ['SearchBasic', 'Search']) {
      const match = [...options.keys()].find((name) => name.localName === `${record.type.name?.localName ?? ''}${suffix}`);
      if (match === undefined) continue;
      return {
        input: { [only.name]: { attributes: { xsi_type: { type: match.localName, xmlns: match.namespace } } } },
        searchType: context.names.get(typeNameKey(match))!,
      };
    }
    return undefined;
  }
  // A query string (Salesforce query): every scalar element of the record, from its type's name.
  if (typeKind(only.type, context).type === 'string' && normalize(only.name).includes('query')) {
    const fields = complexTypeFields(record.type, context)
      .fields.filter((field) => !field.array && !field.name.startsWith('@') && !field.name.startsWith('#') && !['object', 'unknown'].includes(typeKind(field.type, context).type))
      .map((field) => field.name);
    if (fields.length === 0) return undefined;
    return { input: { [only.name]: `SELECT ${fields.join(', ')} FROM ${record.type.name?.localName ?? record.name}` } };
  }
  return undefined;
}

/**
 * Finds the search-style entities of a WSDL set: operations whose output holds an array of
 * records and which have a continuation operation (see `findContinuation`), paired with each
 * concrete record type the array may carry (the item type's subtypes, else the item type) that
 * the operation's input can ask for: a polymorphic input through the record's `<Record>SearchBasic`
 * (else `<Record>Search`) type, a query string through a query over the record's scalar fields.
 * Each is a ListEndpoint with `soap` set, `POST` to the SOAP endpoint's path, and a
 * `soap_continuation` pagination; confidence 0.9, and a suggested unified entity only for a
 * record type named exactly like one. Sorted by entity name, then operation.
 *
 * @example discoverSoapEntities(spec.wsdl).find((entity) => entity.soap?.recordType === 'Customer')?.pagination.type // 'soap_continuation'
 */
export function discoverSoapEntities(wsdl: LoadedWsdl, context: CompileContext = wsdlContext(wsdl)): ListEndpoint[] {
  const descendants = findDescendants(wsdl.index);
  const path = soapEndpointPath(wsdl);
  const found = new Map<string, ListEndpoint>();
  const operations = [...wsdl.operations].sort((a, b) => a.name.length - b.name.length || compare(a.name, b.name));
  for (const operation of operations) {
    const shape = findRecords(operation, context, descendants);
    if (shape === undefined) continue;
    const inputs = requiredInputs(operation, context);
    // An operation fed only by a previous result is itself a continuation.
    if (inputs.length === 0 || inputs.every((input) => shape.scalars.has(input.name))) continue;
    const continuation = findContinuation(shape, wsdl.operations, operation, context, descendants);
    if (continuation === undefined) continue;
    const itemKey = qnameKey(shape.itemType);
    const recordKeys = descendants.has(itemKey) ? descendants.get(itemKey)! : [itemKey];
    for (const key of recordKeys) {
      const type = context.index.types.get(key);
      if (type?.kind !== 'complex' || type.abstract || type.name === undefined) continue;
      const recordType = context.names.get(typeNameKey(type.name))!;
      // Shorter operations come first: `query` keeps a record type that `queryAll` reads too.
      if (found.has(recordType)) continue;
      const first = firstInput(inputs, { name: recordType, type, key }, context, descendants);
      if (first === undefined) continue;
      found.set(recordType, {
        method: 'POST',
        path,
        records: shape.recordsPath,
        itemSchema: recordType,
        pagination: continuation.pagination,
        incremental: null,
        primaryKey: primaryKeyOf(type, context),
        confidence: CONTINUED_CONFIDENCE,
        evidence: [
          `${operation.name} then ${continuation.operation.name}(${continuation.inputs.join(', ')})`,
          `records at ${shape.recordsPath}`,
          ...(first.searchType !== undefined ? [`input type ${first.searchType}`] : []),
        ],
        suggestedEntity: suggestion(recordType),
        soap: { operation: operation.name, recordType, ...(first.searchType !== undefined ? { searchType: first.searchType } : {}), input: first.input },
      });
    }
  }
  return [...found.values()].sort((a, b) => compare(soapEntityName(a.soap!.recordType), soapEntityName(b.soap!.recordType)) || compare(a.soap!.operation, b.soap!.operation));
}
