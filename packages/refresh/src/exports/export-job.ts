import type { ExportInput } from './export-target.js';

/**
 * What one export job carries: one record to write. `seq` comes from `requestExport` and lets
 * an older job of the same record step aside for a newer one.
 *
 * @example const data: ExportJobData = { connectionId, entity: 'customers', localKey: 'crm-42', record, seq: 3 };
 */
export interface ExportJobData extends Omit<ExportInput, 'signal'> {
  /** Set on jobs the worker dead-lettered itself (errors a retry cannot fix): why. */
  deadLetter?: { code: string; action: string; message: string; at: string };
}
