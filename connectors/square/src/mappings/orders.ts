// Pre-filled where a record field matched by name and type: customerId (from customer_id).

import type { Order } from '@portage/core';
import type { OrdersRecord } from '../generated/platform.js';

/** Maps one `orders` record to a unified Order. */
export function toOrder(raw: OrdersRecord): Order {
  return {
    customerId: raw.customer_id,
  };
}
