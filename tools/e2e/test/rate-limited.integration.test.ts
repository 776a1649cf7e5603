import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from '../src/e2e-harness.js';

let e2e: E2e;

beforeAll(async () => {
  // 10 requests per 3 s window; the sync needs 21 pages of 500.
  e2e = await startE2e({ records: 10_000, recordBytes: 300, rateLimit: { requests: 10, intervalMs: 3_000 } });
});
afterAll(async () => e2e.close());

describe('a rate-limited sync', () => {
  it('is rescheduled at the reset time without spending a retry, and resumes where it stopped', async () => {
    const connectionId = await e2e.connect();
    // The fetch client may wait only 0.5 s itself: a longer reset reaches the job as RATE_LIMITED.
    await e2e.spawnWorker({ FETCH_MAX_RETRY_AFTER_MS: '500' });
    await e2e.enqueue({ connectionId, entity: 'customers', kind: 'full' });
    await e2e.waitForRuns(connectionId, 1, 60_000);

    expect(await e2e.storedHashes(connectionId)).toEqual(e2e.expectedHashes());
    const runs = await e2e.database.db.selectFrom('sync_runs').select('status').where('connection_id', '=', connectionId).execute();
    expect(runs).toEqual([{ status: 'succeeded' }]);
    const jobs = await sql<{ retry_count: number; state: string }>`select retry_count, state::text as state from ${sql.table(`${e2e.bossSchema}.job`)} where singleton_key = ${`${connectionId}:customers`}`.execute(e2e.database.db);
    // The first job and at least one follow-up sent for the reset time; none used a retry.
    expect(jobs.rows.length).toBeGreaterThanOrEqual(2);
    expect(jobs.rows.every((job) => job.retry_count === 0)).toBe(true);
    // The client read the quota headers and stopped before the platform had to refuse anything.
    expect(e2e.platform.requests().filter((r) => r.status === 429)).toEqual([]);
  }, 90_000);
});
