import type { Command } from './command.js';

/**
 * A top-level command as `portage --help` lists it; its module loads only when it runs, so
 * `--help` does not load Postgres and pg-boss.
 *
 * @example const sync = await COMMANDS.find((entry) => entry.name === 'sync')?.load();
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/**
 * Every top-level command, in the order `portage --help` lists them.
 *
 * @example COMMANDS.map((entry) => entry.name); // ['generate', 'drift', 'migrate', 'connect', 'sync', 'worker', 'status', 'dlq']
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'generate', summary: 'generate a connector package from a platform\'s OpenAPI spec', load: async () => (await import('./generate.js')).generateCommand },
  { name: 'drift', summary: 'check connectors against a newer spec: what upstream change touches them', load: async () => (await import('./drift.js')).driftCommand },
  { name: 'migrate', summary: 'create or update the Portage tables', load: async () => (await import('./migrate.js')).migrateCommand },
  { name: 'connect', summary: 'create a connection (credentials encrypted) and print its id', load: async () => (await import('./connect.js')).connectCommand },
  { name: 'sync', summary: 'sync a connection now (queued for workers, or --inline)', load: async () => (await import('./sync.js')).syncCommand },
  { name: 'worker', summary: 'run sync jobs from the queue, and schedule refreshes', load: async () => (await import('./worker.js')).workerCommand },
  { name: 'status', summary: 'show connections, their health and their latest runs', load: async () => (await import('./status.js')).statusCommand },
  { name: 'dlq', summary: 'list or replay dead-lettered sync jobs (dlq list, dlq replay)', load: async () => (await import('./dlq.js')).dlqCommand },
];
