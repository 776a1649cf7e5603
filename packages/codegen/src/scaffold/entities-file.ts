import type { EntityConfig } from '@portage/core';
import type { ListEndpoint } from '../model.js';
import { generatedHeader, type ScaffoldContext } from './scaffold-context.js';
import { tsLiteral } from './ts-literal.js';

/** The primary key assumed when discovery found none: `defineEntity` needs one. */
const ASSUMED_PRIMARY_KEY = 'id';

/**
 * The detected, serialisable config of one entity: everything `defineEntity` takes but
 * `unified` and `map`.
 *
 * @example entityConfigOf(endpoint) // { request: { method: 'GET', path: '/v1/charges', ... }, recordsPath: 'data', ... }
 */
export function entityConfigOf(endpoint: ListEndpoint): Omit<EntityConfig, 'unified'> {
  return {
    request: {
      method: endpoint.method,
      path: endpoint.path,
      ...(endpoint.soap !== undefined ? { soap: { operation: endpoint.soap.operation, input: endpoint.soap.input } } : {}),
      ...(endpoint.query !== undefined && Object.keys(endpoint.query).length > 0 ? { query: endpoint.query } : {}),
      ...(endpoint.body !== undefined ? { body: endpoint.body } : {}),
    },
    recordsPath: endpoint.records,
    pagination: endpoint.pagination,
    ...(endpoint.incremental !== null ? { incremental: endpoint.incremental } : {}),
    primaryKey: endpoint.primaryKey ?? ASSUMED_PRIMARY_KEY,
    ...(endpoint.updatedAtPath !== undefined ? { updatedAtPath: endpoint.updatedAtPath } : {}),
    // Offset and page pagination carry their own page size.
    ...(endpoint.pageSize !== undefined && endpoint.pagination.type !== 'offset' && endpoint.pagination.type !== 'page' ? { pageSize: endpoint.pageSize } : {}),
  };
}

/** One line saying how sure discovery was and why; never more than one line. */
function detectionComment(name: string, endpoint: ListEndpoint): string {
  const evidence = [...endpoint.evidence];
  if (endpoint.primaryKey === null) evidence.push(`no record id found, primaryKey '${ASSUMED_PRIMARY_KEY}' assumed`);
  const why = evidence.join('; ').replace(/\s+/g, ' ').trim();
  return `// ${name}: ${endpoint.method} ${endpoint.path}, confidence ${endpoint.confidence.toFixed(2)}${why === '' ? '' : `: ${why}`}`;
}

/**
 * `src/generated/entities.ts`: per chosen entity the config discovery detected, as plain data
 * checked against core's `EntityConfig`. connector.ts spreads it into `defineEntity`, so a
 * regeneration updates the detected config while the hand-written overrides after the spread
 * stay.
 *
 * @example entitiesFile(context) // "export const charges = { request: ... } satisfies Omit<EntityConfig, 'unified'>;"
 */
export function entitiesFile(context: ScaffoldContext): string {
  const blocks = context.entities.map(
    ({ choice, endpoint }) =>
      `${detectionComment(choice.name, endpoint)}\nexport const ${choice.name} = ${tsLiteral(entityConfigOf(endpoint))} satisfies Omit<EntityConfig, 'unified'>;`,
  );
  return `${generatedHeader(context.platform)}\nimport type { EntityConfig } from '@portage/core';\n\n${blocks.join('\n\n')}\n`;
}
