import { randomUUID } from 'node:crypto';
import type { AccountsRecord, ContactsRecord, InvoicesRecord, PaymentsRecord } from '@portage/connector-xero';
import type { SpecHandler, SpecHandlers, SpecRequest } from '@portage/spec-server';
import { epochOf, msDate, XERO_PAGE_SIZE, xeroAccounts, xeroContacts, xeroInvoices, xeroPayments } from './records.js';

/** What the fake Xero holds; tests change it to play edits made in Xero. */
export interface XeroState {
  invoices: InvoicesRecord[];
  contacts: ContactsRecord[];
  accounts: AccountsRecord[];
  payments: PaymentsRecord[];
}

/**
 * A fresh copy of the records the fake Xero serves.
 *
 * @example const state = xeroState();
 */
export function xeroState(): XeroState {
  return { invoices: xeroInvoices(), contacts: xeroContacts(), accounts: xeroAccounts(), payments: xeroPayments() };
}

/**
 * What varies from one Xero answer to the next: its `Id` and `DateTimeUTC`. Recording fixes
 * both, so re-recording unchanged data gives the same files.
 *
 * @example { now: () => new Date('2024-06-01T00:00:00Z'), responseId: () => '00000000-0000-4000-8000-000000000000' }
 */
export interface XeroEnvelopeOptions {
  now?: () => Date;
  responseId?: () => string;
}

/**
 * A Xero list endpoint: `If-Modified-Since` keeps records created or changed since then; with
 * `page`, 100 records of page N (1-based; past the end, an empty list); without it the whole
 * list at once (GET /Invoices then leaves line items out).
 */
function xeroList<T extends { UpdatedDateUTC?: string }>(key: string, records: (request: SpecRequest) => T[], paged: boolean, options: XeroEnvelopeOptions): SpecHandler {
  const now = options.now ?? (() => new Date());
  const responseId = options.responseId ?? randomUUID;
  return (request) => {
    let selected = records(request);
    const since = request.headers['if-modified-since'];
    if (since !== undefined) {
      const from = Date.parse(since);
      if (Number.isNaN(from)) return { status: 400, body: { ErrorNumber: 10, Type: 'ValidationException', Message: `If-Modified-Since "${since}" is not a date` } };
      selected = selected.filter((record) => record.UpdatedDateUTC !== undefined && epochOf(record.UpdatedDateUTC) >= from);
    }
    const page = request.query.page;
    if (paged && typeof page === 'string') {
      selected = selected.slice((Number(page) - 1) * XERO_PAGE_SIZE, Number(page) * XERO_PAGE_SIZE);
    } else if (key === 'Invoices') {
      selected = selected.map((record) => Object.fromEntries(Object.entries(record).filter(([name]) => name !== 'LineItems')) as T);
    }
    return {
      status: 200,
      body: { Id: responseId(), Status: 'OK', ProviderName: 'Portage e2e', DateTimeUTC: msDate(now().toISOString()), [key]: selected },
    };
  };
}

/**
 * The spec server handlers of a fake Xero: invoices, contacts and payments in pages of 100,
 * the chart of accounts in one answer, all read from `state` when each request arrives.
 *
 * @example startSpecSyncWorld({ platform: 'xero', connector: xero, tenant, credentials, handlers: xeroHandlers(xeroState()) });
 */
export function xeroHandlers(state: XeroState, options: XeroEnvelopeOptions = {}): SpecHandlers {
  return {
    'GET /Invoices': xeroList('Invoices', () => state.invoices, true, options),
    // Archived contacts only with includeArchived=true.
    'GET /Contacts': xeroList('Contacts', (request) => state.contacts.filter((contact) => request.query.includeArchived === 'true' || contact.ContactStatus !== 'ARCHIVED'), true, options),
    // The whole chart of accounts in one response: GET /Accounts has no paging.
    'GET /Accounts': xeroList('Accounts', () => state.accounts, false, options),
    'GET /Payments': xeroList('Payments', () => state.payments, true, options),
  };
}
