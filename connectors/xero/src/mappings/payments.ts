// Pre-filled where a record field matched by name and type: reference (from Reference).

import type { Payment } from '@portage/core';
import type { PaymentsRecord } from '../generated/platform.js';

/** Maps one `payments` record to a unified Payment. */
export function toPayment(raw: PaymentsRecord): Payment {
  return {
    reference: raw.Reference,
  };
}
