import type { EntityConfig, EntityExport, ExportOperation } from '@portage/core';
import type { DetectedWrite, EntityWrites, ListEndpoint } from '../model.js';
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

/** The serialisable part of an entity's export: everything `EntityExport` takes but the `from` mappings. */
export type ExportConfig = Omit<EntityExport, 'create' | 'update'> & { create?: ExportOperation; update?: ExportOperation };

/** The name of an entity's export config in generated/entities.ts: `customersExport`. */
export const exportConfigName = (entity: string) => `${entity}Export`;

/** A spec path with the record's id parameter written as core's `{id}`: `/v1/customers/{customer}` -> `/v1/customers/{id}`. */
function withIdPlaceholder(path: string, idParam: string): string {
  const at = path.lastIndexOf(`{${idParam}}`);
  return at < 0 ? path : `${path.slice(0, at)}{id}${path.slice(at + idParam.length + 2)}`;
}

function exportOperationOf(write: DetectedWrite): ExportOperation {
  return {
    method: write.method,
    path: write.idParam === undefined ? write.path : withIdPlaceholder(write.path, write.idParam),
    bodyFormat: write.bodyFormat,
    ...(write.recordPath ? { recordPath: write.recordPath } : {}),
  };
}

/**
 * The detected, serialisable export config of one entity: method, path (`{id}` for the record's
 * id), body format and response record path of the create and update, the read used by the
 * conflict check, and the idempotency header when the spec declares one.
 *
 * @example exportConfigOf(endpoint.writes) // { create: { method: 'POST', path: '/v1/customers', bodyFormat: 'form' }, ... }
 */
export function exportConfigOf(writes: EntityWrites): ExportConfig {
  return {
    ...(writes.create ? { create: exportOperationOf(writes.create) } : {}),
    ...(writes.update ? { update: exportOperationOf(writes.update) } : {}),
    ...(writes.read
      ? { read: { path: withIdPlaceholder(writes.read.path, writes.read.idParam), ...(writes.read.recordPath ? { recordPath: writes.read.recordPath } : {}) } }
      : {}),
    ...(writes.idempotencyHeader ? { idempotencyHeader: writes.idempotencyHeader } : {}),
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
 * checked against core's `EntityConfig`, and, when the spec can write its records, its export
 * config (`<entity>Export`: create, update, read, without the `from` mappings). connector.ts
 * spreads them into `defineEntity`, so a regeneration updates the detected config while the
 * hand-written overrides after the spread stay.
 *
 * @example entitiesFile(context) // "export const charges = { request: ... } satisfies Omit<EntityConfig, 'unified'>;"
 */
export function entitiesFile(context: ScaffoldContext): string {
  const blocks = context.entities.flatMap(({ choice, endpoint, export: writes }) => [
    `${detectionComment(choice.name, endpoint)}\nexport const ${choice.name} = ${tsLiteral(entityConfigOf(endpoint))} satisfies Omit<EntityConfig, 'unified'>;`,
    ...(writes === undefined
      ? []
      : [
          `// ${choice.name} export: ${writes.writes.evidence.join('; ').replace(/\s+/g, ' ')}\n` +
            `export const ${exportConfigName(choice.name)} = ${tsLiteral(exportConfigOf(writes.writes))} satisfies ExportConfig;`,
        ]),
  ]);
  const exports = context.entities.some((entity) => entity.export !== undefined);
  const imports = exports
    ? "import type { EntityConfig, EntityExport, ExportOperation } from '@portage/core';\n\n" +
      '/** What an entity export declares besides its `from` mappings (added in connector.ts). */\n' +
      "type ExportConfig = Omit<EntityExport, 'create' | 'update'> & { create?: ExportOperation; update?: ExportOperation };\n"
    : "import type { EntityConfig } from '@portage/core';\n";
  return `${generatedHeader(context.platform)}\n${imports}\n${blocks.join('\n\n')}\n`;
}
