export type { WebhookEventState, WebhookEventsTable, WebhookSubscriptionStatus, WebhookSubscriptionsTable, WebhookTables } from './webhook-tables.js';
export {
  createWebhookSubscriptionStore,
  DEFAULT_MAX_SILENCE_SECONDS,
  type WebhookSubscription,
  type WebhookSubscriptionStore,
} from './webhook-subscription-store.js';
export { recordWebhookDelivery, type DeliveryTransaction, type RecordedDelivery, type WebhookDelivery } from './record-webhook-delivery.js';
export { markSilentSubscriptions, type SilencedSubscription } from './mark-silent-subscriptions.js';
export { sqlExecutorFor, type SqlExecutor } from './sql-executor.js';
