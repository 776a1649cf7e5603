import { describe, expect, it } from 'vitest';
import { parseExposition, valueOf } from '../../test/parse-exposition.js';
import { createWorkerMetrics } from './worker-metrics.js';

describe('createWorkerMetrics', () => {
  it('exposes jobs, records, errors and rate-limit waits in the Prometheus text format', async () => {
    const metrics = createWorkerMetrics();
    metrics.jobStarted('portage-sync');
    metrics.jobStarted('portage-sync');
    metrics.jobFinished('portage-sync', 'succeeded', 2.5);
    metrics.recordsWritten('orders', { created: 3, updated: 2, unchanged: 90, deleted: 1, rejected: 0 });
    metrics.recordsWritten('orders', { created: 4 });
    metrics.syncError('RATE_LIMITED');
    metrics.syncError('RATE_LIMITED');
    metrics.syncError('AUTH_INVALID');
    metrics.rateLimitWait('retry_after', 1.5);
    metrics.rateLimitWait('budget', 0.25);
    metrics.rateLimitWait('retry_after', 0.5);

    const text = await metrics.text();
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const { samples, types } = parseExposition(text);
    expect(types.get('portage_sync_jobs_total')).toBe('counter');
    expect(types.get('portage_sync_job_duration_seconds')).toBe('histogram');
    expect(types.get('portage_sync_jobs_active')).toBe('gauge');
    expect(types.get('portage_rate_limit_wait_seconds')).toBe('histogram');

    expect(valueOf(samples, 'portage_sync_jobs_total', { queue: 'portage-sync', outcome: 'succeeded' })).toBe(1);
    expect(valueOf(samples, 'portage_sync_jobs_active', { queue: 'portage-sync' })).toBe(1);
    expect(valueOf(samples, 'portage_sync_job_duration_seconds_count', { outcome: 'succeeded' })).toBe(1);
    expect(valueOf(samples, 'portage_sync_job_duration_seconds_sum', { outcome: 'succeeded' })).toBe(2.5);
    expect(valueOf(samples, 'portage_sync_job_duration_seconds_bucket', { outcome: 'succeeded', le: '1' })).toBe(0);
    expect(valueOf(samples, 'portage_sync_job_duration_seconds_bucket', { outcome: 'succeeded', le: '5' })).toBe(1);
    expect(valueOf(samples, 'portage_records_total', { entity: 'orders', change: 'created' })).toBe(7);
    expect(valueOf(samples, 'portage_records_total', { entity: 'orders', change: 'unchanged' })).toBe(90);
    expect(valueOf(samples, 'portage_records_total', { entity: 'orders', change: 'rejected' })).toBeUndefined();
    expect(valueOf(samples, 'portage_sync_errors_total', { code: 'RATE_LIMITED' })).toBe(2);
    expect(valueOf(samples, 'portage_sync_errors_total', { code: 'AUTH_INVALID' })).toBe(1);
    expect(valueOf(samples, 'portage_rate_limit_wait_seconds_count', { reason: 'retry_after' })).toBe(2);
    expect(valueOf(samples, 'portage_rate_limit_wait_seconds_sum', { reason: 'retry_after' })).toBe(2);
    expect(valueOf(samples, 'portage_rate_limit_wait_seconds_count', { reason: 'budget' })).toBe(1);
  });

  it('each worker has a registry of its own', async () => {
    const one = createWorkerMetrics();
    const two = createWorkerMetrics();
    one.syncError('TIMEOUT');
    expect(valueOf(parseExposition(await one.text()).samples, 'portage_sync_errors_total', { code: 'TIMEOUT' })).toBe(1);
    expect(valueOf(parseExposition(await two.text()).samples, 'portage_sync_errors_total', { code: 'TIMEOUT' })).toBeUndefined();
  });
});
