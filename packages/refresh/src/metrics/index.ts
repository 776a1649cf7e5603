export { createWorkerMetrics, type JobOutcome, type RateLimitReason, type WorkerMetrics } from './worker-metrics.js';
export { serveMetrics, type MetricsServer } from './serve-metrics.js';
