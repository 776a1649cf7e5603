import type { ExportLinkState } from './export-tables.js';

/**
 * Which local record: the caller's own key for it (its id in the caller's system), within one
 * entity of one connection.
 *
 * @example const key: ExportLinkKey = { connectionId, entity: 'customers', localKey: 'crm-42' };
 */
export interface ExportLinkKey {
  connectionId: string;
  entity: string;
  localKey: string;
}

/**
 * What an export failed with, as stored on its link. A conflict also carries both times.
 *
 * @example const error: ExportError = { code: 'CONFLICT', action: 'alert_customer', message: '...', at: new Date().toISOString() };
 */
export interface ExportError {
  code: string;
  action: string;
  message: string;
  at: string;
  [key: string]: unknown;
}

/**
 * A local record's link to its platform record, and the state of its exports.
 *
 * @example const link = await getExportLink(db, key); link?.externalId;
 */
export interface ExportLink extends ExportLinkKey {
  /** The platform's id of the record, once created (or linked). */
  externalId?: string;
  state: ExportLinkState;
  /** How many exports were requested for this record; a job with a lower number is superseded. */
  requestedSeq: number;
  /** The idempotency key of the attempt in progress, reused by its retries. */
  idempotencyKey?: string;
  /** Content hash of the record the attempt in progress writes. */
  attemptHash?: string;
  /** The body the attempt in progress sends, resent unchanged by its retries. */
  attemptBody?: unknown;
  /** Set while a create was sent and its outcome is not known (its answer was lost). */
  createSentAt?: Date;
  /** Content hash of the record as last written successfully: exporting it again changes nothing. */
  exportedHash?: string;
  /** The platform's updated-at after the last successful write. */
  remoteUpdatedAt?: Date;
  /** Content hash (updatedAt left out) of the platform's record after the last successful write. */
  remoteHash?: string;
  lastError?: ExportError;
  exportedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}
