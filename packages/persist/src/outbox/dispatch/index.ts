// The outbox dispatcher: delivers `change_events` rows to a signed webhook endpoint.
export {
  createOutboxDispatcher,
  type DispatchResult,
  type OutboxDispatcher,
  type OutboxDispatcherOptions,
} from './create-outbox-dispatcher.js';
export { EVENT_ID_HEADER, type WebhookEndpoint } from './deliver-event.js';
export { type DeadEvent } from './list-dead-events.js';
export { DEFAULT_MAX_ATTEMPTS, nextAttemptDelayMs, type RetryScheduleOptions } from './retry-schedule.js';
export { SIGNATURE_HEADER, signPayload, verifySignature, type VerifySignatureOptions } from './sign-event.js';
export { type WebhookEvent } from './to-webhook-event.js';
