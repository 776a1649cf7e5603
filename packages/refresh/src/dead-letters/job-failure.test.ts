import { describe, expect, it } from 'vitest';
import { jobFailureOf } from './job-failure.js';

describe('jobFailureOf', () => {
  it.each([
    [
      'a PortageError as pg-boss stores it, with the tracking id and platform message of its context',
      { name: 'PortageError', code: 'UPSTREAM_UNAVAILABLE', action: 'retry', message: 'UPSTREAM_UNAVAILABLE: GET /c answered 503', stack: 'at x', context: { status: 503, trackingId: 'req_1', platformMessage: 'down' } },
      { code: 'UPSTREAM_UNAVAILABLE', action: 'retry', message: 'UPSTREAM_UNAVAILABLE: GET /c answered 503', status: 503, trackingId: 'req_1', platformMessage: 'down' },
    ],
    ['an expired job', { value: { message: 'job failed by timeout in active state' } }, { message: 'job failed by timeout in active state' }],
    ['a plain Error', { name: 'Error', message: 'boom', stack: 'Error: boom' }, { message: 'boom' }],
    ['nothing', undefined, undefined],
    ['an empty object', {}, undefined],
  ])('%s', (_name, output, want) => {
    expect(jobFailureOf(output)).toEqual(want);
  });
});
