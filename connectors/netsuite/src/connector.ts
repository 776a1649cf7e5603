import { fileURLToPath } from 'node:url';
import { defineConnector, defineEntity, PortageError } from '@portage/core';
import { accountId, tokenCredentials, tokenPassportXml, type PassportMoment } from './auth/token-passport.js';
import { toCustomer } from './mappings/customers.js';
import { toInvoice } from './mappings/invoices.js';
import { toProduct } from './mappings/items.js';
import { toOrder } from './mappings/sales-orders.js';
import type { CurrencyOptions } from './mappings/shared.js';
import type { NetSuiteCustomer, NetSuiteInventoryItem, NetSuiteInvoice, NetSuiteSalesOrder } from './platform.js';
import { searchEntity, searchPreferencesXml } from './search.js';

export interface NetsuiteConnectorOptions {
  /** Local path of the SuiteTalk 2023.2 `netsuite.wsdl`, its `xsd/` folder beside it. */
  wsdl: string;
  /** Records per search page, 5 to 1000 (NetSuite's limits); default 200. */
  pageSize?: number;
  /** How currency records map to ISO codes; see README "Money". */
  currencies?: CurrencyOptions;
  /** Injected for tests: the nonce and time a passport is signed with. */
  passportMoment?: () => PassportMoment;
}

/**
 * The NetSuite connector, read over SuiteTalk SOAP 2023.2 with token-based auth: every call
 * carries a freshly signed `tokenPassport`, searches also `searchPreferences`. Each entity is
 * a `search` on its record type, continued with `searchMoreWithId`; incremental reads filter
 * `lastModifiedDate onOrAfter`. Calls go to the connection's account host, named by its
 * tenant (the account id).
 *
 * @example
 * const netsuite = createNetsuiteConnector({ wsdl: '/srv/wsdl/netsuite-2023_2/netsuite.wsdl', currencies: { default: 'USD' } });
 * // connection: tenant '1234567_SB1', credentials { type: 'oauth2', clientId, clientSecret, accessToken, tokenSecret }
 */
export function createNetsuiteConnector(options: NetsuiteConnectorOptions) {
  const pageSize = options.pageSize ?? 200;
  if (!Number.isInteger(pageSize) || pageSize < 5 || pageSize > 1000) {
    throw new PortageError('CONFIG_INVALID', `NetSuite pageSize must be a whole number from 5 to 1000, got ${pageSize}`);
  }
  const currencies = options.currencies ?? {};
  return defineConnector({
    name: 'netsuite',
    // The shared entry point; each connection's calls go to its account host (soap.baseUrl).
    baseUrl: 'https://webservices.netsuite.com',
    // No HTTP auth: the signed passport travels in the SOAP envelope.
    auth: { type: 'none' },
    // NetSuite allows few concurrent requests per integration; searches are slow.
    defaults: { concurrency: 1, timeoutMs: 120_000 },
    soap: {
      wsdl: options.wsdl,
      baseUrl: ({ tenant }) => `https://${accountId(tenant).host}.suitetalk.api.netsuite.com`,
      headers: ({ operation, credentials, tenant }) => {
        const passport = tokenPassportXml(tokenCredentials(credentials), accountId(tenant).passport, options.passportMoment?.());
        return operation.startsWith('search') ? [passport, searchPreferencesXml(pageSize)] : [passport];
      },
    },
    entities: {
      customers: defineEntity<NetSuiteCustomer, 'Customer'>({ unified: 'Customer', ...searchEntity('CustomerSearchBasic'), map: toCustomer }),
      salesOrders: defineEntity<NetSuiteSalesOrder, 'Order'>({ unified: 'Order', ...searchEntity('TransactionSearchBasic', ['_salesOrder']), map: (raw) => toOrder(raw, currencies) }),
      invoices: defineEntity<NetSuiteInvoice, 'Invoice'>({ unified: 'Invoice', ...searchEntity('TransactionSearchBasic', ['_invoice']), map: (raw) => toInvoice(raw, currencies) }),
      items: defineEntity<NetSuiteInventoryItem, 'Product'>({ unified: 'Product', ...searchEntity('ItemSearchBasic', ['_inventoryItem']), map: (raw) => toProduct(raw, currencies) }),
    },
  });
}

/** The connector's type. */
export type NetsuiteConnector = ReturnType<typeof createNetsuiteConnector>;

/**
 * The connector with its defaults, for tools that load a connector package (`portage drift`, a
 * worker's registry): the WSDL comes from `PORTAGE_NETSUITE_WSDL`, else the spec mirror beside
 * the checkout that `specs/netsuite/spec.lock.json` pins. Nothing is read until a sync opens it.
 */
export const netsuite = createNetsuiteConnector({
  wsdl: process.env.PORTAGE_NETSUITE_WSDL ?? fileURLToPath(new URL('../../../../shared/specs/wsdl/netsuite-2023_2/netsuite.wsdl', import.meta.url)),
});
