// No Invoice field matched a record field by name and type; every field is mapped by hand.

import type { Invoice } from '@portage/core';
import type { InvoicesRecord } from '../generated/platform.js';

/** Maps one `invoices` record to a unified Invoice. */
export function toInvoice(_raw: InvoicesRecord): Invoice {
  return {};
}
