import type { Customer } from '@portage/core';
import type { CustomersRecord } from '../generated/platform.js';
import { toAddress } from './shared.js';

/** Maps one `customers` record to a unified Customer. */
export function toCustomer(raw: CustomersRecord): Customer {
  const unsubscribed = raw.preferences?.email_unsubscribed;
  return {
    // mapPage has checked the id before mapping; the spec marks it optional.
    id: String(raw.id),
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    email: raw.email_address,
    phone: raw.phone_number,
    firstName: raw.given_name,
    lastName: raw.family_name,
    companyName: raw.company_name,
    address: toAddress(raw.address),
    acceptsMarketing: unsubscribed === undefined ? undefined : !unsubscribed,
  };
}
