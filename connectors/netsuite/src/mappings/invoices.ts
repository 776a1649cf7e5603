import { PortageError, type Invoice } from '@portage/core';
import type { NetSuiteInvoice } from '../platform.js';
import { calendarDate, currencyOf, idOf, instant, internalId, maybeMoney, money, type CurrencyOptions } from './shared.js';

// Invoice `status` is the status text the account shows; amounts decide paid and partly paid.
const STATUS: Readonly<Record<string, Invoice['status']>> = { 'Pending Approval': 'draft', Rejected: 'void', Voided: 'void', 'Paid In Full': 'paid' };

/**
 * Maps one NetSuite invoice (searched with bodyFieldsOnly=false) to a unified receivable
 * Invoice with its `itemList` lines. Issue and due dates are the account's calendar dates.
 */
export function toInvoice(raw: NetSuiteInvoice, currencies: CurrencyOptions): Invoice {
  const currency = currencyOf(raw.currency, raw.currencyName, currencies);
  const contactId = idOf(raw.entity);
  const issueDate = calendarDate(raw.tranDate);
  if (!contactId || !issueDate) throw new PortageError('MALFORMED_RESPONSE', `NetSuite invoice ${internalId(raw)} has no entity or tranDate: check the search returns body fields`);
  const total = money(raw.total ?? 0, currency);
  const due = money(raw.amountRemaining ?? raw.balance ?? raw.total ?? 0, currency);
  const status = STATUS[raw.status ?? ''] ?? (due.amount === 0 && total.amount > 0 ? 'paid' : due.amount < total.amount ? 'partially_paid' : 'open');
  return {
    id: internalId(raw),
    number: raw.tranId || null,
    type: 'receivable',
    contactId,
    status,
    issueDate,
    dueDate: calendarDate(raw.dueDate),
    lineItems: (raw.itemList?.item ?? []).map((line) => ({
      id: line.line,
      description: line.description ?? line.item?.name,
      quantity: line.quantity === undefined ? undefined : Number(line.quantity),
      unitAmount: line.rate && !line.rate.endsWith('%') ? money(line.rate, currency) : undefined,
      amount: money(line.amount ?? 0, currency),
      taxAmount: maybeMoney(line.tax1Amt ?? line.taxAmount, currency),
      itemId: idOf(line.item),
    })),
    subtotal: maybeMoney(raw.subTotal, currency),
    totalTax: maybeMoney(raw.taxTotal, currency),
    total,
    amountDue: due,
    reference: raw.otherRefNum || undefined,
    memo: raw.memo || undefined,
    createdAt: instant(raw.createdDate),
    updatedAt: instant(raw.lastModifiedDate),
  };
}
