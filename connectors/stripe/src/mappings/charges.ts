// Pre-filled where a record field matched by name and type: id, description.

import type { Transaction } from '@portage/core';
import type { ChargesRecord } from '../generated/platform.js';

/** Maps one `charges` record to a unified Transaction. */
export function toTransaction(raw: ChargesRecord): Transaction {
  return {
    id: raw.id,
    description: raw.description ?? undefined,
  };
}
