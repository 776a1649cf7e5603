export type { ExportLinkState, ExportLinksTable, ExportSlotsTable, ExportTables } from './export-tables.js';
export type { ExportError, ExportLink, ExportLinkKey } from './export-link.js';
export {
  beginExportAttempt,
  clearCreateSent,
  getExportLink,
  leaseExportLink,
  linkExport,
  listExportLinks,
  markCreateSent,
  recordExportFailure,
  recordExportSuccess,
  releaseExportLink,
  requestExport,
  type ExportWritten,
} from './export-links.js';
export { acquireExportSlot, releaseExportSlot, renewExportSlot, type ExportSlotLease } from './export-slots.js';
export { readSyncedRecord, type SyncedRecord } from './synced-record.js';
