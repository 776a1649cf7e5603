// Pre-filled where a record field matched by name and type: reference (from Reference).

import type { Invoice } from '@portage/core';
import type { InvoicesRecord } from '../generated/platform.js';

/** Maps one `invoices` record to a unified Invoice. */
export function toInvoice(raw: InvoicesRecord): Invoice {
  return {
    reference: raw.Reference,
  };
}
