import { PortageError, type Invoice, type InvoiceLineItem } from '@portage/core';
import type { InvoicesRecord, Stripe } from '../generated/platform.js';
import { idOf, isoTime, money } from './shared.js';

// `uncollectible` (written off, yet still payable) has no unified equivalent.
const STATUS: Readonly<Record<string, Invoice['status']>> = { draft: 'draft', open: 'open', paid: 'paid', void: 'void' };

/**
 * Maps one Stripe invoice to a unified receivable Invoice. Dates are UTC calendar dates; the
 * issue date is when the invoice was finalized (its creation, for drafts). Stripe embeds at
 * most the first page of lines (`lines.has_more`), so long invoices carry only those lines.
 */
export function toInvoice(raw: InvoicesRecord): Invoice {
  const contactId = idOf(raw.customer);
  // Only upcoming-invoice previews lack these; a listed invoice without them is a broken response.
  if (raw.id === undefined || contactId === undefined) throw new PortageError('MALFORMED_RESPONSE', `Stripe invoice ${raw.id ?? '(without id)'} has no id or no customer: check the response`);
  return {
    id: raw.id,
    number: raw.number || null,
    type: 'receivable',
    contactId,
    status: raw.status === 'open' && raw.amount_paid > 0 ? 'partially_paid' : (STATUS[raw.status ?? ''] ?? 'other'),
    issueDate: isoTime(raw.status_transitions.finalized_at ?? raw.created).slice(0, 10),
    dueDate: raw.due_date ? isoTime(raw.due_date).slice(0, 10) : undefined,
    lineItems: raw.lines.data.map(toLineItem),
    subtotal: money(raw.subtotal, raw.currency),
    totalTax: typeof raw.tax === 'number' ? money(raw.tax, raw.currency) : undefined,
    total: money(raw.total, raw.currency),
    amountDue: money(raw.amount_remaining, raw.currency),
    memo: raw.description ?? undefined,
    createdAt: isoTime(raw.created),
  };
}

function toLineItem(line: Stripe['line_item']): InvoiceLineItem {
  return {
    id: line.id,
    description: line.description ?? undefined,
    quantity: line.quantity ?? undefined,
    unitAmount: typeof line.price?.unit_amount === 'number' ? money(line.price.unit_amount, line.currency) : undefined,
    // `amount` includes inclusive taxes; the unified line amount is before tax.
    amount: money(line.amount_excluding_tax ?? line.amount, line.currency),
    taxAmount: line.tax_amounts?.length ? money(line.tax_amounts.reduce((sum, tax) => sum + tax.amount, 0), line.currency) : undefined,
    itemId: idOf(line.price?.product),
  };
}
