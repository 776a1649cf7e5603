import type { Migration } from 'kysely';
import { initialSchema } from './0001-initial-schema.js';
import { pendingEventsByRecord } from './0002-pending-events-by-record.js';
import { exportLinks } from './0003-export-links.js';
import { webhookIntake } from './0004-webhook-intake.js';

/**
 * Every migration of `@portage/persist`, by name; Kysely runs them in name order. Listed in
 * code rather than read from a folder so bundlers and `dist/` need no migration files.
 *
 * @example Object.keys(PERSIST_MIGRATIONS); // ['0001_initial_schema', '0002_pending_events_by_record']
 */
export const PERSIST_MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001_initial_schema': initialSchema,
  '0002_pending_events_by_record': pendingEventsByRecord,
  '0003_export_links': exportLinks,
  '0004_webhook_intake': webhookIntake,
});
