import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { PortageError, type Connector } from '@portage/core';
import { parseRefreshConfig, type RefreshConfig } from '@portage/refresh';
import type { LoadedConfig } from './load-portage-config.js';

/**
 * The refresh config of one connection: `refresh[<connection id>]`, else
 * `refresh[<platform>]`, parsed against the connector's entity names. Files are read again on
 * every call, so a running worker picks up edits at its next tick.
 *
 * @returns `undefined` when the config has no refresh entry for the connection.
 * @throws PortageError CONFIG_INVALID listing every problem of the refresh config.
 * @example const refresh = await resolveRefreshConfig(loaded, connection, connector);
 */
export async function resolveRefreshConfig(
  loaded: LoadedConfig,
  connection: { id: string; platform: string },
  connector: Connector,
): Promise<RefreshConfig | undefined> {
  const refresh = loaded.config.refresh ?? {};
  const key = connection.id in refresh ? connection.id : connection.platform in refresh ? connection.platform : undefined;
  if (key === undefined) return undefined;
  const entry = refresh[key];
  const knownEntities = Object.keys(connector.entities);
  if (typeof entry !== 'string') {
    return parseRefreshConfig(entry, { knownEntities, source: `${loaded.path ?? 'config'} refresh.${key}` });
  }
  const path = isAbsolute(entry) ? entry : resolve(loaded.dir, entry);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new PortageError('CONFIG_INVALID', `refresh.${key} names ${path}, which cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}): check the path (relative to the config file)`, {
      cause,
      context: { source: path, fieldPath: `refresh.${key}` },
    });
  }
  return parseRefreshConfig(text, { knownEntities, source: path });
}
