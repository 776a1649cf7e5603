export { xero } from './connector.js';
export type * from './generated/platform.js';
export { xeroWebhooks } from './webhooks.js';
