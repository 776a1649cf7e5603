import { PortageError } from '@portage/core';
import { createLogger, type Logger } from '@portage/fetch';
import { createConnectionStore, createDatabase, type ConnectionStore, type PortageDatabase } from '@portage/persist';
import { createPgBossQueue, type JobQueue } from '@portage/refresh';
import { CONFIG_FILE_NAMES, loadPortageConfig, type LoadedConfig } from '../config/load-portage-config.js';
import { resolveSettings, type CliSettings } from '../config/resolve-settings.js';
import { redactDatabaseUrl } from '../errors/redact-database-url.js';
import type { ResolvedIo } from '../io/cli-io.js';
import { deferredCipher } from './deferred-cipher.js';

/**
 * What a command works with, each part opened on first use and all closed by `close()`.
 *
 * @example
 * const runtime = await openRuntime(io, values);
 * try { await runtime.connections().list(); } finally { await runtime.close(); }
 */
export interface CliRuntime {
  io: ResolvedIo;
  settings: CliSettings;
  verbose: boolean;
  /** Where the data is, fit to print (the URL with its password redacted). */
  databaseLabel: string;
  /** The config, if one was given or found. */
  loaded: LoadedConfig | undefined;
  /** @throws PortageError CONFIG_INVALID when there is no config. */
  requireConfig(): LoadedConfig;
  database(): PortageDatabase;
  connections(): ConnectionStore;
  /** The pg-boss queue, started; `supervise` runs pg-boss maintenance here (workers only). */
  queue(options?: { supervise?: boolean }): Promise<JobQueue>;
  /**
   * JSON log lines on stderr: none unless verbose (`info` then) or `level` says otherwise.
   * Commands report failures themselves as `error CODE (action): message`.
   */
  logger(level?: string): Logger;
  close(): Promise<void>;
}

/**
 * Loads the config (a `CliIo.config` object wins over `--config` and the file search) and
 * resolves the settings.
 *
 * @example const runtime = await openRuntime(io, { config: undefined, 'database-url': undefined, verbose: false });
 */
export async function openRuntime(
  io: ResolvedIo,
  flags: { config?: string | undefined; 'database-url'?: string | undefined; verbose?: boolean | undefined },
): Promise<CliRuntime> {
  const loaded: LoadedConfig | undefined = io.config
    ? { config: io.config, path: undefined, dir: io.cwd }
    : await loadPortageConfig({ cwd: io.cwd, path: flags.config });
  const resolved = resolveSettings({ flagUrl: flags['database-url'], config: loaded?.config, env: io.env });
  const settings = io.database ? { ...resolved, schema: io.database.schema } : resolved;
  const verbose = flags.verbose === true;
  let database: PortageDatabase | undefined;
  let connections: ConnectionStore | undefined;
  let queue: Promise<JobQueue> | undefined;

  // A store or queue the caller passed in is theirs to close.
  const openDatabase = (): PortageDatabase => io.database ?? (database ??= createDatabase({ connectionString: settings.databaseUrl, schema: settings.schema }));

  return {
    io,
    settings,
    databaseLabel: io.database ? 'the database passed to main' : redactDatabaseUrl(settings.databaseUrl),
    verbose,
    loaded,
    requireConfig: () => {
      if (loaded) return loaded;
      throw new PortageError(
        'CONFIG_INVALID',
        `no config found in ${io.cwd} (looked for ${CONFIG_FILE_NAMES.join(', ')}): write one that does export default definePortageConfig({ connectors: { <platform>: <connector> } }), or pass --config <path>`,
      );
    },
    database: openDatabase,
    connections: () => (connections ??= createConnectionStore(openDatabase(), deferredCipher(io.env.PORTAGE_ENCRYPTION_KEY))),
    queue: async (options = {}) =>
      io.queue ??
      (queue ??= (async () => {
        const created = createPgBossQueue({ connectionString: settings.databaseUrl, schema: settings.queueSchema, supervise: options.supervise ?? false });
        await created.start();
        return created;
      })()),
    logger: (level) =>
      createLogger({ name: 'portage', level: level ?? (verbose ? 'info' : 'silent'), destination: { write: (line: string) => void io.stderr.write(line) } }),
    close: async () => {
      const started = queue;
      queue = undefined;
      // A queue that failed to start has nothing to stop.
      if (started) await (await started.catch(() => undefined))?.stop();
      await database?.destroy();
      database = undefined;
    },
  };
}
