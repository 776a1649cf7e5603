import { PortageError } from '@portage/core';
import type { PortageConfig } from './define-portage-config.js';

const KEYS = ['connectors', 'refresh', 'database', 'queue'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(source: string, field: string, reason: string): PortageError {
  return new PortageError('CONFIG_INVALID', `${source}: ${field} ${reason}`, { context: { source, fieldPath: field } });
}

function optionalText(source: string, owner: Record<string, unknown>, path: string, keys: readonly string[]): void {
  for (const [key, value] of Object.entries(owner)) {
    if (!keys.includes(key)) throw invalid(source, `${path}.${key}`, `is not a setting: use ${keys.join(' or ')}`);
    if (value !== undefined && typeof value !== 'string') throw invalid(source, `${path}.${key}`, 'must be a string');
  }
}

/**
 * Checks the shape of a Portage config (connectors look like `defineConnector` output,
 * refresh entries are objects or paths, settings are strings). The refresh configs themselves
 * are checked by `parseRefreshConfig` when a command uses them.
 *
 * @throws PortageError CONFIG_INVALID naming the field, e.g. `connectors.shop`.
 * @example assertPortageConfig(imported.default, './portage.config.ts');
 */
export function assertPortageConfig(value: unknown, source: string): asserts value is PortageConfig {
  if (!isObject(value)) {
    throw new PortageError('CONFIG_INVALID', `${source}: the config must be an object: export default definePortageConfig({ connectors: { ... } })`, {
      context: { source },
    });
  }
  for (const key of Object.keys(value)) {
    if (!KEYS.includes(key)) throw invalid(source, key, `is not a config key: use ${KEYS.join(', ')}`);
  }
  if (!isObject(value.connectors)) {
    throw invalid(source, 'connectors', 'is missing: write connectors: { <platform>: <connector> }, e.g. connectors: { shop: createShopConnector(url) }');
  }
  for (const [platform, connector] of Object.entries(value.connectors)) {
    if (!isObject(connector) || typeof connector.baseUrl !== 'string' || !isObject(connector.entities)) {
      throw invalid(source, `connectors.${platform}`, 'is not a connector: pass what defineConnector(...) returns');
    }
  }
  if (value.refresh !== undefined) {
    if (!isObject(value.refresh)) throw invalid(source, 'refresh', 'must map connection ids or platforms to refresh configs');
    for (const [key, refresh] of Object.entries(value.refresh)) {
      if (typeof refresh !== 'string' && !isObject(refresh)) {
        throw invalid(source, `refresh.${key}`, 'must be a refresh config ({ entities: [...] }) or the path of a YAML/JSON file');
      }
    }
  }
  for (const [key, allowed] of [
    ['database', ['url', 'schema']],
    ['queue', ['schema']],
  ] as const) {
    const section = value[key];
    if (section === undefined) continue;
    if (!isObject(section)) throw invalid(source, key, `must be an object with ${allowed.join(' and ')}`);
    optionalText(source, section, key, allowed);
  }
}
