import type { Connection } from '@portage/persist';
import type { RefreshConfig, SyncJobData } from '@portage/refresh';
import type { CliRuntime } from '../runtime/cli-runtime.js';

/**
 * What the two ways of running `sync` (inline, through the queue) share.
 *
 * @example await syncInline({ runtime, connection, plan, startedAt, timeoutMs: undefined });
 */
export interface SyncRunOptions {
  runtime: CliRuntime;
  connection: Connection;
  plan: { mode: 'jobs'; jobs: SyncJobData[] } | { mode: 'refresh'; refresh: RefreshConfig };
  /** By the database's clock. */
  startedAt: Date;
  wait: boolean;
  timeoutMs: number | undefined;
}
