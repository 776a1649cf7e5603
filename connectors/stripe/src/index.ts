export { stripe } from './connector.js';
export type * from './generated/platform.js';
export { stripeWebhooks } from './webhooks.js';
