export {
  createEmbeddedDatabase,
  DEFAULT_EMBEDDED_DATA_DIR,
  IN_MEMORY,
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
  type ExecuteSql,
} from './create-embedded-database.js';
export { PgliteDialect } from './pglite-dialect.js';
export { LOCK_FILE } from './data-dir-lock.js';
