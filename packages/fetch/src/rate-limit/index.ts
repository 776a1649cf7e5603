export {
  createRateLimiter,
  DEFAULT_LIMITER_CONCURRENCY,
  type RateLimiter,
  type RateLimiterOptions,
} from './rate-limiter.js';
export { parseRateLimitHeaders, type RateLimitInfo } from './rate-limit-headers.js';
export { createSemaphore, type Semaphore } from './semaphore.js';
export { createSlidingWindow, windowDelay, type SlidingWindow, type WindowBudget } from './sliding-window.js';
