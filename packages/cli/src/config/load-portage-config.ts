import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isPortageError, PortageError } from '@portage/core';
import { assertPortageConfig } from './assert-portage-config.js';
import type { PortageConfig } from './define-portage-config.js';

/**
 * The file names looked for in the current directory, first match wins.
 *
 * @example CONFIG_FILE_NAMES[0]; // 'portage.config.ts'
 */
export const CONFIG_FILE_NAMES = ['portage.config.ts', 'portage.config.mts', 'portage.config.mjs', 'portage.config.js'] as const;

/**
 * A config and where it came from (refresh file paths are relative to `dir`).
 *
 * @example const { config, dir } = loaded;
 */
export interface LoadedConfig {
  config: PortageConfig;
  /** The module's path, or `undefined` for a config object handed to `main`. */
  path: string | undefined;
  dir: string;
}

const TYPESCRIPT = /\.[cm]?ts$/;

/**
 * Finds and imports the config module: `path` when given (relative to `cwd`), else the first
 * of {@link CONFIG_FILE_NAMES} in `cwd`. TypeScript configs load through tsx when the
 * process cannot import `.ts` by itself.
 *
 * @returns `undefined` when no path was given and no config file exists.
 * @throws PortageError CONFIG_INVALID when the file is missing, fails to load, or has no valid default export.
 * @example const loaded = await loadPortageConfig({ cwd: process.cwd(), path: flags.config });
 */
export async function loadPortageConfig(options: { cwd: string; path?: string | undefined }): Promise<LoadedConfig | undefined> {
  let path: string | undefined;
  if (options.path !== undefined) {
    path = isAbsolute(options.path) ? options.path : resolve(options.cwd, options.path);
    if (!existsSync(path)) {
      throw new PortageError('CONFIG_INVALID', `config file ${path} does not exist: check the --config path`, { context: { source: path } });
    }
  } else {
    path = CONFIG_FILE_NAMES.map((name) => resolve(options.cwd, name)).find((candidate) => existsSync(candidate));
    if (path === undefined) return undefined;
  }
  const module = await importConfig(path);
  const config = (module as { default?: unknown }).default;
  if (config === undefined) {
    throw new PortageError('CONFIG_INVALID', `${path} has no default export: write export default definePortageConfig({ connectors: { ... } })`, {
      context: { source: path },
    });
  }
  assertPortageConfig(config, path);
  return { config, path, dir: dirname(path) };
}

async function importConfig(path: string): Promise<unknown> {
  const url = pathToFileURL(path).href;
  try {
    return await import(url);
  } catch (error) {
    if (TYPESCRIPT.test(path) && (error as { code?: unknown }).code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      await registerTypeScript(path);
      return importOrExplain(url, path);
    }
    throw loadFailed(path, error);
  }
}

async function importOrExplain(url: string, path: string): Promise<unknown> {
  try {
    return await import(url);
  } catch (error) {
    throw loadFailed(path, error);
  }
}

// tsx is optional: a built CLI with a .js config never needs it, so it is looked up only here.
async function registerTypeScript(path: string): Promise<void> {
  const specifier = 'tsx/esm/api';
  try {
    const tsx = (await import(specifier)) as { register(): unknown };
    tsx.register();
  } catch (cause) {
    throw new PortageError('CONFIG_INVALID', `${path} is TypeScript and tsx is not installed: npm install --save-dev tsx, or write the config as .mjs`, {
      cause,
      context: { source: path },
    });
  }
}

function loadFailed(path: string, error: unknown): PortageError {
  // definePortageConfig (or a connector) already said what is wrong, with the field.
  if (isPortageError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new PortageError('CONFIG_INVALID', `could not load ${path}: ${reason}`, { cause: error, context: { source: path } });
}
