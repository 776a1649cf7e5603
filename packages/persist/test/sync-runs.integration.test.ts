import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntityProgress,
  finishRun,
  getRun,
  listRuns,
  MAX_RUN_ERRORS,
  startRun,
  type PortageDatabase,
  type RunError,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

let testDatabase: TestDatabase;
let database: PortageDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = testDatabase.database;
});
afterAll(() => testDatabase.drop());

const error = (message: string): RunError => ({ code: 'RATE_LIMITED', action: 'wait_until', message, at: '2024-01-01T00:00:00.000Z' });

describe('sync runs', () => {
  it('starts running, adds up progress per entity and finishes', async () => {
    const connectionId = randomUUID();
    const runId = await startRun(database.db, { connectionId, kind: 'full' });

    await addEntityProgress(database.db, runId, 'order', { created: 2, unchanged: 8, pages: 1 });
    await addEntityProgress(database.db, runId, 'order', { updated: 1, deleted: 3, pages: 1, error: error('first') });
    await addEntityProgress(database.db, runId, 'order', { error: error('second') });
    await addEntityProgress(database.db, runId, 'customer', { created: 5, pages: 1 });

    const running = await getRun(database.db, runId);
    expect(running).toMatchObject({ id: runId, connectionId, kind: 'full', status: 'running', finishedAt: null, error: null });
    expect(running?.entities).toEqual([
      { entity: 'customer', created: 5, updated: 0, unchanged: 0, deleted: 0, pages: 1, errors: [] },
      { entity: 'order', created: 2, updated: 1, unchanged: 8, deleted: 3, pages: 2, errors: [error('first'), error('second')] },
    ]);

    await finishRun(database.db, runId, 'failed', error('gave up'));
    const finished = await getRun(database.db, runId);
    expect(finished).toMatchObject({ status: 'failed', error: error('gave up') });
    expect(finished?.finishedAt).toBeInstanceOf(Date);
  });

  it('counts concurrent progress from several workers', async () => {
    const runId = await startRun(database.db, { connectionId: randomUUID(), kind: 'incremental' });
    await Promise.all(Array.from({ length: 20 }, () => addEntityProgress(database.db, runId, 'order', { created: 1, pages: 1 })));
    expect((await getRun(database.db, runId))?.entities[0]).toMatchObject({ created: 20, pages: 20 });
  });

  it(`keeps the first ${MAX_RUN_ERRORS} errors of an entity`, async () => {
    const runId = await startRun(database.db, { connectionId: randomUUID(), kind: 'full' });
    for (let index = 0; index < MAX_RUN_ERRORS + 5; index += 1) {
      await addEntityProgress(database.db, runId, 'order', { error: error(`error ${index}`) });
    }
    const errors = (await getRun(database.db, runId))?.entities[0]?.errors ?? [];
    expect(errors).toHaveLength(MAX_RUN_ERRORS);
    expect(errors[0]?.message).toBe('error 0');
  });

  it('keeps the first finish', async () => {
    const runId = await startRun(database.db, { connectionId: randomUUID(), kind: 'full' });
    await finishRun(database.db, runId, 'succeeded');
    await finishRun(database.db, runId, 'failed', error('late'));
    expect(await getRun(database.db, runId)).toMatchObject({ status: 'succeeded', error: null });
  });

  it('lists a connection’s runs newest first, with their entities', async () => {
    const connectionId = randomUUID();
    const older = await startRun(database.db, { connectionId, kind: 'full' });
    const newer = await startRun(database.db, { connectionId, kind: 'incremental' });
    await startRun(database.db, { connectionId: randomUUID(), kind: 'full' });
    await addEntityProgress(database.db, older, 'order', { pages: 1 });

    const runs = await listRuns(database.db, connectionId, 10);
    expect(runs.map((run) => run.id)).toEqual([newer, older]);
    expect(runs[1]?.entities.map((entity) => entity.entity)).toEqual(['order']);
    expect(await listRuns(database.db, connectionId, 1)).toHaveLength(1);
  });

  it('reports unknown runs', async () => {
    expect(await getRun(database.db, randomUUID())).toBeUndefined();
    await expect(finishRun(database.db, randomUUID(), 'succeeded')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addEntityProgress(database.db, randomUUID(), 'order', { pages: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects negative or fractional counts with VALIDATION_FAILED', async () => {
    const runId = await startRun(database.db, { connectionId: randomUUID(), kind: 'full' });
    await expect(addEntityProgress(database.db, runId, 'order', { created: -1 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(addEntityProgress(database.db, runId, 'order', { pages: 1.5 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
