// Pre-filled where a record field matched by name and type: id, email, phone.

import type { Customer } from '@portage/core';
import type { CustomersRecord } from '../generated/platform.js';

/** Maps one `customers` record to a unified Customer. */
export function toCustomer(raw: CustomersRecord): Customer {
  return {
    id: raw.id,
    email: raw.email,
    phone: raw.phone,
  };
}
