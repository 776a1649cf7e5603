import type { Connector } from '@portage/core';
import { assertPortageConfig } from './assert-portage-config.js';

/**
 * One entity of a refresh config as written, e.g. `{ entity: 'orders', window: '3 months' }`.
 * Checked in full by `parseRefreshConfig` when a command uses it.
 *
 * @example const orders: RefreshEntityInput = { entity: 'orders', window: '3 months', incremental: { every: '0 * * * *' } };
 */
export interface RefreshEntityInput {
  entity: string;
  [setting: string]: unknown;
}

/**
 * A refresh config as written in the config module (the same shape as its YAML).
 *
 * @example const refresh: RefreshConfigSource = { entities: [{ entity: 'orders', window: 'all' }], defaults: { pageSize: 500 } };
 */
export interface RefreshConfigSource {
  entities: readonly RefreshEntityInput[];
  defaults?: Readonly<Record<string, unknown>>;
}

/**
 * What a `portage.config.ts` default-exports: the connectors the CLI may run (by platform
 * name, the `platform` of a connection), refresh configs, and where the data lives.
 *
 * @example
 * const config: PortageConfig = { connectors: { shop }, refresh: { shop: './refresh/shop.yaml' } };
 */
export interface PortageConfig {
  /** Connector per platform name; `portage connect --platform <name>` must name one of them. */
  connectors: Readonly<Record<string, Connector>>;
  /**
   * Refresh config per connection id or platform name (a connection id wins): an object, or
   * the path of a YAML/JSON file relative to the config module.
   */
  refresh?: Readonly<Record<string, RefreshConfigSource | string>>;
  /** `url` is overridden by `--database-url`; otherwise it wins over `DATABASE_URL`. */
  database?: { url?: string; schema?: string };
  /** Postgres schema of pg-boss (default `pgboss`). */
  queue?: { schema?: string };
}

/**
 * Declares the CLI's config, checked at once so a typo fails when the module loads, with the
 * field named. Default-export the result from `portage.config.ts` (or `.mjs`/`.js`).
 *
 * @throws PortageError CONFIG_INVALID naming the field at fault.
 * @example
 * // portage.config.ts
 * import { definePortageConfig } from '@portage/cli';
 * import { createShopConnector } from '@acme/connector-shop';
 *
 * export default definePortageConfig({
 *   connectors: { shop: createShopConnector('https://shop.example.com') },
 *   refresh: { shop: './refresh/shop.yaml' },
 *   database: { url: process.env.DATABASE_URL, schema: 'portage' },
 * });
 */
export function definePortageConfig(config: PortageConfig): PortageConfig {
  assertPortageConfig(config, 'definePortageConfig');
  return config;
}
