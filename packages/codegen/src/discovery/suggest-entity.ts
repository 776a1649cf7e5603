import type { UnifiedEntityName } from '@portage/core';
import { normalize, singular, words } from './names.js';
import type { SchemaView } from './schema-view.js';

/** Resource names (singular, no separators) that mean a unified entity. */
const NAME_KEYWORDS: readonly [string, UnifiedEntityName][] = [
  // Only as the whole name (Xero `Items`): `subscription_items` are no products.
  ['item', 'Product'],
  ['charge', 'Transaction'],
  ['paymentintent', 'Transaction'],
  ['transaction', 'Transaction'],
  ['refund', 'Transaction'],
  ['invoice', 'Invoice'],
  ['bill', 'Invoice'],
  ['invoiceitem', 'LineItem'],
  ['invoicelineitem', 'LineItem'],
  ['lineitem', 'LineItem'],
  ['invoiceline', 'LineItem'],
  ['orderline', 'LineItem'],
  ['customer', 'Customer'],
  ['buyer', 'Customer'],
  ['contact', 'Contact'],
  ['account', 'Account'],
  ['payment', 'Payment'],
  ['order', 'Order'],
  ['product', 'Product'],
  ['catalog', 'Product'],
  ['catalogitem', 'Product'],
  ['catalogobject', 'Product'],
  ['variant', 'Variant'],
  ['variation', 'Variant'],
  ['itemvariation', 'Variant'],
  ['price', 'Variant'],
  ['sku', 'Variant'],
  ['payout', 'Payout'],
  ['settlement', 'Payout'],
];

const WHOLE_NAME_ONLY = new Set(['item']);

/**
 * Field groups a record of each entity tends to have; a group counts when any of its
 * spellings (compared without case and separators) is a field.
 */
const SHAPES: Record<UnifiedEntityName, readonly (readonly string[])[]> = {
  Transaction: [['amount', 'amount_money', 'total_money'], ['currency', 'currency_code'], ['status'], ['fee', 'application_fee_amount', 'processing_fee', 'balance_transaction']],
  Payment: [['amount', 'amount_money'], ['currency', 'currency_code', 'currency_rate'], ['invoice', 'invoice_id', 'invoice_number'], ['date', 'payment_date', 'paid_at']],
  Invoice: [['total', 'amount_due', 'total_money', 'amount_remaining'], ['due_date', 'due_at'], ['line_items', 'lines'], ['invoice_number', 'number']],
  Customer: [['email', 'email_address'], ['first_name', 'given_name', 'name'], ['phone', 'phone_number'], ['address', 'addresses']],
  Contact: [['email', 'email_address'], ['name', 'first_name'], ['phones', 'phone', 'phone_number'], ['is_customer', 'is_supplier', 'contact_status']],
  Account: [['code', 'account_code', 'account_number'], ['name'], ['type', 'class', 'account_type'], ['currency_code', 'currency']],
  Order: [['line_items', 'line_item', 'lines'], ['total', 'total_price', 'total_money', 'pricing_summary'], ['customer', 'customer_id', 'buyer', 'email'], ['fulfillments', 'fulfillment_status', 'order_fulfillment_status']],
  Product: [['title', 'name'], ['variants', 'variations', 'skus'], ['description'], ['product_type', 'vendor', 'category', 'images']],
  Variant: [['sku'], ['price', 'unit_amount', 'unit_price', 'price_money'], ['product', 'product_id', 'item_id']],
  Payout: [['amount'], ['currency'], ['arrival_date', 'arrival', 'settle_date'], ['destination', 'bank_account']],
  LineItem: [['quantity'], ['unit_price', 'unit_amount', 'price', 'unit_cost'], ['sku', 'product_id', 'description']],
};

/** Weight of the name against the field shape; a name alone can reach 0.7. */
const NAME_WEIGHT = 0.7;
/** Below this the suggestion is noise: `null`. */
const MIN_SCORE = 0.3;

/**
 * How well a name means an entity: 1 when a keyword is its head noun (the last words:
 * `payment_intent` -> Transaction, `InvoiceLineItem` -> LineItem), 0.5 when a keyword is
 * only some earlier words (`ContactGroup` -> Contact). Keywords match whole words, so
 * `billing_portal` is no `bill`. The longest head match wins.
 */
function nameMatches(name: string): Map<UnifiedEntityName, number> {
  const parts = words(name).map(singular);
  const keywords = new Map(NAME_KEYWORDS);
  const scores = new Map<UnifiedEntityName, number>();
  let head: { entity: UnifiedEntityName; length: number } | undefined;
  for (let start = 0; start < parts.length; start++) {
    for (let end = start + 1; end <= parts.length; end++) {
      const run = parts.slice(start, end).join('');
      const entity = keywords.get(run);
      if (entity === undefined || (WHOLE_NAME_ONLY.has(run) && parts.length > 1)) continue;
      if (end === parts.length) {
        if (head === undefined || run.length > head.length) head = { entity, length: run.length };
      } else {
        scores.set(entity, Math.max(scores.get(entity) ?? 0, 0.5));
      }
    }
  }
  if (head !== undefined) scores.set(head.entity, 1);
  return scores;
}

function shapeScore(item: SchemaView, entity: UnifiedEntityName): number {
  const fields = new Set([...item.properties.keys()].map(normalize));
  const groups = SHAPES[entity];
  const matched = groups.filter((group) => group.some((field) => fields.has(normalize(field)))).length;
  return matched / groups.length;
}

/**
 * Suggests the unified entity a list endpoint's records become, from the names around them
 * (record schema, records path, path) and the record's fields (amount + currency, email,
 * sku, total...). Names weigh more than shape; `null` when nothing fits.
 *
 * @example suggestEntity(['charge', 'data', 'charges'], chargeView) // { name: 'Transaction', score: 1 }
 */
export function suggestEntity(names: readonly { name: string; weight: number }[], item: SchemaView): { name: UnifiedEntityName; score: number } | null {
  const byName = new Map<UnifiedEntityName, number>();
  for (const { name, weight } of names) {
    for (const [entity, score] of nameMatches(name)) byName.set(entity, Math.max(byName.get(entity) ?? 0, score * weight));
  }
  let best: { name: UnifiedEntityName; score: number } | null = null;
  for (const entity of Object.keys(SHAPES) as UnifiedEntityName[]) {
    const named = byName.get(entity) ?? 0;
    // Without a name, shape alone is capped well below a named match.
    const score = named > 0 ? NAME_WEIGHT * named + (1 - NAME_WEIGHT) * shapeScore(item, entity) : 0.5 * shapeScore(item, entity);
    if (score >= MIN_SCORE && (best === null || score > best.score)) best = { name: entity, score: Math.round(score * 100) / 100 };
  }
  return best;
}
