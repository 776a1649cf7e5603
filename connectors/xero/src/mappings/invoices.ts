import type { Invoice } from '@portage/core';
import type { InvoicesRecord } from '../generated/platform.js';
import { money, need, opt, sideOf, xeroDate, xeroDateTime } from './shared.js';

// SUBMITTED waits for approval, so it is not yet owed; DELETED is a removed draft, void for reporting.
const STATUS: Record<string, Invoice['status']> = { DRAFT: 'draft', SUBMITTED: 'draft', AUTHORISED: 'open', PAID: 'paid', VOIDED: 'void', DELETED: 'void' };

/** Maps one `invoices` record (an invoice, ACCREC, or a bill, ACCPAY) to a unified Invoice. */
export function toInvoice(raw: InvoicesRecord): Invoice {
  const amount = (value: number) => money(value, need(raw.CurrencyCode, 'CurrencyCode'));
  const total = amount(need(raw.Total, 'Total'));
  const amountDue = amount(need(raw.AmountDue, 'AmountDue'));
  return {
    id: need(raw.InvoiceID, 'InvoiceID'),
    updatedAt: opt(raw.UpdatedDateUTC, xeroDateTime),
    // Bills may have no number; drafts of sales invoices already have one.
    number: raw.InvoiceNumber || null,
    type: sideOf(need(raw.Type, 'Type')),
    contactId: need(raw.Contact?.ContactID, 'Contact.ContactID'),
    // Xero keeps a part-paid (or part-credited) invoice AUTHORISED: what is still due tells it apart.
    status: raw.Status === 'AUTHORISED' && amountDue.amount < total.amount ? 'partially_paid' : (STATUS[raw.Status ?? ''] ?? 'other'),
    issueDate: xeroDate(need(raw.Date, 'Date')),
    dueDate: opt(raw.DueDate, xeroDate),
    lineItems: (raw.LineItems ?? []).map((line) => {
      const taxAmount = opt(line.TaxAmount, amount);
      // Unified lines are before tax; Xero's LineAmount includes it when the amounts are tax inclusive.
      const beforeTax = need(line.LineAmount, 'LineItems.LineAmount') - (raw.LineAmountTypes === 'Inclusive' ? (line.TaxAmount ?? 0) : 0);
      return { id: line.LineItemID, description: line.Description || undefined, quantity: line.Quantity,
        unitAmount: opt(line.UnitAmount, amount), amount: amount(beforeTax), taxAmount };
    }),
    subtotal: opt(raw.SubTotal, amount),
    totalTax: opt(raw.TotalTax, amount),
    total,
    amountDue,
    reference: raw.Reference || undefined,
  };
}
