// Pre-filled where a record field matched by name and type: companyName (from company_name).

import type { Customer } from '@portage/core';
import type { CustomersRecord } from '../generated/platform.js';

/** Maps one `customers` record to a unified Customer. */
export function toCustomer(raw: CustomersRecord): Customer {
  return {
    companyName: raw.company_name,
  };
}
