import { PortageError } from '../errors/portage-error.js';
import type { UnifiedEntities, UnifiedEntityName } from '../unified/registry.js';

/**
 * One write request of an export: where it goes and how its body is sent.
 *
 * @example
 * const update: ExportOperation = { method: 'POST', path: '/v1/customers/{id}', bodyFormat: 'form' };
 */
export interface ExportOperation {
  method: 'POST' | 'PUT' | 'PATCH';
  /** Path of the request; `{id}` is replaced by the record's external id (update only). */
  path: string;
  /**
   * How the body is encoded: `json` (the default) or `form`, form-urlencoded with nested keys
   * such as `metadata[key]` (Stripe takes form bodies).
   */
  bodyFormat?: 'json' | 'form';
  /** Dot path of the written record in the response; '' or absent when the body is the record. */
  recordPath?: string;
}

/**
 * How records of one unified entity are written back to the platform: reverse mappings from
 * the unified record to the platform's create and update bodies, plus the read used by the
 * conflict check. The id of a created record is read at the entity's `primaryKey` path inside
 * the written record, its updated-at at the entity's `updatedAtPath`.
 *
 * @example
 * const customerExport: EntityExport<'Customer', Platform['CustomerCreate']> = {
 *   create: { method: 'POST', path: '/customers', from: fromCustomer },
 *   update: { method: 'PATCH', path: '/customers/{id}', from: fromCustomer },
 *   read: { path: '/customers/{id}' },
 *   idempotencyHeader: 'Idempotency-Key',
 * };
 */
export interface EntityExport<N extends UnifiedEntityName = UnifiedEntityName, CreateBody = unknown, UpdateBody = CreateBody> {
  // Method syntax on purpose: an entity of one unified type must stay assignable to
  // `Entity<unknown, UnifiedEntityName>` (connector records, contract suites), which a
  // function-typed property would forbid (parameters are checked contravariantly).
  create?: ExportOperation & { from(record: UnifiedEntities[N]): CreateBody };
  update?: ExportOperation & { from(record: UnifiedEntities[N]): UpdateBody };
  /** Reading one record, for the conflict check (`{id}` is replaced by the external id). */
  read?: { path: string; recordPath?: string };
  /** Header carrying an idempotency key, when the platform supports one (e.g. 'Idempotency-Key'). */
  idempotencyHeader?: string;
  /**
   * For platforms without idempotency keys: finds the record an earlier create may have made
   * when its answer was lost (a timeout), by a field the create sets, so a retry links it
   * instead of creating it twice. `query` builds the query string from the unified record.
   */
  lookup?: ExportLookup<N>;
}

/**
 * Finding an already created record by a field the create sets (an email, a reference number).
 *
 * @example
 * const lookup: ExportLookup<'Customer'> = { path: '/customers', query: (c) => ({ email: c.email ?? '' }), recordsPath: 'data' };
 */
export interface ExportLookup<N extends UnifiedEntityName = UnifiedEntityName> {
  path: string;
  query(record: UnifiedEntities[N]): Record<string, string>;
  /** Dot path of the matching records (an array) in the response; '' or absent = body. */
  recordsPath?: string;
}

const METHODS = ['POST', 'PUT', 'PATCH'] as const;

/**
 * Checks an entity's export declaration, so a typo fails when the connector loads instead of
 * on the first write. Throws CONFIG_INVALID naming the field.
 *
 * @example
 * validateEntityExport({ create: { method: 'POST', path: '/customers', from: fromCustomer } });
 */
export function validateEntityExport<N extends UnifiedEntityName>(value: EntityExport<N, unknown, unknown>): void {
  const fail = (message: string): never => {
    throw new PortageError('CONFIG_INVALID', `export.${message}`);
  };
  if (typeof value !== 'object' || value === null) fail('export must be an object with create and/or update');
  if (!value.create && !value.update) fail('create/update: declare at least one of create or update');
  for (const name of ['create', 'update'] as const) {
    const operation = value[name];
    if (operation === undefined) continue;
    if (typeof operation.from !== 'function') fail(`${name}.from: needs a function from the unified record to the request body`);
    if (!METHODS.includes(operation.method)) fail(`${name}.method: must be one of ${METHODS.join(', ')}`);
    checkPath(`${name}.path`, operation.path, fail);
    if (operation.bodyFormat !== undefined && operation.bodyFormat !== 'json' && operation.bodyFormat !== 'form') {
      fail(`${name}.bodyFormat: must be 'json' or 'form'`);
    }
    if (operation.recordPath !== undefined && typeof operation.recordPath !== 'string') fail(`${name}.recordPath: must be a dot path string`);
  }
  if (value.read !== undefined) {
    checkPath('read.path', value.read.path, fail);
    if (!value.read.path.includes('{id}')) fail('read.path: must contain {id}, replaced by the external id');
  }
  if (value.lookup !== undefined) {
    checkPath('lookup.path', value.lookup.path, fail);
    if (typeof value.lookup.query !== 'function') fail('lookup.query: needs a function from the unified record to the query');
  }
  if (value.idempotencyHeader !== undefined && (typeof value.idempotencyHeader !== 'string' || !/^[A-Za-z0-9-]+$/.test(value.idempotencyHeader))) {
    fail('idempotencyHeader: must be a header name such as Idempotency-Key');
  }
}

function checkPath(field: string, path: unknown, fail: (message: string) => never): void {
  if (typeof path !== 'string' || !path.startsWith('/')) fail(`${field}: must be a path starting with '/'`);
}
