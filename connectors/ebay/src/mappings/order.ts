// No Order field matched a record field by name and type; every field is mapped by hand.

import type { Order } from '@portage/core';
import type { OrderRecord } from '../generated/platform.js';

/** Maps one `order` record to a unified Order. */
export function toOrder(_raw: OrderRecord): Order {
  return {};
}
