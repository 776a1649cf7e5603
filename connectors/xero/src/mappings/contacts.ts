// Pre-filled where a record field matched by name and type: isCustomer (from IsCustomer), isSupplier (from IsSupplier), taxNumber (from TaxNumber).

import type { Contact } from '@portage/core';
import type { ContactsRecord } from '../generated/platform.js';

/** Maps one `contacts` record to a unified Contact. */
export function toContact(raw: ContactsRecord): Contact {
  return {
    isCustomer: raw.IsCustomer,
    isSupplier: raw.IsSupplier,
    taxNumber: raw.TaxNumber,
  };
}
