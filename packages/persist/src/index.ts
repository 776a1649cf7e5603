export {
  createDatabase,
  DEFAULT_SCHEMA,
  type DatabaseOptions,
  type PortageDatabase,
} from './database/create-database.js';
export { databaseNow, serverStartedAt } from './database/database-now.js';
export { copyText, type CopyIn, type CopyTransactionWork } from './database/transaction-with-copy.js';
export type {
  ChangeEventKind,
  ChangeEventsTable,
  CheckpointsTable,
  ConnectionHealth,
  ConnectionsTable,
  PortageTables,
  RecordsTable,
  SyncRunEntitiesTable,
  SyncRunKind,
  SyncRunStatus,
  SyncRunsTable,
  SyncSeenTable,
} from './database/tables.js';
export { migrateToLatest } from './migrations/migrate-to-latest.js';
export { PERSIST_MIGRATIONS } from './migrations/persist-migrations.js';
export { createCredentialCipher, type CredentialCipher } from './crypto/credential-cipher.js';
export {
  createConnectionStore,
  type Connection,
  type ConnectionStore,
  type NewConnection,
} from './connections/connection-store.js';
export { canonicalJson } from './records/canonical-json.js';
export { contentHash } from './records/content-hash.js';
export {
  writeRecords,
  type RecordInput,
  type WriteRecordsInput,
  type WriteRecordsOptions,
  type WriteResult,
} from './records/write-records.js';
export {
  clearPass,
  markDeleted,
  sweepUnseen,
  type MarkDeletedInput,
  type SweepUnseenInput,
} from './records/sweep-unseen.js';
export {
  createRecordReader,
  type ListRecordsOptions,
  type RecordReader,
  type StoredRecord,
} from './records/record-reader.js';
export {
  deleteCheckpoint,
  loadCheckpoint,
  saveCheckpoint,
  type Checkpoint,
  type CheckpointKey,
  type CheckpointValue,
} from './checkpoints/checkpoint-store.js';
export {
  addEntityProgress,
  finishRun,
  getRun,
  listRuns,
  MAX_RUN_ERRORS,
  startRun,
  type EntityProgress,
  type SyncRun,
  type SyncRunEntity,
} from './runs/sync-runs.js';
export type { RunError } from './runs/run-error.js';
export {
  createOutboxDispatcher,
  DEFAULT_MAX_ATTEMPTS,
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  nextAttemptDelayMs,
  signPayload,
  verifySignature,
  type DeadEvent,
  type DispatchResult,
  type OutboxDispatcher,
  type OutboxDispatcherOptions,
  type RetryScheduleOptions,
  type VerifySignatureOptions,
  type WebhookEndpoint,
  type WebhookEvent,
} from './outbox/dispatch/index.js';
export {
  createEmbeddedDatabase,
  DEFAULT_EMBEDDED_DATA_DIR,
  IN_MEMORY,
  PgliteDialect,
  LOCK_FILE,
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
  type ExecuteSql,
} from './embedded/index.js';
export {
  createWebhookSubscriptionStore,
  DEFAULT_MAX_SILENCE_SECONDS,
  markSilentSubscriptions,
  recordWebhookDelivery,
  sqlExecutorFor,
  type DeliveryTransaction,
  type RecordedDelivery,
  type SilencedSubscription,
  type SqlExecutor,
  type WebhookDelivery,
  type WebhookEventState,
  type WebhookEventsTable,
  type WebhookSubscription,
  type WebhookSubscriptionStatus,
  type WebhookSubscriptionStore,
  type WebhookSubscriptionsTable,
  type WebhookTables,
} from './webhooks/index.js';
export {
  acquireExportSlot,
  beginExportAttempt,
  clearCreateSent,
  getExportLink,
  leaseExportLink,
  linkExport,
  listExportLinks,
  markCreateSent,
  readSyncedRecord,
  recordExportFailure,
  recordExportSuccess,
  releaseExportLink,
  releaseExportSlot,
  renewExportSlot,
  requestExport,
  type ExportError,
  type ExportLink,
  type ExportLinkKey,
  type ExportLinkState,
  type ExportLinksTable,
  type ExportSlotLease,
  type ExportSlotsTable,
  type ExportTables,
  type ExportWritten,
  type SyncedRecord,
} from './exports/index.js';
