import type { Customer } from '@portage/core';
import type { NetSuiteCustomer } from '../platform.js';
import { address, instant, internalId } from './shared.js';

/**
 * Maps one NetSuite customer to a unified Customer. A person's name comes from first/last
 * name, a company's from `companyName`; the address is the default billing entry of the
 * address book (else its first); an inactive customer is `disabled`.
 */
export function toCustomer(raw: NetSuiteCustomer): Customer {
  const book = raw.addressbookList?.addressbook ?? [];
  const entry = book.find((one) => one.defaultBilling) ?? book[0];
  return {
    id: internalId(raw),
    email: raw.email || undefined,
    phone: raw.phone || undefined,
    firstName: raw.firstName || undefined,
    lastName: raw.lastName || undefined,
    companyName: raw.companyName || undefined,
    status: raw.isInactive ? 'disabled' : 'active',
    address: address(entry?.addressbookAddress),
    acceptsMarketing: raw.globalSubscriptionStatus ? raw.globalSubscriptionStatus.endsWith('OptIn') : undefined,
    createdAt: instant(raw.dateCreated),
    updatedAt: instant(raw.lastModifiedDate),
  };
}
