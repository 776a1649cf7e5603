import { z } from 'zod';
import { externalIdSchema, isoDateSchema, unifiedRecordShape } from '../common.js';
import { moneySchema } from '../money.js';

/**
 * Whether an invoice is sent to a customer (`receivable`) or received from a supplier, a bill
 * (`payable`).
 *
 * @example invoiceTypeSchema.parse('payable')
 */
export const invoiceTypeSchema = z.enum(['receivable', 'payable']);

/**
 * Where an invoice is in its life; overdue is not a status (compare `dueDate` with today).
 *
 * @example invoiceStatusSchema.parse('partially_paid')
 */
export const invoiceStatusSchema = z.enum(['draft', 'open', 'partially_paid', 'paid', 'void', 'other']);

/**
 * One line of an invoice. Quantities may be fractional (hours, kilograms).
 *
 * @example invoiceLineItemSchema.parse({ description: 'Consulting', quantity: 1.5, amount: { amount: 15000, currency: 'GBP' } });
 */
export const invoiceLineItemSchema = z.strictObject({
  /** Absent when the platform does not id invoice lines. */
  id: externalIdSchema.optional(),
  description: z.string().optional(),
  quantity: z.number().optional(),
  unitAmount: moneySchema.optional(),
  /** The line total before tax. */
  amount: moneySchema,
  taxAmount: moneySchema.optional(),
  /** The ledger account the line posts to. */
  accountId: externalIdSchema.optional(),
  /** The catalogue item the line sells, if any. */
  itemId: externalIdSchema.optional(),
});

/**
 * One line of an invoice.
 *
 * @example const line: InvoiceLineItem = { description: 'Hosting', amount: { amount: 2000, currency: 'USD' } };
 */
export type InvoiceLineItem = z.infer<typeof invoiceLineItemSchema>;

/**
 * An invoice or bill in an accounting system.
 *
 * @example
 * invoiceSchema.parse({
 *   id: 'inv-1', number: 'INV-001', type: 'receivable', contactId: 'c-1', status: 'open',
 *   issueDate: '2024-03-01', dueDate: '2024-03-31', lineItems: [],
 *   total: { amount: 0, currency: 'EUR' }, amountDue: { amount: 0, currency: 'EUR' },
 * });
 */
export const invoiceSchema = z.strictObject({
  ...unifiedRecordShape,
  /** The number people see; `null` for drafts the platform has not numbered yet. */
  number: z.string().min(1).nullable(),
  type: invoiceTypeSchema,
  contactId: externalIdSchema,
  status: invoiceStatusSchema,
  issueDate: isoDateSchema,
  dueDate: isoDateSchema.optional(),
  lineItems: z.array(invoiceLineItemSchema),
  subtotal: moneySchema.optional(),
  totalTax: moneySchema.optional(),
  total: moneySchema,
  /** What is still unpaid. */
  amountDue: moneySchema,
  /** The customer's or supplier's own reference, such as a PO number. */
  reference: z.string().optional(),
  memo: z.string().optional(),
});

/**
 * An invoice or bill.
 *
 * @example const isSettled = (invoice: Invoice) => invoice.amountDue.amount === 0;
 */
export type Invoice = z.infer<typeof invoiceSchema>;
