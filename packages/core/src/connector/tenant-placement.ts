import { z } from 'zod';
import { paramPlacementSchema } from './pagination.js';

/**
 * Where a request carries the connection's tenant. With `list`, a comma-separated tenant
 * ("L1,L2") goes into a JSON body as an array (Square's `location_ids`).
 *
 * @example { in: 'header', name: 'xero-tenant-id' }
 * @example { in: 'body', name: 'location_ids', list: true }
 */
export const tenantPlacementSchema = paramPlacementSchema.extend({ list: z.boolean().optional() });
export type TenantPlacement = z.infer<typeof tenantPlacementSchema>;
