import { normalize, singularKey } from './names.js';
import { findProperty, type SchemaView } from './schema-view.js';

/** Last-modified field names, most specific first (compared without case and separators). */
const UPDATED_AT_NAMES = [
  'updated_at',
  'updatedAt',
  'UpdatedDateUTC',
  'lastModifiedDate',
  'last_modified_at',
  'modified_at',
  'last_modified',
  'updated_time',
  'date_modified',
  'modified_date',
  'last_updated',
  'updated_on',
  'modified_on',
  'updated',
  'modified',
];

/**
 * The record's id field: `id`, then `<Singular>ID` / `<singular>_id` / `<singular>Id` for
 * each resource name hint (Xero `InvoiceID`, eBay `orderId`), then `uuid`. Only fields the
 * record schema has count.
 *
 * @example detectPrimaryKey(invoiceView, ['Invoice', 'Invoices']) // 'InvoiceID'
 */
export function detectPrimaryKey(item: SchemaView, resourceNames: readonly string[]): string | null {
  const candidates = ['id', ...resourceNames.map((name) => `${singularKey(name)}id`), 'uuid'];
  return findProperty(item, candidates, normalize) ?? null;
}

/**
 * The record's last-modified field (`updated_at`, `UpdatedDateUTC`, `lastModifiedDate`, ...),
 * if it has one.
 *
 * @example detectUpdatedAt(chargeView) // undefined: Stripe charges have no such field
 */
export function detectUpdatedAt(item: SchemaView): string | undefined {
  return findProperty(item, UPDATED_AT_NAMES, normalize);
}
