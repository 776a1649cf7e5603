// Pre-filled where a record field matched by name and type: id.

import type { Variant } from '@portage/core';
import type { PricesRecord } from '../generated/platform.js';

/** Maps one `prices` record to a unified Variant. */
export function toVariant(raw: PricesRecord): Variant {
  return {
    id: raw.id,
  };
}
