import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UNIFIED_ENTITY_NAMES, type UnifiedEntityName } from '@portage/core';
import type { EntityChoice, ListEndpoint, SoapEntityTarget } from '../model.js';
import { SpecError } from '../openapi/spec-error.js';
import { entityNameOf } from './names.js';

/** Suggestions below this detection confidence are not scaffolded unless asked for. */
export const MIN_SUGGESTION_CONFIDENCE = 0.5;

/** `connectors/<platform>/portage-connector.json`, relative to the workspace root. */
export const connectorChoicesPath = (platform: string) => `connectors/${platform}/portage-connector.json`;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether `a` is the better endpoint for one unified entity: score, confidence, shorter path, then a fixed order. */
function preferred(a: ListEndpoint, b: ListEndpoint): boolean {
  const order =
    (b.suggestedEntity?.score ?? 0) - (a.suggestedEntity?.score ?? 0) ||
    b.confidence - a.confidence ||
    a.path.length - b.path.length ||
    compare(a.path, b.path) ||
    compare(a.method, b.method);
  return order < 0;
}

/**
 * The entities discovery suggests: per distinct suggested unified entity, the endpoint with the
 * best suggestion score (then confidence, then the shorter path), among endpoints detected with
 * confidence >= 0.5 that need no path parameter. Each is named after its last path segment in camelCase (`paymentIntents`);
 * a name taken twice gets the segment before it in front (`issuingCards`). Sorted by name.
 *
 * @example suggestEntities(endpoints) // [{ name: 'charges', method: 'GET', path: '/v1/charges', unified: 'Transaction' }, ...]
 */
export function suggestEntities(endpoints: readonly ListEndpoint[]): EntityChoice[] {
  const best = new Map<UnifiedEntityName, ListEndpoint>();
  for (const endpoint of endpoints) {
    const suggestion = endpoint.suggestedEntity;
    // An endpoint under a parent (`/customers/{customer}/cards`) cannot be synced on its own;
    // SOAP entities are chosen explicitly (--entities), never suggested.
    if (endpoint.soap !== undefined || suggestion === null || endpoint.confidence < MIN_SUGGESTION_CONFIDENCE || endpoint.path.includes('{')) continue;
    const current = best.get(suggestion.name);
    if (current === undefined || preferred(endpoint, current)) best.set(suggestion.name, endpoint);
  }
  const chosen = [...best.entries()].map(([unified, endpoint]) => ({ unified, endpoint, name: entityNameOf(endpoint.path) }));
  const counts = new Map<string, number>();
  for (const { name } of chosen) counts.set(name, (counts.get(name) ?? 0) + 1);
  return chosen
    .map(({ unified, endpoint, name }) => ({
      name: (counts.get(name) ?? 0) > 1 ? qualifiedName(endpoint.path, name) : name,
      method: endpoint.method,
      path: endpoint.path,
      unified,
    }))
    .sort((a, b) => compare(a.name, b.name) || compare(a.path, b.path));
}

/** `issuingCards` for `/v1/issuing/cards`: the segment before the last one, in front. */
function qualifiedName(path: string, name: string): string {
  const segments = path.split('/').filter((segment) => segment !== '' && !segment.startsWith('{'));
  const before = segments.at(-2);
  if (before === undefined) return name;
  const prefix = entityNameOf(`/${before}`);
  return `${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The entity choices saved in `connectors/<platform>/portage-connector.json`, or undefined when
 * the file does not exist. Throws a SpecError naming the file and the bad entry otherwise.
 *
 * @example await readEntityChoices('/repo', 'stripe') // [{ name: 'charges', method: 'GET', path: '/v1/charges', unified: 'Transaction' }]
 */
export async function readEntityChoices(workspaceRoot: string, platform: string): Promise<EntityChoice[] | undefined> {
  const file = connectorChoicesPath(platform);
  let text: string;
  try {
    text = await readFile(join(workspaceRoot, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new SpecError(`${file} is not valid JSON (${(cause as Error).message}); fix it or delete it to start from discovery's suggestions`);
  }
  if (!isObject(parsed) || !Array.isArray(parsed.entities)) {
    throw new SpecError(`${file} needs an "entities" array of { name, method, path, unified } (SOAP entities add "soap": { operation, recordType }); fix it or delete it to start from discovery's suggestions`);
  }
  return parsed.entities.map((entry, index) => {
    const where = `${file}: entities[${index}]`;
    if (!isObject(entry)) throw new SpecError(`${where} is not an object; write { "name", "method", "path", "unified" }`);
    const { name, method, path, unified } = entry;
    if (typeof name !== 'string' || typeof path !== 'string' || !path.startsWith('/')) {
      throw new SpecError(`${where} needs a "name" and a "path" starting with "/"`);
    }
    if (method !== 'GET' && method !== 'POST') throw new SpecError(`${where}: "method" must be "GET" or "POST"`);
    if (typeof unified !== 'string' || !UNIFIED_ENTITY_NAMES.includes(unified as UnifiedEntityName)) {
      throw new SpecError(`${where}: "unified" must be one of ${UNIFIED_ENTITY_NAMES.join(', ')}`);
    }
    const soap = entry.soap === undefined ? undefined : readSoapTarget(entry.soap, where);
    return { name, method, path, unified: unified as UnifiedEntityName, ...(soap !== undefined ? { soap } : {}) };
  });
}

/** The `soap` of a saved SOAP entity: `{ operation, recordType, searchType? }`, all strings. */
function readSoapTarget(value: unknown, where: string): SoapEntityTarget {
  const form = '"soap": { "operation": "search", "recordType": "Customer" } (and "searchType" for a polymorphic input)';
  if (!isObject(value)) throw new SpecError(`${where}: "soap" must be an object, e.g. ${form}`);
  const { operation, recordType, searchType } = value;
  if (typeof operation !== 'string' || operation === '' || typeof recordType !== 'string' || recordType === '') {
    throw new SpecError(`${where}: "soap" needs a non-empty "operation" and "recordType", e.g. ${form}`);
  }
  if (searchType !== undefined && (typeof searchType !== 'string' || searchType === '')) throw new SpecError(`${where}: "soap.searchType" must be a type name, e.g. ${form}`);
  return { operation, recordType, ...(searchType !== undefined ? { searchType } : {}) };
}

/**
 * The key that tells entities' endpoints apart: method and path, plus the operation and record
 * type for SOAP entities (which all share the SOAP endpoint's path).
 *
 * @example choiceKey({ method: 'POST', path: '/services/Port', soap: { operation: 'search', recordType: 'Customer' } }) // 'POST /services/Port search Customer'
 */
export function choiceKey(choice: { method: string; path: string; soap?: { operation: string; recordType: string } | undefined }): string {
  const http = `${choice.method.toUpperCase()} ${choice.path}`;
  return choice.soap === undefined ? http : `${http} ${choice.soap.operation} ${choice.soap.recordType}`;
}
