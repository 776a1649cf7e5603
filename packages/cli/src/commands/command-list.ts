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
  { name: 'export', summary: 'write records from a file to the platform (queued, or --inline); export replay', load: async () => (await import('./export.js')).exportCommand },
  { name: 'worker', summary: 'run sync jobs from the queue, and schedule refreshes', load: async () => (await import('./worker.js')).workerCommand },
  { name: 'serve', summary: 'receive platform webhooks: verify, store, queue an incremental sync', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'webhook-secret', summary: 'store a connection\'s webhook signing secret (encrypted)', load: async () => (await import('./webhook-secret.js')).webhookSecretCommand },
  { name: 'status', summary: 'show connections, their health and their latest runs', load: async () => (await import('./status.js')).statusCommand },
  { name: 'dlq', summary: 'list or replay dead-lettered sync jobs (dlq list, dlq replay)', load: async () => (await import('./dlq.js')).dlqCommand },
  { name: 'dashboard', summary: 'serve the sync status page (and its JSON API) over the store', load: async () => (await import('./dashboard.js')).dashboardCommand },
];
