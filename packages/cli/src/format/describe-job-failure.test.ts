import { describe, expect, it } from 'vitest';
import { describeJobFailure } from './describe-job-failure.js';
import { deadLettersJson } from './dead-letters-json.js';
import { formatDeadLetters } from './format-dead-letters.js';

describe('describeJobFailure', () => {
  it.each([
    [{ name: 'PortageError', code: 'UPSTREAM_UNAVAILABLE', action: 'retry', message: 'UPSTREAM_UNAVAILABLE: GET /c answered 503 (retry later)', stack: 'at x' }, 'UPSTREAM_UNAVAILABLE (retry): GET /c answered 503 (retry later)'],
    [{ value: { message: 'job failed by timeout in active state' } }, 'job failed by timeout in active state'],
    [{ name: 'Error', message: 'boom', stack: 'Error: boom\n    at y' }, 'boom'],
    [undefined, '-'],
    [{}, '-'],
  ])('given %o, gives %s', (given, want) => {
    expect(describeJobFailure(given)).toBe(want);
  });
});

describe('formatDeadLetters', () => {
  it('given jobs, lists them with their error; given none, says so', () => {
    const job = {
      id: 'j1',
      data: { connectionId: 'c1', entity: 'orders', kind: 'full' as const },
      retryCount: 3,
      retryLimit: 3,
      createdOn: new Date('2026-11-23T12:00:00Z'),
      output: { code: 'TIMEOUT', action: 'retry', message: 'TIMEOUT: GET /orders took too long' },
    };
    expect(formatDeadLetters([job])).toBe('JOB  CREATED               CONNECTION  ENTITY  KIND  ERROR\nj1   2026-11-23 12:00:00Z  c1          orders  full  TIMEOUT (retry): GET /orders took too long\n');
    expect(formatDeadLetters([])).toBe('the dead-letter queue is empty\n');
    expect(deadLettersJson([job])).toEqual({
      jobs: [{ id: 'j1', createdOn: '2026-11-23T12:00:00.000Z', data: { connectionId: 'c1', entity: 'orders', kind: 'full' }, error: 'TIMEOUT (retry): GET /orders took too long' }],
    });
  });
});
