import { PortageError } from '@portage/core';

// Identifier characters only: the schema name ends up in DDL, so nothing that needs quoting
// or could smuggle SQL. 63 is Postgres' identifier length limit (longer names are truncated).
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Throws `CONFIG_INVALID` unless `schema` is a plain Postgres identifier that is not reserved.
 *
 * @example assertSchemaName('portage'); // ok
 * @example assertSchemaName('portage; drop table x'); // throws CONFIG_INVALID
 */
export function assertSchemaName(schema: string): void {
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema)) {
    throw new PortageError(
      'CONFIG_INVALID',
      `schema name ${JSON.stringify(schema)} is not allowed: use letters, digits and underscores, starting with a letter or underscore, at most 63 characters`,
      { context: { schema } },
    );
  }
  if (schema.toLowerCase().startsWith('pg_')) {
    throw new PortageError('CONFIG_INVALID', `schema name "${schema}" starts with pg_, which Postgres reserves: pick another name`, {
      context: { schema },
    });
  }
}
