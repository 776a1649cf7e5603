export {
  createWebhookHandler,
  DEFAULT_MAX_BODY_BYTES,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from './handler/create-webhook-handler.js';
export { enqueueWebhookSyncs, type EnqueueWebhookSyncsInput } from './handler/enqueue-webhook-syncs.js';
export { SILENT_LOGGER, type IntakeLogger } from './handler/intake-logger.js';
export { createSilenceMonitor, SILENCE_MONITOR_QUEUE, type SilenceMonitor, type SilenceMonitorOptions } from './monitor/create-silence-monitor.js';
export { readWebhookEvents, type WebhookDeliveryEvents } from './events/read-webhook-events.js';
export { BodyTooLargeError, readRawBody } from './http/read-raw-body.js';
export { verifyWebhookSignature, type WebhookHeaders } from './signatures/verify-webhook-signature.js';
export { verifyTimestampedHmac, type TimestampedHmacOptions } from './signatures/verify-timestamped-hmac.js';
export { verifyBase64Hmac } from './signatures/verify-base64-hmac.js';
