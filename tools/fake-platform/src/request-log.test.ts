import { describe, expect, it } from 'vitest';
import { RequestLog, type RequestRecord } from './request-log.js';

const request = (at: number): RequestRecord => ({ method: 'GET', path: '/offset/records', query: {}, at, status: 200 });

describe('RequestLog', () => {
  it('keeps the last `capacity` requests, oldest first', () => {
    const log = new RequestLog(3);
    for (let at = 1; at <= 2; at++) log.add(request(at));
    expect(log.list().map((r) => r.at)).toEqual([1, 2]);
    for (let at = 3; at <= 7; at++) log.add(request(at));
    expect(log.list().map((r) => r.at)).toEqual([5, 6, 7]);
  });
});
