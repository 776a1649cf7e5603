import { describe, expect, it } from 'vitest';
import { toStatusJson } from './status-json.js';

describe('toStatusJson', () => {
  it('given a connection and runs, gives ISO instants, durations and "added" counts', () => {
    const error = { code: 'RATE_LIMITED', action: 'wait_until', message: 'slow down', at: '2026-11-23T12:00:01Z' };
    const given = [
      {
        connection: { id: 'c1', platform: 'shop', tenant: 'acme', health: 'degraded' as const, healthReason: 'retries spent', createdAt: new Date(0), updatedAt: new Date(0) },
        runs: [
          {
            id: 'r2',
            connectionId: 'c1',
            kind: 'incremental' as const,
            status: 'running' as const,
            startedAt: new Date('2026-11-23T12:10:00Z'),
            finishedAt: null,
            error: null,
            entities: [],
          },
          {
            id: 'r1',
            connectionId: 'c1',
            kind: 'full' as const,
            status: 'succeeded' as const,
            startedAt: new Date('2026-11-23T12:00:00Z'),
            finishedAt: new Date('2026-11-23T12:00:02.500Z'),
            error: null,
            entities: [{ entity: 'orders', created: 5, updated: 1, unchanged: 2, deleted: 3, pages: 4, errors: [error] }],
          },
        ],
      },
    ];
    expect(toStatusJson(given)).toEqual({
      connections: [
        {
          id: 'c1',
          platform: 'shop',
          tenant: 'acme',
          health: 'degraded',
          healthReason: 'retries spent',
          runs: [
            { id: 'r2', kind: 'incremental', status: 'running', startedAt: '2026-11-23T12:10:00.000Z', finishedAt: null, durationMs: null, error: null, entities: [] },
            {
              id: 'r1',
              kind: 'full',
              status: 'succeeded',
              startedAt: '2026-11-23T12:00:00.000Z',
              finishedAt: '2026-11-23T12:00:02.500Z',
              durationMs: 2500,
              error: null,
              entities: [{ entity: 'orders', added: 5, updated: 1, unchanged: 2, deleted: 3, pages: 4, errors: [error] }],
            },
          ],
        },
      ],
    });
  });
});
