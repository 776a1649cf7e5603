import type { Payment } from '@portage/core';
import type { PaymentsRecord } from '../generated/platform.js';
import { money, need, opt, sideOf, xeroDate, xeroDateTime } from './shared.js';

const STATUS: Record<string, Payment['status']> = { AUTHORISED: 'completed', DELETED: 'voided' };

/** Maps one `payments` record to a unified Payment. */
export function toPayment(raw: PaymentsRecord): Payment {
  // A Xero payment settles one document (an invoice, credit note, prepayment or overpayment),
  // in that document's currency; the payment itself carries none.
  const settled = raw.Invoice ?? raw.CreditNote ?? raw.Prepayment ?? raw.Overpayment;
  const amount = money(need(raw.Amount, 'Amount'), need(settled?.CurrencyCode, 'CurrencyCode of the paid document'));
  const invoiceId = raw.Invoice?.InvoiceID;
  return {
    id: need(raw.PaymentID, 'PaymentID'),
    updatedAt: opt(raw.UpdatedDateUTC, xeroDateTime),
    type: sideOf(need(raw.PaymentType ?? settled?.Type, 'PaymentType')),
    contactId: settled?.Contact?.ContactID,
    status: STATUS[raw.Status ?? ''] ?? 'other',
    date: xeroDate(need(raw.Date, 'Date')),
    amount,
    accountId: raw.Account?.AccountID,
    allocations: invoiceId ? [{ invoiceId, amount }] : undefined,
    reference: raw.Reference || undefined,
  };
}
