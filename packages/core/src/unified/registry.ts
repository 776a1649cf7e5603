import type { z } from 'zod';
import { PortageError } from '../errors/portage-error.js';
import { fieldProblems, formatProblems } from '../validation/field-problems.js';
import { accountSchema } from './accounting/account.js';
import { contactSchema } from './accounting/contact.js';
import { invoiceSchema } from './accounting/invoice.js';
import { paymentSchema } from './accounting/payment.js';
import { customerSchema } from './commerce/customer.js';
import { lineItemSchema } from './commerce/line-item.js';
import { orderSchema } from './commerce/order.js';
import { productSchema } from './commerce/product.js';
import { variantSchema } from './commerce/variant.js';
import { payoutSchema } from './payments/payout.js';
import { transactionSchema } from './payments/transaction.js';

/**
 * The version of the unified schema these types describe. Bumped only for breaking changes;
 * new optional fields and new enum values keep the version.
 *
 * @example if (stored.schemaVersion !== UNIFIED_SCHEMA_VERSION) migrate(stored);
 */
export const UNIFIED_SCHEMA_VERSION = 1;

/**
 * Every unified entity's schema by name.
 *
 * @example UNIFIED_SCHEMAS.Order.safeParse(record).success
 */
export const UNIFIED_SCHEMAS = {
  Order: orderSchema,
  LineItem: lineItemSchema,
  Product: productSchema,
  Variant: variantSchema,
  Customer: customerSchema,
  Account: accountSchema,
  Invoice: invoiceSchema,
  Payment: paymentSchema,
  Contact: contactSchema,
  Transaction: transactionSchema,
  Payout: payoutSchema,
} as const;

/**
 * The name of a unified entity.
 *
 * @example const target: UnifiedEntityName = 'Invoice';
 */
export type UnifiedEntityName = keyof typeof UNIFIED_SCHEMAS;

/**
 * The TypeScript type of each unified entity by name.
 *
 * @example type Row = UnifiedEntities['Order']; // same as Order
 */
export type UnifiedEntities = { [K in UnifiedEntityName]: z.infer<(typeof UNIFIED_SCHEMAS)[K]> };

/**
 * The names of all unified entities.
 *
 * @example UNIFIED_ENTITY_NAMES.includes('Payout') // true
 */
export const UNIFIED_ENTITY_NAMES: readonly UnifiedEntityName[] = Object.freeze(
  Object.keys(UNIFIED_SCHEMAS) as UnifiedEntityName[],
);

function idOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Validates a mapped record against its unified schema and returns the parsed value. Throws
 * PortageError VALIDATION_FAILED naming the entity, the record id (from `where` or the value)
 * and every failing field path with its reason; `context.fieldPath` holds the first path and
 * `context.fieldPaths` all of them.
 *
 * @example
 * const order = validateUnified('Order', mapShopifyOrder(raw), { entity: 'orders' });
 * // throws: VALIDATION_FAILED: Order 42: lineItems.0.price.amount: expected int, received number ...
 */
export function validateUnified<N extends UnifiedEntityName>(
  name: N,
  value: unknown,
  where: { entity?: string; recordId?: string } = {},
): UnifiedEntities[N] {
  const result = UNIFIED_SCHEMAS[name].safeParse(value);
  // The schema chosen by `name` produced the data, so it is that entity's type.
  if (result.success) return result.data as UnifiedEntities[N];

  const recordId = where.recordId ?? idOf(value);
  const problems = fieldProblems(result.error, `unknown field in unified schema v${UNIFIED_SCHEMA_VERSION}`);
  const subject = [name, recordId, where.entity === undefined ? undefined : `(platform entity ${where.entity})`]
    .filter((part) => part !== undefined)
    .join(' ');
  const detail = formatProblems(problems);
  throw new PortageError('VALIDATION_FAILED', `${subject}: ${detail}; fix the mapping that produces these fields`, {
    cause: result.error,
    context: {
      entity: where.entity ?? name,
      unifiedEntity: name,
      ...(recordId === undefined ? {} : { recordId }),
      fieldPath: problems[0]?.path,
      fieldPaths: problems.map((problem) => problem.path),
    },
  });
}
