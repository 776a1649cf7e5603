import { DEFAULT_SCHEMA } from '@portage/persist';
import type { PortageConfig } from './define-portage-config.js';

/**
 * The database a command uses when nothing says otherwise: a local Postgres.
 *
 * @example DEFAULT_DATABASE_URL; // 'postgres://postgres@127.0.0.1:5432/postgres'
 */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The pg-boss schema when the config names none.
 *
 * @example DEFAULT_QUEUE_SCHEMA; // 'pgboss'
 */
export const DEFAULT_QUEUE_SCHEMA = 'pgboss';

/**
 * Where a command's data lives.
 *
 * @example const settings: CliSettings = { databaseUrl: DEFAULT_DATABASE_URL, schema: 'portage', queueSchema: 'pgboss' };
 */
export interface CliSettings {
  databaseUrl: string;
  schema: string;
  queueSchema: string;
}

/**
 * Pure: the database URL is `--database-url`, else the config's `database.url`, else
 * `DATABASE_URL`, else {@link DEFAULT_DATABASE_URL}. The config beats the environment because
 * a config that names a database means it (and can read `process.env` itself to defer).
 *
 * @example resolveSettings({ flagUrl: undefined, config: undefined, env: { DATABASE_URL: 'postgres://db/app' } }).databaseUrl; // 'postgres://db/app'
 */
export function resolveSettings(input: {
  flagUrl: string | undefined;
  config: PortageConfig | undefined;
  env: Readonly<Record<string, string | undefined>>;
}): CliSettings {
  const fromEnv = input.env.DATABASE_URL?.trim() ? input.env.DATABASE_URL : undefined;
  return {
    databaseUrl: input.flagUrl ?? input.config?.database?.url ?? fromEnv ?? DEFAULT_DATABASE_URL,
    schema: input.config?.database?.schema ?? DEFAULT_SCHEMA,
    queueSchema: input.config?.queue?.schema ?? DEFAULT_QUEUE_SCHEMA,
  };
}
