import { defineConnector, defineEntity } from '@portage/core';
import * as generated from './generated/entities.js';
import type {
  AccountsRecord,
  ContactsRecord,
  InvoicesRecord,
  PaymentsRecord,
} from './generated/platform.js';
import { toInvoice } from './mappings/invoices.js';
import { toContact } from './mappings/contacts.js';
import { fromContact } from './mappings/contacts-export.js';
import { toAccount } from './mappings/accounts.js';
import { toPayment } from './mappings/payments.js';
import { xeroWebhooks } from './webhooks.js';

/**
 * The xero connector. Endpoints, pagination and incremental filters come from
 * ./generated/entities.ts (regenerated); override one by writing it after the spread.
 *
 * @example for await (const page of client.paginate(xero.entities.invoices)) console.log(page.records.length);
 */
export const xero = defineConnector({
  name: 'xero',
  baseUrl: 'https://api.xero.com/api.xro/2.0',
  // Auth from the spec's security scheme "OAuth2".
  auth: {
    type: 'oauth2',
    grant: 'refresh_token',
    tokenUrl: 'https://identity.xero.com/connect/token',
    scopes: ['accounting.contacts.read', 'accounting.settings', 'accounting.transactions.read'],
  },
  // Every Xero request names the organisation it reads: the connection's tenant.
  tenant: { in: 'header', name: 'xero-tenant-id' },
  webhooks: xeroWebhooks,
  entities: {
    invoices: defineEntity<InvoicesRecord, 'Invoice'>({ unified: 'Invoice', ...generated.invoices, map: toInvoice }),
    contacts: defineEntity<ContactsRecord, 'Contact'>({
      unified: 'Contact',
      ...generated.contacts,
      // Xero leaves ARCHIVED contacts out unless asked: a full sync would sweep them as deleted.
      request: { ...generated.contacts.request, query: { includeArchived: true } },
      map: toContact,
      // Create with PUT /Contacts, update with POST /Contacts/{ContactID}: both take and answer { Contacts: [...] }.
      export: {
        ...generated.contactsExport,
        create: { ...generated.contactsExport.create, from: fromContact },
        update: { ...generated.contactsExport.update, from: fromContact },
        // Xero takes an Idempotency-Key on every PUT and POST (its spec declares it since late 2023;
        // the pinned one is older): without it a retried create would hit "name already assigned".
        idempotencyHeader: 'Idempotency-Key',
      },
    }),
    accounts: defineEntity<AccountsRecord, 'Account'>({ unified: 'Account', ...generated.accounts, map: toAccount }),
    payments: defineEntity<PaymentsRecord, 'Payment'>({ unified: 'Payment', ...generated.payments, map: toPayment }),
  },
});
