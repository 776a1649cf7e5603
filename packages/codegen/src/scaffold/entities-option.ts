// `--entities name:Unified,...`, shared by `portage generate` and the nx generator.
import type { EntityChoice, ListEndpoint } from '../model.js';
import { SpecError } from '../openapi/spec-error.js';
import { suggestEntities } from './choose-entities.js';
import { entityNameOf } from './names.js';
import { soapEntityName } from '../wsdl-spec/soap-entity-name.js';
import { UNIFIED_ENTITY_NAMES, type UnifiedEntityName } from '@portage/core';

/**
 * One `--entities` item: an entity name and the unified entity it maps to.
 *
 * @example const request: EntityRequest = { name: 'charges', unified: 'Transaction' };
 */
export interface EntityRequest {
  name: string;
  unified: UnifiedEntityName;
}

const EXAMPLE = 'e.g. --entities=charges:Transaction,customers:Customer';

/**
 * Pure: `charges:Transaction,customers:Customer` as requests, checked: each item is
 * `name:Unified`, each name once, each unified name one Portage has.
 *
 * @throws SpecError (CONFIG_INVALID) naming the bad item (and, for an unknown unified name, the valid ones).
 * @example parseEntitiesOption('charges:Transaction'); // [{ name: 'charges', unified: 'Transaction' }]
 */
export function parseEntitiesOption(text: string): EntityRequest[] {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new SpecError(`--entities is empty; ${EXAMPLE}`);
  const seen = new Set<string>();
  return items.map((item) => {
    const parts = item.split(':').map((part) => part.trim());
    const [name = '', unified = ''] = parts;
    if (parts.length !== 2 || name === '' || unified === '') throw new SpecError(`--entities item "${item}" is not name:UnifiedEntity; ${EXAMPLE}`);
    if (!UNIFIED_ENTITY_NAMES.includes(unified as UnifiedEntityName)) {
      throw new SpecError(`--entities item "${item}": "${unified}" is not a unified entity; use one of ${UNIFIED_ENTITY_NAMES.join(', ')}`);
    }
    if (seen.has(name)) throw new SpecError(`--entities names "${name}" twice; give each entity once`);
    seen.add(name);
    return { name, unified: unified as UnifiedEntityName };
  });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The name an endpoint's entity gets: its path's resource, or for a SOAP entity its record type in the plural. */
const nameOf = (endpoint: ListEndpoint) => (endpoint.soap !== undefined ? soapEntityName(endpoint.soap.recordType) : entityNameOf(endpoint.path));

/** The SOAP target of a discovered endpoint, as a choice carries it. */
function soapTargetOf(endpoint: ListEndpoint): Pick<EntityChoice, 'soap'> {
  if (endpoint.soap === undefined) return {};
  const { operation, recordType, searchType } = endpoint.soap;
  return { soap: { operation, recordType, ...(searchType !== undefined ? { searchType } : {}) } };
}

function bestNamed(name: string, endpoints: readonly ListEndpoint[]): ListEndpoint | undefined {
  return endpoints
    .filter((endpoint) => nameOf(endpoint) === name)
    .sort((a, b) => b.confidence - a.confidence || a.path.length - b.path.length || compare(a.path, b.path) || compare(a.method, b.method))[0];
}

function knownNames(endpoints: readonly ListEndpoint[]): string {
  const names = [...new Set(endpoints.map(nameOf))].sort(compare);
  if (names.length === 0) return 'none, discovery found no list endpoint';
  const shown = names.slice(0, 30).join(', ');
  return names.length > 30 ? `${shown} and ${names.length - 30} more` : shown;
}

/**
 * Pure: the list endpoint behind each requested entity name. A name keeps the endpoint it was
 * saved with (connectors/<platform>/portage-connector.json), else the one discovery suggests
 * under that name, else the most confident endpoint whose last path segment gives that name
 * (for a SOAP entity: whose record type gives it in the plural, `customers` for `Customer`).
 *
 * @throws SpecError (CONFIG_INVALID) for a name no endpoint has, listing the names there are.
 * @example chooseRequestedEntities('stripe', [{ name: 'charges', unified: 'Transaction' }], endpoints, undefined);
 * // [{ name: 'charges', method: 'GET', path: '/v1/charges', unified: 'Transaction' }]
 */
export function chooseRequestedEntities(
  platform: string,
  requests: readonly EntityRequest[],
  endpoints: readonly ListEndpoint[],
  saved: readonly EntityChoice[] | undefined,
): EntityChoice[] {
  const suggested = suggestEntities(endpoints);
  return requests.map(({ name, unified }) => {
    const known = saved?.find((choice) => choice.name === name) ?? suggested.find((choice) => choice.name === name);
    if (known !== undefined) return { name, method: known.method, path: known.path, unified, ...(known.soap !== undefined ? { soap: known.soap } : {}) };
    const endpoint = bestNamed(name, endpoints);
    if (endpoint === undefined) {
      throw new SpecError(
        `--entities: no list endpoint of ${platform} is named "${name}"; the names there are: ${knownNames(endpoints)} ` +
          `(\`portage generate ${platform} --dry-run --report\` shows them with their paths)`,
      );
    }
    return { name, method: endpoint.method, path: endpoint.path, unified, ...soapTargetOf(endpoint) };
  });
}
